/**
 * API discovery: which of the wanted kinds this cluster serves, at which version. The group's
 * preferred version wins when it serves the kind; otherwise the highest-priority version that does
 * (so TCPRoute is watched at v1 where Gateway API v1.6 serves it, v1alpha2 on older clusters).
 */
import type { KubeHttp } from './http.ts';
import { type WantedKind, type WatchTarget, groupKindId, WANTED_KINDS } from './kinds.ts';
import { compareVersionPriority } from './versions.ts';

interface ApiResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
  readonly verbs?: readonly string[];
}

interface ApiGroup {
  readonly name: string;
  readonly versions: readonly { readonly version: string }[];
  readonly preferredVersion?: { readonly version: string };
}

export interface DiscoveryResult {
  /** Keyed by `group/kind`. */
  readonly targets: ReadonlyMap<string, WatchTarget>;
}

async function resourcesOf(http: KubeHttp, path: string): Promise<readonly ApiResource[]> {
  try {
    const list = await http.getJson<{ resources?: ApiResource[] }>(path, { timeoutMs: 15_000 });
    // Subresources (gateways/status) are not watchable kinds.
    return (list.resources ?? []).filter((r) => !r.name.includes('/'));
  } catch {
    // One broken group version (e.g. an unavailable aggregated API) must not hide the others.
    return [];
  }
}

function pick(
  wanted: WantedKind,
  versions: readonly string[],
  served: ReadonlyMap<string, readonly ApiResource[]>,
  preferred: string | undefined,
): WatchTarget | undefined {
  const ordered = [...versions].sort((a, b) =>
    a === preferred ? -1 : b === preferred ? 1 : compareVersionPriority(a, b),
  );
  for (const version of ordered) {
    const resource = served.get(version)?.find((r) => r.kind === wanted.kind);
    if (resource && (resource.verbs === undefined || resource.verbs.includes('watch'))) {
      return { ...wanted, version, resource: resource.name, namespaced: resource.namespaced };
    }
  }
  return undefined;
}

/** Throws when the cluster cannot be reached at all (the caller keeps its current watches). */
export async function discover(
  http: KubeHttp,
  wanted: readonly WantedKind[] = WANTED_KINDS,
): Promise<DiscoveryResult> {
  const groups = await http.getJson<{ groups: ApiGroup[] }>('/apis', { timeoutMs: 15_000 });
  const core = await http.getJson<{ versions: string[] }>('/api', { timeoutMs: 15_000 });
  const wantedGroups = new Set(wanted.map((w) => w.group));
  const targets = new Map<string, WatchTarget>();

  const catalog: { group: string; versions: string[]; preferred?: string }[] = [
    { group: '', versions: core.versions, ...(core.versions.includes('v1') ? { preferred: 'v1' } : {}) },
    ...groups.groups
      .filter((g) => wantedGroups.has(g.name))
      .map((g) => ({
        group: g.name,
        versions: g.versions.map((v) => v.version),
        ...(g.preferredVersion ? { preferred: g.preferredVersion.version } : {}),
      })),
  ];
  for (const entry of catalog) {
    if (!wantedGroups.has(entry.group)) continue;
    const served = new Map<string, readonly ApiResource[]>();
    for (const version of entry.versions) {
      const path = entry.group === '' ? `/api/${version}` : `/apis/${entry.group}/${version}`;
      served.set(version, await resourcesOf(http, path));
    }
    for (const kind of wanted.filter((w) => w.group === entry.group)) {
      const target = pick(kind, entry.versions, served, entry.preferred);
      if (target) targets.set(groupKindId(kind), target);
    }
  }
  return { targets };
}
