/** Kubernetes label selectors (metav1.LabelSelector): matchLabels AND every matchExpression. */
import type { LabelSelector } from '../model/types.ts';

export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = labels[req.key];
    switch (req.operator) {
      case 'In':
        if (!has || value === undefined || !req.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && value !== undefined && req.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * Labels that, added to the namespace, make the selector match — when that is possible by adding
 * labels alone (matchLabels and `In` with a value); null otherwise (NotIn/DoesNotExist failures).
 */
export function labelsToSatisfy(
  selector: LabelSelector,
  labels: Readonly<Record<string, string>>,
): Record<string, string> | null {
  const needed: Record<string, string> = {};
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (labels[key] !== value) needed[key] = value;
  }
  for (const req of selector.matchExpressions) {
    const merged = { ...labels, ...needed };
    const value = merged[req.key];
    if (req.operator === 'In' && (value === undefined || !req.values.includes(value))) {
      const first = req.values[0];
      if (first === undefined) return null;
      needed[req.key] = first;
    } else if (req.operator === 'Exists' && value === undefined) {
      needed[req.key] = 'true';
    }
  }
  return selectorMatches(selector, { ...labels, ...needed }) ? needed : null;
}

/** A readable form of the selector for messages: `env=prod, team in (a,b)`. */
export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions) {
    const values = req.values.length > 0 ? ` (${req.values.join(',')})` : '';
    parts.push(`${req.key} ${req.operator}${values}`);
  }
  return parts.length === 0 ? '(empty selector: everything)' : parts.join(', ');
}
