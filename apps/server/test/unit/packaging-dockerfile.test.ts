/**
 * The Dockerfile, checked statically (no Docker engine runs here):
 * - linted by dockerfile-utils (the validator behind the VS Code Docker extension), every rule
 *   set to error;
 * - a hadolint-style policy for this image: pinned base, multi-stage, non-root numeric USER, JSON
 *   form ENTRYPOINT/CMD, COPY not ADD, a HEALTHCHECK, only the server bundle and the SPA at run
 *   time (no node_modules, no sources);
 * - every file it COPYs from the build context exists and is not excluded by .dockerignore, and
 *   every workspace's package.json reaches the `npm ci` stage.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const DOCKERFILE = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const DOCKERIGNORE = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8');

const STRICT: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}
interface Stage {
  readonly name: string;
  readonly image: string;
  readonly instructions: Instruction[];
}

/** Instructions with continuation lines joined and comments dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (pending === undefined && (line.trim() === '' || line.trimStart().startsWith('#'))) return;
    if (pending !== undefined && line.trimStart().startsWith('#')) return;
    const current: { text: string; line: number } = pending ?? { text: '', line: index + 1 };
    const continued = line.endsWith('\\');
    current.text += ` ${continued ? line.slice(0, -1) : line}`;
    pending = continued ? current : undefined;
    if (!continued) {
      const [keyword = '', ...rest] = current.text.trim().split(/\s+/);
      out.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: current.line });
    }
  });
  return out;
}

function stages(text: string): { args: Map<string, string>; stages: Stage[] } {
  const args = new Map<string, string>();
  const result: Stage[] = [];
  for (const instruction of instructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', , name = String(result.length)] = instruction.args.split(' ');
      const resolved = image.replace(/^\$\{?(\w+)\}?$/, (_, arg: string) => args.get(arg) ?? '');
      result.push({ name, image: resolved, instructions: [] });
    } else if (result.length === 0 && instruction.keyword === 'ARG') {
      const [name = '', value = ''] = instruction.args.split('=');
      args.set(name, value);
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return { args, stages: result };
}

/** .dockerignore semantics: patterns from the context root; a match on a parent excludes children. */
function ignored(path: string): boolean {
  const rules = DOCKERIGNORE.split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((pattern) => {
      const negate = pattern.startsWith('!');
      const glob = (negate ? pattern.slice(1) : pattern).replace(/^\/+|\/+$/g, '');
      const source = glob
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, regex: new RegExp(`^${source}$`) };
    });
  const parts = path.split('/');
  let excluded = false;
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    for (const rule of rules) if (rule.regex.test(prefix)) excluded = !rule.negate;
    if (excluded) return true;
  }
  return excluded;
}

function filesUnder(path: string): string[] {
  const full = join(REPO_ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(`${path}/${name}`));
}

const parsed = stages(DOCKERFILE);
const final = parsed.stages.at(-1);
const copies = parsed.stages.flatMap((stage) =>
  stage.instructions.filter((i) => i.keyword === 'COPY').map((i) => ({ stage: stage.name, ...i })),
);

describe('Dockerfile', () => {
  it('passes the dockerfile-utils linter with every rule as an error', () => {
    const problems = validate(DOCKERFILE, STRICT).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('the linter catches a broken Dockerfile (negative control)', () => {
    const broken =
      "from node:22\nMAINTAINER someone\nEXPOSE 70800000\nWORKDIR app\nCMD ['node']\nCOPY --chmod=bogus x y\n";
    expect(validate(broken, STRICT).length).toBeGreaterThanOrEqual(4);
  });

  it('builds in stages from a pinned, non-"latest" base image', () => {
    expect(parsed.stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const stage of parsed.stages) expect(stage.image).toMatch(/^node:22[\w.-]*$/);
    for (const stage of parsed.stages) expect(stage.image).not.toMatch(/latest/);
  });

  it('runs as a non-root numeric user, with JSON-form ENTRYPOINT/CMD and a HEALTHCHECK', () => {
    const runtime = final?.instructions ?? [];
    const user = runtime.filter((i) => i.keyword === 'USER').at(-1)?.args ?? '';
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
      const args = runtime.find((i) => i.keyword === keyword)?.args ?? '';
      expect(() => JSON.parse(args) as unknown, keyword).not.toThrow();
    }
    expect(runtime.some((i) => i.keyword === 'HEALTHCHECK' && i.args.includes('/api/healthz'))).toBe(true);
    expect(parsed.stages.flatMap((s) => s.instructions).some((i) => i.keyword === 'ADD')).toBe(false);
  });

  it('starts the launcher by absolute path with the V8 flags `npm start` uses', () => {
    const entrypoint = JSON.parse(final?.instructions.find((i) => i.keyword === 'ENTRYPOINT')?.args ?? '[]');
    const [node, ...rest] = entrypoint as string[];
    // Absolute, so that `docker run -w /work ... analyze -f manifests/` works from any directory.
    expect(rest.at(-1)).toBe('/app/apps/server/bin/gatescope.mjs');
    expect(existsSync(join(REPO_ROOT, 'apps/server/bin/gatescope.mjs'))).toBe(true);
    const start = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['start'];
    const startFlags = /\bnode((?: --[\w-]+(?:=\S+)?)*) apps\/server\/bin\/gatescope\.mjs/.exec(start ?? '');
    expect(startFlags, 'npm start runs the launcher with node').not.toBeNull();
    expect([node, ...rest.slice(0, -1)].join(' ')).toBe(`node${startFlags?.[1] ?? ''}`);
  });

  it('sets no KUBECONFIG, so that in a pod the in-cluster ServiceAccount is used', () => {
    // client-node's loadFromDefault() reads $KUBECONFIG first and fails on a missing file.
    const env = parsed.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'ENV');
    expect(env.map((i) => i.args).join(' ')).not.toContain('KUBECONFIG');
  });

  it('ships the bundle, not node_modules or sources: the launcher then always runs the bundle', () => {
    const build = parsed.stages.find((s) => s.name === 'build');
    expect(
      build?.instructions.some(
        (i) => i.keyword === 'RUN' && i.args.includes('npm run build -w @gatescope/server'),
      ),
    ).toBe(true);
    const runtime = copies.filter((c) => c.stage === 'runtime');
    expect(runtime.filter((c) => c.args.startsWith('--from=')).map((c) => c.args)).toEqual([
      '--from=build /app/apps/server/dist apps/server/dist',
      '--from=build /app/apps/web/dist apps/web/dist',
    ]);
    const fromContext = runtime
      .filter((c) => !c.args.startsWith('--from='))
      .flatMap((c) => c.args.split(' ')[0]);
    expect(fromContext).toEqual(['package.json', 'apps/server/bin', 'public']);
    expect(final?.instructions.some((i) => i.keyword === 'RUN')).toBe(false);
  });

  it('copies only files that exist in the build context and are not .dockerignored', () => {
    const problems: string[] = [];
    for (const copy of copies.filter((c) => !c.args.startsWith('--from='))) {
      const parts = copy.args.split(' ');
      for (const source of parts.slice(0, -1)) {
        if (!existsSync(join(REPO_ROOT, source)))
          problems.push(`line ${copy.line}: ${source} does not exist`);
        else if (filesUnder(source).every(ignored))
          problems.push(`line ${copy.line}: ${source} is .dockerignored`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives the npm ci stage every workspace package.json (npm ci needs the whole workspace set)', () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      workspaces: string[];
    };
    const workspaces = root.workspaces.flatMap((glob) => {
      const base = glob.replace(/\/\*$/, '');
      return readdirSync(join(REPO_ROOT, base))
        .map((name) => `${base}/${name}`)
        .filter((dir) => existsSync(join(REPO_ROOT, dir, 'package.json')));
    });
    expect(workspaces.length).toBeGreaterThanOrEqual(3);
    const copied = copies.filter((c) => c.stage === 'build').flatMap((c) => c.args.split(' ').slice(0, -1));
    for (const dir of workspaces) expect(copied, dir).toContain(`${dir}/package.json`);
    expect(copied).toContain('package-lock.json');
  });

  it('.dockerignore keeps local installs, git history and kubeconfigs out of the context', () => {
    for (const path of [
      'node_modules/x',
      'apps/web/node_modules/y',
      '.git/HEAD',
      'apps/web/dist/index.html',
      'kubeconfig',
      'apps/server/test/unit/a.test.ts',
    ]) {
      expect(ignored(path), path).toBe(true);
    }
    for (const path of [
      'apps/server/src/cli/main.ts',
      'packages/core/src/index.ts',
      'public/scenarios/demo.yaml',
      'package-lock.json',
    ]) {
      expect(ignored(path), path).toBe(false);
    }
  });

  // tools/docker-lint/emulate-image.sh runs the image's filesystem without Docker (by hand: it
  // needs the npm registry and root); here only its syntax and shellcheck.
  const emulate = join(REPO_ROOT, 'tools/docker-lint/emulate-image.sh');
  const shellcheck = (process.env['PATH'] ?? '')
    .split(delimiter)
    .some((d) => d !== '' && existsSync(join(d, 'shellcheck')));
  it('the image emulation script is valid bash (and passes shellcheck when installed)', () => {
    expect(spawnSync('bash', ['-n', emulate]).status).toBe(0);
    if (shellcheck) expect(spawnSync('shellcheck', [emulate], { encoding: 'utf8' }).stdout).toBe('');
  });
});
