// `npm run bench`: writes a deterministic dataset (default 1 GiB) and its gzip copy, then runs every query
// on sightline and on DuckDB, each in a child process, one after the other with a warm OS cache. Prints a
// table (MB/s, events/s, peak RSS, sightline/DuckDB ratio, whether both returned the same rows) and, with
// --json, one JSON object as the last line. `--stream-check` streams generated input through the scan
// path without writing it and reports peak RSS as it goes (the flat-memory claim).

import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild, type ChildResult, type Engine } from './child.ts';
import { writeDataset } from './dataset.ts';
import { QUERY_NAMES, benchQuery, type QueryName } from './queries.ts';
import { rowsEqual } from './rows.ts';
import { runStreamCheck } from './stream-check.ts';
import { formatTable } from './table.ts';

export interface QueryResult {
  readonly name: QueryName;
  readonly sightline_mbps: number;
  readonly duckdb_mbps: number;
  readonly ratio: number;
  readonly rows_equal: boolean;
  readonly peak_rss_mb: number;
  readonly sightline_events_per_s: number;
  readonly duckdb_events_per_s: number;
  readonly duckdb_peak_rss_mb: number;
  readonly sightline_cpu_mbps: number;
  readonly duckdb_cpu_mbps: number;
  readonly rows: number;
  /** detect-pack only: the rules run one pass each. */
  readonly one_by_one_mbps?: number;
  readonly one_by_one_cpu_mbps?: number;
}

interface Args {
  sizeMb: number;
  json: boolean;
  dir: string;
  threads?: number;
  queries: QueryName[];
  oneByOne: boolean;
  streamCheck: boolean;
  streamGb: number;
  child?: Engine;
  query?: QueryName;
  file?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizeMb: 1024, json: false, dir: join(tmpdir(), 'sightline-bench'), queries: [...QUERY_NAMES], oneByOne: true, streamCheck: false, streamGb: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--size-mb') args.sizeMb = Number(next());
    else if (a === '--json') args.json = true;
    else if (a === '--dir') args.dir = next();
    else if (a === '--threads') args.threads = Number(next());
    else if (a === '--queries') args.queries = next().split(',') as QueryName[];
    else if (a === '--no-one-by-one') args.oneByOne = false;
    else if (a === '--stream-check') args.streamCheck = true;
    else if (a === '--stream-gb') args.streamGb = Number(next());
    else if (a === '--child') args.child = next() as Engine;
    else if (a === '--query') args.query = next() as QueryName;
    else if (a === '--file') args.file = next();
    else throw new Error(`unknown option ${a} (options: --size-mb N --json --dir D --threads N --queries a,b --no-one-by-one --stream-check --stream-gb N)`);
  }
  if (!(args.sizeMb > 0)) throw new Error('--size-mb must be a positive number');
  for (const q of args.queries) if (!QUERY_NAMES.includes(q)) throw new Error(`unknown query ${q}; queries: ${QUERY_NAMES.join(', ')}`);
  return args;
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sightline-bench');

function spawnChild(engine: Engine, query: QueryName, file: string, threads?: number): ChildResult {
  const argv = [BIN, '--child', engine, '--query', query, '--file', file, ...(threads ? ['--threads', String(threads)] : [])];
  const res = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (res.status !== 0) throw new Error(`bench child ${engine} ${query} failed: ${res.stderr}`);
  const last = res.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as ChildResult;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.child) {
    const r = await runChild(args.child, args.query!, args.file!, args.threads);
    // DuckDB returns BIGINT counts as bigint; the row comparison normalises numbers to text anyway.
    process.stdout.write(`${JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}\n`);
    return 0;
  }
  if (args.streamCheck) {
    await runStreamCheck(args.streamGb, (line) => console.log(line));
    return 0;
  }
  const log = (s: string) => console.error(s);
  log(`dataset: ${args.sizeMb} MiB under ${args.dir} (generated once, then reused)`);
  const ds = await writeDataset(args.dir, args.sizeMb);
  const mb = ds.bytes / 1048576;
  log(`dataset: ${ds.lines} events, ${mb.toFixed(1)} MiB NDJSON + gzip copy`);
  const results: QueryResult[] = [];
  for (const name of args.queries) {
    const q = await benchQuery(name);
    const file = q.gzip ? ds.gzip : ds.ndjson;
    log(`${name}: sightline...`);
    const s = spawnChild('sightline', name, file, args.threads);
    log(`${name}: duckdb...`);
    const d = spawnChild('duckdb', name, file);
    let oneByOne: ChildResult | null = null;
    if (name === 'detect-pack' && args.oneByOne) {
      log(`${name}: sightline, one rule per pass...`);
      oneByOne = spawnChild('sightline-one-by-one', name, file, args.threads);
    }
    const equal = q.compared.every((i) => rowsEqual(s.rows[i]!, d.rows[i]!));
    const mbps = (r: ChildResult) => mb / (r.wall_ms / 1000);
    results.push({
      name,
      sightline_mbps: round(mbps(s)),
      duckdb_mbps: round(mbps(d)),
      ratio: round(mbps(s) / mbps(d), 2),
      rows_equal: equal,
      peak_rss_mb: round(s.peak_rss_mb),
      sightline_events_per_s: Math.round(ds.lines / (s.wall_ms / 1000)),
      duckdb_events_per_s: Math.round(ds.lines / (d.wall_ms / 1000)),
      duckdb_peak_rss_mb: round(d.peak_rss_mb),
      sightline_cpu_mbps: round(mb / (s.cpu_ms / 1000)),
      duckdb_cpu_mbps: round(mb / (d.cpu_ms / 1000)),
      rows: q.compared.reduce((n, i) => n + s.rows[i]!.length, 0),
      ...(oneByOne ? { one_by_one_mbps: round(mbps(oneByOne)), one_by_one_cpu_mbps: round(mb / (oneByOne.cpu_ms / 1000)) } : {}),
    });
  }
  console.log(formatTable(results));
  if (args.json) console.log(JSON.stringify({ size_mb: args.sizeMb, queries: results }));
  return results.every((r) => r.rows_equal) ? 0 : 1;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
