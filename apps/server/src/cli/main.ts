/**
 * The `gatescope` command: dispatches to a subcommand module. Each subcommand is
 * `run<Name>(args, io)` returning its exit code; modules load lazily so `analyze` does not pay
 * for the server's dependencies.
 */
import { readFileSync } from 'node:fs';
import type { CliIO } from './inputs.ts';
import { processIO } from './inputs.ts';

const VERSION: string = (() => {
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
})();

const USAGE = `usage: gatescope <command> [options]
commands:
  analyze    predict Gateway API status and report problems in manifests (exit 0/1/2)
  simulate   answer requests against the manifests: listener, route, backends, why
  serve      run the web UI and API (live cluster, or sandbox/demo with --no-cluster)
options:
  -h, --help       show this help (gatescope <command> --help for a command)
  -v, --version    print the version
`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  analyze: async (args, io) => (await import('./analyze.ts')).runAnalyze(args, io, VERSION),
  simulate: async (args, io) => (await import('./simulate.ts')).runSimulate(args, io),
  // HOOK(serve): the server teammate's module ./serve.ts exports runServe(args, io).
  serve: async (args, io) => (await import('./serve.ts')).runServe(args, io),
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version' || command === 'version') {
    io.stdout(`gatescope ${VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    io.stderr(`gatescope: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  return run(rest, io);
}

// This module is the entry point: bin/gatescope.mjs imports it for this side effect.
const code = await main(process.argv.slice(2), processIO());
process.exitCode = code;
