/**
 * Options for code that needs the `yaml` package's document model (editing, redaction, fixes),
 * so that values come out the way kubectl reads them, as parseManifests (js-yaml with
 * kubectl-schema.ts) reads them.
 * kubectl (sigs.k8s.io/yaml on go-yaml v2) is YAML 1.1: yes/no/on/off are booleans and 0755 is
 * an octal number, `<<` merge keys work; but timestamps stay strings (it converts to JSON) and
 * there are no sexagesimal numbers (1:20 is a string) and no !!binary bytes.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

/** Tags of the 1.1 schema that go-yaml v2 does not apply when converting YAML to JSON. */
function isKubectlTag(tag: { tag: string; format?: string }): boolean {
  if (tag.tag === 'tag:yaml.org,2002:timestamp' || tag.tag === 'tag:yaml.org,2002:binary') return false;
  return tag.format !== 'TIME';
}

export const YAML_11_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  merge: true,
  // Duplicate keys are an error in kubectl too ("mapping key already defined").
  uniqueKeys: true,
  prettyErrors: false,
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || isKubectlTag(t)),
};

/** JSON input: plain JSON rules (no 1.1 booleans), parsed by the same engine for positions. */
export const JSON_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'json',
  uniqueKeys: true,
  prettyErrors: false,
};

/**
 * Alias bombs ("billion laughs"): each alias may expand to a large subtree; the yaml package
 * counts expansions and stops with an error past this many.
 */
export const TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 100 };
