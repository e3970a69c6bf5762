/** A synced Secret kind status: what makes the analysis treat missing Secrets as proof. */
import type { KindStatus } from '@gatescope/core/wire';

export function syncedSecrets(cluster: string): KindStatus {
  return {
    cluster,
    group: '',
    version: 'v1',
    kind: 'Secret',
    resource: 'secrets',
    state: 'synced',
    count: 0,
    restarts: 0,
  };
}
