// One engine running one bench query, in its own process so its time and peak memory are its own. Every
// engine (sightline, DuckDB with the idiomatic SQL, DuckDB with the translator's SQL) runs through this same
// harness; the parent times each process from spawn to exit. Prints one JSON line: rows per key (rule id or
// query name; a key the engine does not run is absent), in-process wall and CPU milliseconds (CPU counts
// every thread: a fairer number on a shared machine), peak RSS (VmHWM) and how many events were parsed.
// Engine code is imported inside the branch that uses it, so a DuckDB child never loads sightline's engine
// and a sightline child never loads DuckDB.

import { readFileSync } from 'node:fs';
import type { QueryName } from './query-names.ts';

export type Engine = 'sightline' | 'sightline-one-by-one' | 'sightline-1-thread' | 'duckdb-idiomatic' | 'duckdb-translated';
export const ENGINES: readonly Engine[] = ['sightline', 'sightline-one-by-one', 'sightline-1-thread', 'duckdb-idiomatic', 'duckdb-translated'];

export type KeyedRows = Record<string, Record<string, unknown>[]>;

export interface ChildResult {
  readonly rows: KeyedRows;
  readonly wall_ms: number;
  readonly cpu_ms: number;
  readonly peak_rss_mb: number;
  readonly events_parsed: number | null;
}

export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall back to the current RSS
  }
  return process.memoryUsage().rss / 1048576;
}

type Run = () => Promise<{ rows: KeyedRows; parsed: number | null }>;

/** Prepares (plans, SQL text: outside the in-process time, inside the parent's) and runs one engine. */
export async function runChild(engine: Engine, name: QueryName, file: string, threads?: number): Promise<ChildResult> {
  const run = engine.startsWith('duckdb') ? await prepareDuckDb(engine, name, file) : await prepareSightline(engine, name, file, threads);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { rows, parsed } = await run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { rows, wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1000, peak_rss_mb: peakRssMb(), events_parsed: parsed };
}

async function prepareSightline(engine: Engine, name: QueryName, file: string, threads?: number): Promise<Run> {
  const { benchQuery } = await import('./queries.ts');
  const { scanQueries } = await import('../scan/run-scan.ts');
  const q = await benchQuery(name);
  return async () => {
    const rows: KeyedRows = Object.fromEntries(q.keys.map((k) => [k, []]));
    const sink = (base: number) => (i: number, row: { toJSON(): Record<string, unknown> }) => void rows[q.keys[base + i]!]!.push(row.toJSON());
    const opts = { lookupDirs: [...q.lookupDirs], threads: engine === 'sightline-1-thread' ? 1 : threads };
    let parsed = 0;
    if (engine === 'sightline-one-by-one') {
      for (let i = 0; i < q.plans.length; i++) parsed += (await scanQueries([q.plans[i]!], [file], sink(i), opts)).eventsParsed;
    } else parsed = (await scanQueries(q.plans, [file], sink(0), opts)).eventsParsed;
    return { rows, parsed };
  };
}

/** Statements per key; the last statement's rows are the key's answer. */
type KeyedStatements = ReadonlyMap<string, readonly string[]>;

async function prepareDuckDb(engine: Engine, name: QueryName, file: string): Promise<Run> {
  const statements = engine === 'duckdb-idiomatic' ? await idiomaticStatements(name, file) : await translatedStatements(name, file);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  return async () => ({ rows: await runDuckDb(DuckDBInstance, statements), parsed: null });
}

async function idiomaticStatements(name: QueryName, file: string): Promise<KeyedStatements> {
  const { idiomaticScript } = await import('./idiomatic.ts');
  const { LOOKUPS_DIR } = await import('./query-names.ts');
  const script = idiomaticScript(name, file, LOOKUPS_DIR);
  // The setup (macros, the events table) runs once, before the first query, and is timed with it.
  return new Map([...script.queries].map(([key, sql], i) => [key, i === 0 ? [...script.setup, sql] : [sql]]));
}

async function translatedStatements(name: QueryName, file: string): Promise<KeyedStatements> {
  const { benchQuery, sqlFor } = await import('./queries.ts');
  const q = await benchQuery(name);
  const out = new Map<string, readonly string[]>();
  for (const [i, plan] of q.plans.entries()) {
    const statements = await sqlFor(plan, [file]);
    if (statements) out.set(q.keys[i]!, statements);
  }
  return out;
}

/** DuckDB in memory with its default thread count, the session in UTC (timestamps without a zone are UTC). */
async function runDuckDb(DuckDBInstance: typeof import('@duckdb/node-api').DuckDBInstance, plans: KeyedStatements): Promise<KeyedRows> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const rows: KeyedRows = {};
  try {
    await conn.run("SET TimeZone = 'UTC'");
    for (const [key, statements] of plans) {
      for (const s of statements.slice(0, -1)) await conn.run(s);
      const reader = await conn.runAndReadAll(statements[statements.length - 1]!);
      rows[key] = reader.getRowObjectsJS() as Record<string, unknown>[];
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return rows;
}
