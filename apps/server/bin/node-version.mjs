// The Node version check the bin runs before anything else. Kept to syntax every Node since 12
// understands, and free of imports, so that an old Node reaches the message instead of failing
// on the bundle (client-node 2.x and vitest 5 need Node >= 22.19).

export const MINIMUM = [22, 19, 0];

/** The message for a Node version that is too old, or null when it is recent enough. */
export function nodeVersionProblem(version) {
  const parts = String(version)
    .replace(/^v/, '')
    .split('.')
    .map((p) => parseInt(p, 10) || 0);
  for (let i = 0; i < MINIMUM.length; i++) {
    const have = parts[i] || 0;
    if (have > MINIMUM[i]) return null;
    if (have < MINIMUM[i]) {
      return (
        `Gatescope needs Node >= ${MINIMUM.join('.').replace(/\.0$/, '')} (found ${String(version).replace(/^v/, '')}). ` +
        "Run it through npm (npm start / npx gatescope), which uses the repo's pinned Node 22, or install Node 22."
      );
    }
  }
  return null;
}
