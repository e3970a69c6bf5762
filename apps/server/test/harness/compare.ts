/** The apiserver's truth, in the same `namespace/name@resourceVersion` form SseTestClient gives. */
import type { KubeClient } from './kube-client.ts';

export async function listVersions(admin: KubeClient, path: string): Promise<string[]> {
  const list = await admin.list(path);
  return list.items
    .map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion ?? ''}`)
    .sort();
}
