/**
 * Kubernetes API version priority (as kubectl sorts them): GA before beta before alpha, higher
 * numbers first. v1 > v1beta2 > v1beta1 > v1alpha2 > v1alpha1; unknown shapes last.
 */
const VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(version: string): readonly [number, number, number] {
  const m = VERSION.exec(version);
  if (!m) return [-1, 0, 0];
  const stability = m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0;
  return [stability, Number(m[1]), Number(m[3] ?? 0)];
}

/** Negative when `a` is preferred over `b`. */
export function compareVersionPriority(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < 3; i++) {
    const d = (rb[i] ?? 0) - (ra[i] ?? 0);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
