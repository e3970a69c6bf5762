/**
 * Short canvas wording for edge labels; the full Gateway API reason stays in the tooltip and the
 * details panel. Edges have little room between columns.
 */
const SHORT: Readonly<Record<string, string>> = {
  NoMatchingListenerHostname: 'hostname mismatch',
  NotAllowedByListeners: 'not allowed',
  NoMatchingParent: 'no such listener',
  NotAttached: 'not attached',
  BackendNotFound: 'not found',
  InvalidKind: 'invalid kind',
  RefNotPermitted: 'no ReferenceGrant',
  'no ReferenceGrant': 'no ReferenceGrant',
  UnsupportedValue: 'unsupported',
};

export function shortLabel(label: string): string {
  return label
    .split(' · ')
    .map((part) => SHORT[part] ?? part)
    .join(' · ');
}
