/** Shared steps: generated cluster → YAML files → snapshot → analysis, as the product runs them. */
import type { GeneratedCluster } from '../generator/index.ts';
import { toYamlStream } from '../generator/index.ts';
import type { ManifestFile } from './core-api.ts';

/** One YAML file per namespace-ish chunk, as a user would pass a directory of manifests. */
export function toFiles(cluster: GeneratedCluster, objectsPerFile = 500): ManifestFile[] {
  const files: ManifestFile[] = [];
  for (let i = 0; i < cluster.objects.length; i += objectsPerFile) {
    const chunk = cluster.objects.slice(i, i + objectsPerFile);
    files.push({
      name: `${cluster.preset}-${String(files.length).padStart(4, '0')}.yaml`,
      text: toYamlStream(chunk),
    });
  }
  return files;
}

/** A single multi-document YAML text of at least `bytes` bytes, cut at a document boundary. */
export function bundleOfSize(cluster: GeneratedCluster, bytes: number): ManifestFile {
  const parts: string[] = [];
  let size = 0;
  for (const object of cluster.objects) {
    if (size >= bytes) break;
    const doc = toYamlStream([object]);
    parts.push(doc);
    size += doc.length;
  }
  return { name: `${cluster.preset}-bundle.yaml`, text: parts.join('') };
}
