// One engine running one bench query, in its own process so its time and peak memory are its own. Prints
// one JSON line: rows per plan, wall and CPU milliseconds (CPU counts every thread: a fairer number on a
// shared machine), peak RSS (VmHWM), and how many events were parsed.

import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Row } from '../exec/row.ts';
import { scanQueries } from '../scan/run-scan.ts';
import { benchQuery, sqlFor, type QueryName } from './queries.ts';

export type Engine = 'sightline' | 'sightline-one-by-one' | 'sightline-1-thread' | 'duckdb';

export interface ChildResult {
  readonly rows: Record<string, unknown>[][];
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

export async function runChild(engine: Engine, name: QueryName, file: string, threads?: number): Promise<ChildResult> {
  const q = await benchQuery(name);
  const rows: Record<string, unknown>[][] = q.plans.map(() => []);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let parsed: number | null = 0;
  if (engine === 'duckdb') {
    parsed = null;
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await conn.run("SET TimeZone = 'UTC'");
      for (const i of q.compared) {
        const statements = sqlFor(q.plans[i]!, [file])!;
        for (const s of statements.slice(0, -1)) await conn.run(s);
        const reader = await conn.runAndReadAll(statements[statements.length - 1]!);
        rows[i] = reader.getRowObjectsJS() as Record<string, unknown>[];
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  } else {
    const sink = (base: number) => (i: number, row: Row) => void rows[base + i]!.push(row.toJSON());
    const opts = { lookupDirs: [...q.lookupDirs], threads: engine === 'sightline-1-thread' ? 1 : threads };
    if (engine === 'sightline-one-by-one') {
      for (let i = 0; i < q.plans.length; i++) parsed += (await scanQueries([q.plans[i]!], [file], sink(i), opts)).eventsParsed;
    } else parsed = (await scanQueries(q.plans, [file], sink(0), opts)).eventsParsed;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { rows, wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1000, peak_rss_mb: peakRssMb(), events_parsed: parsed };
}
