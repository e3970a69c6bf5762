/**
 * Allowlist redaction for share links and bundles (DESIGN.md security rules): never Secret data,
 * no managedFields or last-applied configuration, only allowlisted fields (allowlist.ts), and
 * optionally masked IPs and hostnames (mask.ts). Every removal is reported so the user sees
 * what is shared before copying the link.
 */
import { annotationAllowed, METADATA_FIELDS, rulesFor, type FieldRule } from './allowlist.ts';
import { HOSTNAME_KEYS, Masker } from './mask.ts';
import type { RedactionOptions } from './types.ts';

type Json = Record<string, unknown>;

export interface RedactionNote {
  /** `Kind namespace/name` of the object concerned. */
  readonly object: string;
  readonly removed: string;
}

export interface RedactionReport {
  readonly objects: number;
  readonly notes: readonly RedactionNote[];
  readonly maskedIPs: number;
  readonly maskedHostLabels: number;
}

/** Collects notes while one share is being redacted; one Masker keeps masks consistent. */
export class Redactor {
  readonly #masker: Masker;
  readonly #notes: RedactionNote[] = [];
  #objects = 0;

  constructor(options: RedactionOptions) {
    this.#masker = new Masker(options.maskIPs, options.maskHostnames);
  }

  /**
   * One value read from a document, whatever its container shape, read by the analyzer's rules
   * (manifest/parse.ts): an object; a `kind: List` / typed `*List` (whose items without
   * apiVersion/kind are of the list's kind); a bare sequence (YAML list, JSON array, what
   * `jq .items` prints); any nesting of these. Returns the same shape with every object redacted
   * and everything that is not an object left out (and noted), or undefined when nothing is left.
   */
  document(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      value.forEach((item, i) => {
        const kept = this.document(item, `${where}, item ${i}`);
        if (kept !== undefined) out.push(kept);
      });
      return out;
    }
    if (isJsonObject(value)) return this.object(value);
    if (value === null || value === undefined) return undefined;
    this.#note(where, 'whole value (not a Kubernetes object)');
    return undefined;
  }

  /** One Kubernetes object (or a List of them) reduced to its allowlisted fields. */
  object(raw: Readonly<Json>): Json {
    const kind = typeof raw['kind'] === 'string' ? raw['kind'] : '';
    if (isListShape(raw, kind)) return this.#list(raw, kind);
    this.#objects++;
    const label = describe(raw, kind);
    const out: Json = {};
    if (typeof raw['apiVersion'] === 'string') out['apiVersion'] = raw['apiVersion'];
    else if (raw['apiVersion'] !== undefined) this.#note(label, 'apiVersion (not a string)');
    if (typeof raw['kind'] === 'string') out['kind'] = kind;
    else if (raw['kind'] !== undefined) this.#note(label, 'kind (not a string)');
    const metadata = isJsonObject(raw['metadata']) ? raw['metadata'] : {};
    if (raw['metadata'] !== undefined && !isJsonObject(raw['metadata'])) this.#note(label, 'metadata');
    out['metadata'] = this.#metadata(metadata, label);
    const rules = rulesFor(raw['apiVersion'], kind);
    for (const [field, value] of Object.entries(raw)) {
      if (field === 'apiVersion' || field === 'kind' || field === 'metadata') continue;
      const rule = rules[field];
      if (rule === undefined) {
        this.#note(label, field === 'data' || field === 'stringData' ? `${field} (values)` : field);
        continue;
      }
      out[field] = this.#keep(value, rule, label, field);
    }
    return this.#mask(out) as Json;
  }

  /** A List keeps only apiVersion, kind and its items; items take the list's type (parse.ts). */
  #list(raw: Readonly<Json>, kind: string): Json {
    const label = `${kind} (list)`;
    const out: Json = { apiVersion: typeof raw['apiVersion'] === 'string' ? raw['apiVersion'] : 'v1', kind };
    for (const field of Object.keys(raw)) {
      if (field !== 'apiVersion' && field !== 'kind' && field !== 'items') this.#note(label, field);
    }
    const items = raw['items'];
    if (items === null || items === undefined) return out;
    if (!Array.isArray(items)) {
      this.#note(label, 'items (not a sequence)');
      return out;
    }
    const typeMeta = kind === 'List' ? undefined : { apiVersion: raw['apiVersion'], kind: kind.slice(0, -4) };
    const kept: Json[] = [];
    items.forEach((item: unknown, i) => {
      if (!isJsonObject(item)) {
        // The analyzer reads no object from a non-mapping item: it never leaves either.
        if (item !== null && item !== undefined)
          this.#note(`${label} item ${i}`, 'whole item (not a mapping)');
        return;
      }
      const typed =
        typeMeta !== undefined && !('apiVersion' in item && 'kind' in item) ? { ...typeMeta, ...item } : item;
      kept.push(this.object(typed));
    });
    out['items'] = kept;
    return out;
  }

  /** A route test's request values: hosts, SNI and header values may carry names and IPs. */
  value<T>(value: T): T {
    return this.#mask(value) as T;
  }

  report(): RedactionReport {
    return {
      objects: this.#objects,
      notes: [...this.#notes],
      maskedIPs: this.#masker.maskedIPs,
      maskedHostLabels: this.#masker.maskedHostLabels,
    };
  }

  #metadata(metadata: Readonly<Json>, label: string): Json {
    const out: Json = {};
    for (const [field, value] of Object.entries(metadata)) {
      if (!METADATA_FIELDS.has(field)) {
        this.#note(label, `metadata.${field}`);
        continue;
      }
      if (field === 'annotations' && isJsonObject(value)) {
        const kept: Json = {};
        for (const [key, annotation] of Object.entries(value)) {
          if (annotationAllowed(key) && typeof annotation === 'string') kept[key] = annotation;
          else this.#note(label, `annotation ${key}`);
        }
        if (Object.keys(kept).length > 0) out[field] = kept;
        continue;
      }
      const kept = metadataValue(field, value);
      if (kept === undefined) this.#note(label, `metadata.${field} (unexpected type)`);
      else out[field] = kept;
    }
    return out;
  }

  #keep(value: unknown, rule: FieldRule, label: string, path: string): unknown {
    if (rule === null) return value;
    if (Array.isArray(value)) return value.map((item, i) => this.#keep(item, rule, label, `${path}[${i}]`));
    if (!isJsonObject(value)) return value;
    const out: Json = {};
    for (const [field, nested] of Object.entries(value)) {
      const nestedRule = rule[field];
      if (nestedRule === undefined) this.#note(label, `${path}.${field}`);
      else out[field] = this.#keep(nested, nestedRule, label, `${path}.${field}`);
    }
    return out;
  }

  #mask(value: unknown, key = ''): unknown {
    if (typeof value === 'string') {
      return HOSTNAME_KEYS.has(key) ? this.#masker.hostname(value) : this.#masker.text(value);
    }
    if (Array.isArray(value)) return value.map((item) => this.#mask(item, key));
    if (isJsonObject(value)) {
      const out: Json = {};
      for (const [field, nested] of Object.entries(value)) {
        out[field] = this.#mask(nested, hostKeyOf(key, field));
      }
      return out;
    }
    return value;
  }

  #note(object: string, removed: string): void {
    this.#notes.push({ object, removed });
  }
}

/** Header maps: the value of a `Host` header is a hostname like any other. */
function hostKeyOf(parent: string, field: string): string {
  if ((parent === 'headers' || parent === 'set' || parent === 'add') && field.toLowerCase() === 'host') {
    return 'host';
  }
  return field;
}

/**
 * The analyzer's List rule (manifest/parse.ts isList): a `*List` kind with `items` and no name.
 * A named "List" is an object like any other, and is redacted as one.
 */
function isListShape(raw: Readonly<Json>, kind: string): boolean {
  if (!kind.endsWith('List') || !('items' in raw)) return false;
  const meta = raw['metadata'];
  return !(isJsonObject(meta) && typeof meta['name'] === 'string' && meta['name'] !== '');
}

/** Allowlisted metadata keeps only values of the type the API defines (no data hidden in a name). */
function metadataValue(field: string, value: unknown): unknown {
  if (field === 'generation') return typeof value === 'number' ? value : undefined;
  if (field === 'annotations') return undefined; // an annotations value that is no mapping
  if (field === 'labels') {
    if (!isJsonObject(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'));
  }
  return typeof value === 'string' ? value : undefined;
}

export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(raw: Readonly<Json>, kind: string): string {
  const metadata = isJsonObject(raw['metadata']) ? raw['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '?';
  const namespace = typeof metadata['namespace'] === 'string' ? `${metadata['namespace']}/` : '';
  return `${kind || 'object'} ${namespace}${name}`;
}

/** Redacts a list of raw objects (a live selection) with one consistent mask. */
export function redactObjects(
  objects: readonly Readonly<Json>[],
  options: RedactionOptions,
): { readonly objects: Json[]; readonly report: RedactionReport } {
  const redactor = new Redactor(options);
  const out = objects.map((o) => redactor.object(o));
  return { objects: out, report: redactor.report() };
}
