/**
 * Demo mode (no reachable cluster): the objects of the demo scenario YAML, served as a snapshot
 * that never changes, with the reason the server is not live.
 */
import { readFile } from 'node:fs/promises';
import { parseManifests } from '@gatescope/core/manifest/parse';
import type { ContextInfo, KindStatus, SourceInfo, WireObject } from '@gatescope/core/wire';
import { StreamHub } from '../stream/hub.ts';
import type { ObjectJson } from '../stream/wire-json.ts';
import { newEpoch, type DataSource } from './types.ts';

export const DEMO_CLUSTER = 'demo';

/** Raw objects of the scenario, parsed the way the sandbox parses pasted YAML. */
export function demoObjects(name: string, text: string): Record<string, unknown>[] {
  return parseManifests([{ name, text }]).docs.map((doc) => doc.object);
}

export class DemoSource implements DataSource {
  readonly hub: StreamHub;

  private constructor(
    private readonly objectList: WireObject[],
    private readonly reason: string,
    private readonly contexts: readonly ContextInfo[],
  ) {
    this.hub = new StreamHub(this, { epoch: newEpoch() });
  }

  static async load(
    file: string,
    reason: string,
    contexts: readonly ContextInfo[],
    log: (message: string) => void,
  ): Promise<DemoSource> {
    let objects: Record<string, unknown>[] = [];
    try {
      objects = demoObjects(file, await readFile(file, 'utf8'));
    } catch (error) {
      log(`demo scenario ${file} not readable (${(error as Error).message}); serving an empty demo`);
    }
    return new DemoSource(
      objects.map((object) => ({ cluster: DEMO_CLUSTER, object })),
      reason,
      contexts,
    );
  }

  source(): SourceInfo {
    return { mode: 'demo', contexts: this.contexts, reason: this.reason };
  }

  info(): SourceInfo {
    return this.source();
  }

  kinds(): KindStatus[] {
    return [];
  }

  objects(): WireObject[] {
    return this.objectList;
  }

  objectsJson(): ObjectJson[] {
    return this.objectList.map((item) => ({
      cluster: item.cluster,
      objectJson: JSON.stringify(item.object),
    }));
  }

  readiness(): { ready: boolean; waiting: string[] } {
    return { ready: true, waiting: [] };
  }

  metrics(): { watchRelists: number; discoveryFailures: number } {
    return { watchRelists: 0, discoveryFailures: 0 };
  }

  stop(): void {
    this.hub.close();
  }
}
