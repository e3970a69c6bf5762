/**
 * A minimal, fast YAML emitter for the generator's plain objects (strings, numbers, booleans,
 * arrays, records). The `yaml` package's stringify is too slow for 100k-route bundles, and the
 * output only has to be valid block YAML that kubectl and our parser read the same way.
 */
export type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | {
      readonly [key: string]: Json;
    };
export declare function toYamlDocument(object: Json): string;
/** A multi-document YAML stream, one `---` separated document per object. */
export declare function toYamlStream(objects: readonly Json[]): string;
