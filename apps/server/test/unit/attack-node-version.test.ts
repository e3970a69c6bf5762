/**
 * Issue 12 (attack review): an old Node prints one clear line and exits 2, instead of a minified
 * stack from the bundle. The check runs before anything else is imported (bin/gatescope.mjs and
 * the `npm start` path through bin/check-node.mjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../bin/node-version.mjs';

const BIN = join(import.meta.dirname, '../../bin');
const REPO_ROOT = join(import.meta.dirname, '../../../..');
const EXPECTED =
  "Gatescope needs Node >= 22.19 (found 20.20.2). Run it through npm (npm start / npx gatescope), which uses the repo's pinned Node 22, or install Node 22.";

/** The machine's own Node (Debian's, 20.x here), when it is older than 22.19. */
function oldNode(): string | undefined {
  try {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
    return nodeVersionProblem(version) === null ? undefined : '/usr/bin/node';
  } catch {
    return undefined;
  }
}

describe('Node version check', () => {
  it('names the minimum, the version found and what to do', () => {
    expect(nodeVersionProblem('20.20.2')).toBe(EXPECTED);
    expect(nodeVersionProblem('v22.18.9')).toMatch(/found 22\.18\.9/);
    expect(nodeVersionProblem('22.19.0')).toBeNull();
    expect(nodeVersionProblem('22.23.3')).toBeNull();
    expect(nodeVersionProblem('24.0.0')).toBeNull();
  });

  const node = oldNode();
  it.skipIf(node === undefined)(
    'gatescope.mjs on an old Node: the message on stderr, exit 2, no stack',
    () => {
      for (const script of ['gatescope.mjs', 'check-node.mjs']) {
        const r = spawnSync(node ?? '', [join(BIN, script), 'analyze', '-f', '-'], {
          input: '',
          encoding: 'utf8',
          timeout: 30_000,
        });
        expect(r.status, script).toBe(2);
        expect(r.stderr.trim()).toMatch(
          /^Gatescope needs Node >= 22\.19 \(found 20\.\d+\.\d+\)\. Run it through npm/,
        );
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stdout).toBe('');
      }
    },
  );

  it('npm start checks the version before building anything', () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['start']).toMatch(/^node apps\/server\/bin\/check-node\.mjs && /);
  });
});
