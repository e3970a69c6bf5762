/**
 * Input handling shared by `analyze` and `simulate`: `-f PATH` (repeatable) where PATH is a file,
 * a directory (every *.yaml, *.yml and *.json below it, recursively, in sorted order) or `-` for
 * stdin. An unreadable path is a usage error (exit 2) with a clear message.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ManifestFile } from '@gatescope/core/manifest/types';

/** How a command talks to the outside world (tests pass their own). */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `-f -`). */
  readonly readStdin: () => Promise<string>;
  /** Directory that relative names in messages are relative to. */
  readonly cwd: string;
}

/** A problem with the command line or the input files: exit code 2. */
export class UsageError extends Error {}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
  };
}

export async function readInputs(paths: readonly string[], io: CliIO): Promise<ManifestFile[]> {
  if (paths.length === 0)
    throw new UsageError('no input: give at least one -f PATH (a file, a directory or - for stdin)');
  const files: ManifestFile[] = [];
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw new UsageError('-f - (stdin) can be given only once');
      stdinUsed = true;
      files.push({ name: '<stdin>', text: await io.readStdin() });
      continue;
    }
    files.push(...(await readPath(path, io)));
  }
  return files;
}

async function readPath(path: string, io: CliIO): Promise<ManifestFile[]> {
  const absolute = resolvePath(io.cwd, path);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  const names = info.isDirectory() ? await listManifests(absolute, path) : [absolute];
  const out: ManifestFile[] = [];
  for (const name of names) {
    try {
      out.push({ name: displayName(io.cwd, name), text: await readFile(name, 'utf8') });
    } catch (error) {
      throw new UsageError(`cannot read ${displayName(io.cwd, name)}: ${reason(error)}`);
    }
  }
  return out;
}

function resolvePath(cwd: string, path: string): string {
  return path.startsWith('/') ? path : join(cwd, path);
}

async function listManifests(dir: string, shown: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    throw new UsageError(`cannot read directory ${shown}: ${reason(error)}`);
  }
  return entries
    .filter((e) => e.isFile() && MANIFEST_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext)))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function displayName(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function reason(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    return code;
  }
  return error instanceof Error ? error.message : String(error);
}
