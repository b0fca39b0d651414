// Command-line options of `npm run bench`, and its usage text (`--help`).

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, type Engine } from './child.ts';
import { QUERY_NAMES, type QueryName } from './query-names.ts';

export interface Args {
  help: boolean;
  sizeMb: number;
  json: boolean;
  dir: string;
  threads?: number;
  queries: QueryName[];
  oneByOne: boolean;
  translated: boolean;
  streamCheck: boolean;
  streamGb: number;
  /** Internal: run one engine on one query and print its ChildResult (the parent spawns these). */
  child?: Engine;
  query?: QueryName;
  file?: string;
}

export const USAGE = `usage: npm run bench -- [options]

Writes a deterministic dataset (NDJSON + gzip copy, cached under --dir) and runs every query on sightline,
on DuckDB with the SQL a DuckDB user writes (typed read_ndjson, src/bench/idiomatic/*.sql) and on DuckDB with
the SQL of sightline's translator, each in its own process; MB/s is measured from spawn to exit.

  --size-mb N        dataset size in MiB (default 1024)
  --dir D            dataset cache directory (default $TMPDIR/sightline-bench)
  --queries a,b      subset of: ${QUERY_NAMES.join(', ')}
  --json             print one JSON object as the last line
  --no-translated    skip the DuckDB column that runs the translator's SQL
  --no-one-by-one    skip detect-pack's run of the rules one pass each
  --threads N        sightline scanning threads, the main one included (default: see ScanRunOptions.threads)
  --stream-check     stream generated input through the scan path and report peak RSS
  --stream-gb N      size of the stream check in GiB (default 10)
  --help             this text

Exit code 1 when any engine's rows differ from sightline's.`;

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, sizeMb: 1024, json: false, dir: join(tmpdir(), 'sightline-bench'), queries: [...QUERY_NAMES], oneByOne: true, translated: true, streamCheck: false, streamGb: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--size-mb') args.sizeMb = Number(next());
    else if (a === '--json') args.json = true;
    else if (a === '--dir') args.dir = next();
    else if (a === '--threads') args.threads = Number(next());
    else if (a === '--queries') args.queries = next().split(',') as QueryName[];
    else if (a === '--no-one-by-one') args.oneByOne = false;
    else if (a === '--no-translated') args.translated = false;
    else if (a === '--stream-check') args.streamCheck = true;
    else if (a === '--stream-gb') args.streamGb = Number(next());
    else if (a === '--child') args.child = next() as Engine;
    else if (a === '--query') args.query = next() as QueryName;
    else if (a === '--file') args.file = next();
    else throw new Error(`unknown option ${a}; see npm run bench -- --help`);
  }
  if (!(args.sizeMb > 0)) throw new Error('--size-mb must be a positive number');
  for (const q of args.queries) if (!QUERY_NAMES.includes(q)) throw new Error(`unknown query ${q}; queries: ${QUERY_NAMES.join(', ')}`);
  if (args.child && !ENGINES.includes(args.child)) throw new Error(`unknown engine ${args.child}; engines: ${ENGINES.join(', ')}`);
  return args;
}
