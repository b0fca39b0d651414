// The child of run-cli.ts: reads a JSON list of command lines on stdin, runs each through runSightline with
// stdout and stderr captured, and prints the results as one JSON array once every run is over.

import { readFileSync } from 'node:fs';
import { runSightline } from '../../src/main.ts';

type Write = typeof process.stdout.write;
const commandLines = JSON.parse(readFileSync(0, 'utf8')) as string[][];
const original = { stdout: process.stdout.write, stderr: process.stderr.write };
const results: { status: number; stdout: string; stderr: string }[] = [];
for (const args of commandLines) {
  const captured = { stdout: '', stderr: '' };
  const capture = (key: 'stdout' | 'stderr'): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      (rest.find((r) => typeof r === 'function') as (() => void) | undefined)?.();
      return true;
    }) as Write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  let status: number;
  try {
    status = await runSightline(args);
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  }
  results.push({ status, ...captured });
}
process.exitCode = 0;
process.stdout.write(JSON.stringify(results));
