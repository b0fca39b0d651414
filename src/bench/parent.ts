// The bench proper: writes (or reuses) the dataset, then for each query spawns sightline, DuckDB with the
// idiomatic SQL and DuckDB with the translator's SQL, one after the other with a warm OS cache, each timed
// from spawn to exit. Prints the table, the JSON object last with --json; 1 when any peer's rows differ.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Args } from './args.ts';
import type { ChildResult, Engine } from './child.ts';
import { writeDataset } from './dataset.ts';
import { readsGzip, type QueryName } from './query-names.ts';
import { differingKeys, queryResult, type QueryResult, type TimedChild } from './result.ts';
import { normaliseRows } from './rows.ts';
import { formatTable } from './table.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'sightline-bench');

function spawnChild(engine: Engine, query: QueryName, file: string, threads?: number): TimedChild {
  const argv = [BIN, '--child', engine, '--query', query, '--file', file, ...(threads ? ['--threads', String(threads)] : [])];
  const t0 = performance.now();
  const res = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const processMs = performance.now() - t0;
  if (res.status !== 0) throw new Error(`bench child ${engine} ${query} failed: ${res.stderr}`);
  const last = res.stdout.trim().split('\n').pop()!;
  return { ...(JSON.parse(last) as ChildResult), process_ms: processMs };
}

/** On stderr: which keys differ and a few rows only one side has, so a mismatch can be read, not guessed. */
function reportDifference(log: (s: string) => void, query: QueryName, peer: string, s: ChildResult, p: ChildResult, allKeys: boolean): void {
  for (const key of differingKeys(s.rows, p.rows, allKeys)) {
    const a = normaliseRows(s.rows[key] ?? []);
    const b = normaliseRows(p.rows[key] ?? []);
    const onlyA = a.filter((r) => !b.includes(r)).slice(0, 3);
    const onlyB = b.filter((r) => !a.includes(r)).slice(0, 3);
    log(`${query}: ${peer} rows differ for ${key} (sightline ${a.length}, ${peer} ${key in p.rows ? b.length : 'no query'})`);
    for (const r of onlyA) log(`  only sightline: ${r}`);
    for (const r of onlyB) log(`  only ${peer}: ${r}`);
  }
}

export async function runBench(args: Args): Promise<number> {
  const log = (s: string) => console.error(s);
  log(`dataset: ${args.sizeMb} MiB under ${args.dir} (generated once, then reused)`);
  const ds = await writeDataset(args.dir, args.sizeMb);
  const mb = ds.bytes / 1048576;
  log(`dataset: ${ds.lines} events, ${mb.toFixed(1)} MiB NDJSON + gzip copy`);
  const results: QueryResult[] = [];
  for (const name of args.queries) {
    const file = readsGzip(name) ? ds.gzip : ds.ndjson;
    log(`${name}: sightline...`);
    const s = spawnChild('sightline', name, file, args.threads);
    log(`${name}: duckdb (idiomatic)...`);
    const idiomatic = spawnChild('duckdb-idiomatic', name, file);
    let translated: TimedChild | null = null;
    if (args.translated) {
      log(`${name}: duckdb (translated SQL)...`);
      translated = spawnChild('duckdb-translated', name, file);
    }
    let oneByOne: TimedChild | null = null;
    if (name === 'detect-pack' && args.oneByOne) {
      log(`${name}: sightline, one rule per pass...`);
      oneByOne = spawnChild('sightline-one-by-one', name, file, args.threads);
    }
    reportDifference(log, name, 'duckdb (idiomatic)', s, idiomatic, true);
    if (translated) reportDifference(log, name, 'duckdb (translated SQL)', s, translated, false);
    results.push(queryResult(name, mb, s, idiomatic, translated, oneByOne));
  }
  console.log(formatTable(results));
  if (args.json) console.log(JSON.stringify({ size_mb: args.sizeMb, queries: results }));
  return results.every((r) => r.rows_equal) ? 0 : 1;
}
