/**
 * The YAML schema kubectl applies (sigs.k8s.io/yaml on go-yaml v2, then converted to JSON):
 * YAML 1.1 booleans (y/n, yes/no, on/off, true/false in three casings) and nulls; integers as Go's
 * strconv.ParseInt(s, 0, 64) reads them after dropping `_` (0x hex, 0o and leading-0 octal, 0b
 * binary); floats by go-yaml's yamlStyleFloat pattern plus .inf/.nan; `<<` merge keys. Unlike
 * the full YAML 1.1 schema there are no sexagesimal numbers (1:20 stays a string) and timestamps
 * stay strings (go-yaml keeps them as strings when decoding into interface{}).
 */
import {
  boolYaml11Tag,
  defineScalarTag,
  FAILSAFE_SCHEMA,
  mergeTag,
  NOT_RESOLVED,
  nullYaml11Tag,
  Schema,
} from 'js-yaml';

const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    '.inf': Infinity,
    '.Inf': Infinity,
    '.INF': Infinity,
    '+.inf': Infinity,
    '+.Inf': Infinity,
    '+.INF': Infinity,
    '-.inf': -Infinity,
    '-.Inf': -Infinity,
    '-.INF': -Infinity,
    '.nan': NaN,
    '.NaN': NaN,
    '.NAN': NaN,
  }),
);

function parseGoInt(source: string): number | typeof NOT_RESOLVED {
  const plain = source.replaceAll('_', '');
  if (!GO_INT.test(plain)) return NOT_RESOLVED;
  const negative = plain.startsWith('-');
  const digits = plain.replace(/^[-+]/, '');
  const lower = digits.toLowerCase();
  const value = lower.startsWith('0x')
    ? parseInt(digits.slice(2), 16)
    : lower.startsWith('0o')
      ? parseInt(digits.slice(2), 8)
      : lower.startsWith('0b')
        ? parseInt(digits.slice(2), 2)
        : digits.length > 1 && digits.startsWith('0')
          ? parseInt(digits.slice(1), 8)
          : parseInt(digits, 10);
  return negative ? -value : value;
}

const goIntTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...'0123456789'],
  resolve: (source) => parseGoInt(source),
  identify: (data) => Number.isInteger(data),
});

const goFloatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...'0123456789'],
  resolve: (source) => {
    const special = SPECIAL_FLOATS.get(source);
    if (special !== undefined) return special;
    const plain = source.replaceAll('_', '');
    return GO_FLOAT.test(plain) ? parseFloat(plain) : NOT_RESOLVED;
  },
  identify: (data) => typeof data === 'number' && !Number.isInteger(data),
});

export const KUBECTL_SCHEMA: Schema = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  goIntTag,
  goFloatTag,
  mergeTag,
]);
