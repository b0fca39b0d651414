// Runs many `sightline <args>` command lines in one child process (the program entry, src/main.ts, called
// in turn) and returns what each wrote and its exit code: a table of a few dozen bad usages costs one module
// load rather than a process each. The child is needed because capturing process.stdout inside a test file
// would also swallow the test runner's own reports. Tests that need bin/sightline itself spawn it instead.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const CHILD = join(import.meta.dirname, 'run-cli-child.ts');

/** Runs each command line in order, in one process with working directory `cwd`. */
export function runBatch(commandLines: readonly (readonly string[])[], cwd: string): CliRun[] {
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), CHILD], {
    cwd,
    input: JSON.stringify(commandLines),
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`the batch process failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CliRun[];
}
