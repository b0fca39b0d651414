// Differential testing helpers: run a plan in sightline's native engine and its SQL translation in DuckDB
// over the same files, and normalise both row sets (order, multivalue shape, number formatting) so they
// can be compared with deepEqual.
import type { QueryPlan } from '../../src/plan/nodes.ts';
import { runQuery } from '../../src/exec/run.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { translateSqlScript } from '../../src/backends/sql/index.ts';
import { runSqlScript } from '../../src/backends/sql/run-duckdb.ts';
import { numberToString } from '../../src/core/value.ts';

export type NormRow = Record<string, string | string[]>;

function normScalar(v: unknown): string {
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** null, missing and empty lists are "no field"; a one-element list is a single value (Splunk's mv rule). */
export function normValue(v: unknown): string | string[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== null && x !== undefined).map(normScalar);
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0]! : items;
  }
  return normScalar(v);
}

export function normRows(rows: readonly Record<string, unknown>[]): NormRow[] {
  const out = rows.map((r) => {
    const o: NormRow = {};
    for (const k of Object.keys(r).sort()) {
      const v = normValue(r[k]);
      if (v !== undefined) o[k] = v;
    }
    return o;
  });
  return out.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

/** Where both engines look for `lookup` tables: the rules' lookups directory. */
export const LOOKUP_DIRS = ['rules/lookups'];

export async function nativeRows(plan: QueryPlan, files: readonly string[]): Promise<NormRow[]> {
  const rows = await runQuery(plan, readEvents(files), { now: Date.UTC(2026, 10, 27) / 1000, lookupDirs: LOOKUP_DIRS });
  return normRows(rows.map((r) => r.toJSON()));
}

export async function duckdbRows(plan: QueryPlan, files: readonly string[]): Promise<NormRow[]> {
  const { script, problems } = translateSqlScript(plan, { id: 'diff', title: 'diff' }, { sqlInput: files, lookupDirs: LOOKUP_DIRS });
  if (problems.failed) throw new Error(`translation failed: ${problems.list.map((d) => d.code).join(', ')}`);
  return normRows(await runSqlScript(script));
}
