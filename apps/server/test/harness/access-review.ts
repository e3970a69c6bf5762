/**
 * SubjectAccessReviews against the test apiserver's RBAC authorizer: what a subject may do, asked
 * of the authorizer itself rather than read from the RBAC objects (so aggregation, bindings to
 * groups and default roles all count).
 */
import type { KubeClient } from './kube-client.ts';

export const READ_VERBS = ['get', 'list', 'watch'] as const;
export const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'] as const;
export const ALL_VERBS = [...READ_VERBS, ...WRITE_VERBS] as const;

export interface Subject {
  readonly user: string;
  readonly groups: readonly string[];
}

export function serviceAccount(namespace: string, name: string): Subject {
  return {
    user: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

export interface Attributes {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly namespace?: string;
}

export const keyOf = (a: Attributes): string =>
  `${a.verb} ${a.group === '' ? 'core' : a.group}/${a.resource}${a.subresource ? `/${a.subresource}` : ''}${a.namespace ? ` in ${a.namespace}` : ''}`;

export async function allowed(admin: KubeClient, subject: Subject, attributes: Attributes): Promise<boolean> {
  const review = (await admin.must('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: { user: subject.user, groups: subject.groups, resourceAttributes: attributes },
  })) as { status: { allowed: boolean } };
  return review.status.allowed;
}

/** The allowed subset of `universe` for `subject`, as keyOf strings (16 reviews in flight). */
export async function allowedSet(
  admin: KubeClient,
  subject: Subject,
  universe: readonly Attributes[],
): Promise<Set<string>> {
  const result = new Set<string>();
  for (let i = 0; i < universe.length; i += 16) {
    const batch = universe.slice(i, i + 16);
    const answers = await Promise.all(batch.map((a) => allowed(admin, subject, a)));
    batch.forEach((a, j) => {
      if (answers[j]) result.add(keyOf(a));
    });
  }
  return result;
}

/** Every verb on every resource and subresource: what the reviews cover. */
export function universeOf(resources: readonly [string, string][]): Attributes[] {
  return resources.flatMap(([group, name]) => {
    const [resource = name, subresource] = name.split('/');
    return ALL_VERBS.map((verb) => ({ verb, group, resource, ...(subresource ? { subresource } : {}) }));
  });
}
