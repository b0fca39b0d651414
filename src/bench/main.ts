// `npm run bench` entry: parses the options and either runs the bench (parent.ts), the stream check, or, as
// a spawned child, one engine on one query. Only the mode that runs is imported, so a child's start-up loads
// what its engine needs and nothing else.

import { USAGE, parseArgs } from './args.ts';
import { runChild } from './child.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    // A usage mistake gets its message, not a stack trace.
    console.error((err as Error).message);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.child) {
    if (!args.query || !args.file) throw new Error('--child needs --query and --file');
    const r = await runChild(args.child, args.query, args.file, args.threads);
    // DuckDB returns BIGINT counts as bigint; the row comparison normalises numbers to text anyway.
    process.stdout.write(`${JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}\n`);
    return 0;
  }
  if (args.streamCheck) {
    const { runStreamCheck } = await import('./stream-check.ts');
    await runStreamCheck(args.streamGb, (line) => console.log(line));
    return 0;
  }
  const { runBench } = await import('./parent.ts');
  return runBench(args);
}
