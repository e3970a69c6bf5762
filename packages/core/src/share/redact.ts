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

  /** One Kubernetes object (or a `kind: List`) reduced to its allowlisted fields. */
  object(raw: Readonly<Json>): Json {
    const kind = typeof raw['kind'] === 'string' ? raw['kind'] : '';
    if (kind === 'List' || (kind.endsWith('List') && Array.isArray(raw['items']))) {
      const items = Array.isArray(raw['items']) ? raw['items'] : [];
      return {
        apiVersion: raw['apiVersion'] ?? 'v1',
        kind,
        items: items.filter(isJsonObject).map((item) => this.object(item)),
      };
    }
    this.#objects++;
    const label = describe(raw, kind);
    const out: Json = { apiVersion: raw['apiVersion'], kind };
    const metadata = isJsonObject(raw['metadata']) ? raw['metadata'] : {};
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
          if (annotationAllowed(key)) kept[key] = annotation;
          else this.#note(label, `annotation ${key}`);
        }
        if (Object.keys(kept).length > 0) out[field] = kept;
        continue;
      }
      out[field] = value;
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
