// One bench query's result from its children: MB/s of each engine over the whole process (spawn to exit, the
// headline) and in-process (query only), the ratios sightline/idiomatic DuckDB (the headline) and
// sightline/translated-SQL DuckDB, peak RSS, and whether each peer returned sightline's rows (compared per key).

import type { ChildResult, KeyedRows } from './child.ts';
import type { QueryName } from './query-names.ts';
import { rowsEqual } from './rows.ts';

/** A child's result plus the parent's measure of its whole process. */
export interface TimedChild extends ChildResult {
  readonly process_ms: number;
}

export interface QueryResult {
  readonly name: QueryName;
  /** Row counts over all keys: sightline's, and each peer's (null when skipped). */
  readonly rows: number;
  readonly rows_idiomatic: number;
  readonly rows_translated: number | null;
  readonly sightline_mbps: number;
  readonly duckdb_idiomatic_mbps: number;
  readonly duckdb_translated_mbps: number | null;
  /** sightline / idiomatic DuckDB, whole-process MB/s: the headline. */
  readonly ratio: number;
  readonly ratio_translated: number | null;
  readonly rows_equal_idiomatic: boolean;
  /** Over the keys the translator could translate (translated_keys of keys); null when skipped. */
  readonly rows_equal_translated: boolean | null;
  readonly rows_equal: boolean;
  readonly keys: number;
  readonly translated_keys: number | null;
  readonly peak_rss_mb: number;
  readonly duckdb_idiomatic_peak_rss_mb: number;
  readonly duckdb_translated_peak_rss_mb: number | null;
  /** In-process MB/s (start-up, planning and SQL preparation excluded). */
  readonly sightline_inproc_mbps: number;
  readonly duckdb_idiomatic_inproc_mbps: number;
  readonly duckdb_translated_inproc_mbps: number | null;
  /** MB per CPU-second of the in-process part (all threads). */
  readonly sightline_cpu_mbps: number;
  readonly duckdb_idiomatic_cpu_mbps: number;
  readonly duckdb_translated_cpu_mbps: number | null;
  /** detect-pack only: sightline running the rules one pass each. */
  readonly one_by_one_mbps?: number;
  readonly one_by_one_cpu_mbps?: number;
}

/** The keys of `peer` whose rows differ from sightline's; every sightline key counts when `allKeys`. */
export function differingKeys(sightline: KeyedRows, peer: KeyedRows, allKeys: boolean): string[] {
  const keys = allKeys ? Object.keys(sightline) : Object.keys(peer);
  return keys.filter((k) => !(k in sightline) || !(k in peer) || !rowsEqual(sightline[k]!, peer[k]!));
}

function count(r: ChildResult): number {
  return Object.values(r.rows).reduce((n, rows) => n + rows.length, 0);
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function queryResult(name: QueryName, mb: number, s: TimedChild, idiomatic: TimedChild, translated: TimedChild | null, oneByOne: TimedChild | null): QueryResult {
  const mbps = (r: TimedChild) => mb / (r.process_ms / 1000);
  const inproc = (r: TimedChild) => round(mb / (r.wall_ms / 1000));
  const cpu = (r: TimedChild) => round(mb / (r.cpu_ms / 1000));
  const idiomaticEqual = differingKeys(s.rows, idiomatic.rows, true).length === 0;
  const translatedEqual = translated ? differingKeys(s.rows, translated.rows, false).length === 0 : null;
  return {
    name,
    rows: count(s),
    rows_idiomatic: count(idiomatic),
    rows_translated: translated ? count(translated) : null,
    sightline_mbps: round(mbps(s)),
    duckdb_idiomatic_mbps: round(mbps(idiomatic)),
    duckdb_translated_mbps: translated ? round(mbps(translated)) : null,
    ratio: round(mbps(s) / mbps(idiomatic), 2),
    ratio_translated: translated ? round(mbps(s) / mbps(translated), 2) : null,
    rows_equal_idiomatic: idiomaticEqual,
    rows_equal_translated: translatedEqual,
    rows_equal: idiomaticEqual && translatedEqual !== false,
    keys: Object.keys(s.rows).length,
    translated_keys: translated ? Object.keys(translated.rows).length : null,
    peak_rss_mb: round(s.peak_rss_mb),
    duckdb_idiomatic_peak_rss_mb: round(idiomatic.peak_rss_mb),
    duckdb_translated_peak_rss_mb: translated ? round(translated.peak_rss_mb) : null,
    sightline_inproc_mbps: inproc(s),
    duckdb_idiomatic_inproc_mbps: inproc(idiomatic),
    duckdb_translated_inproc_mbps: translated ? inproc(translated) : null,
    sightline_cpu_mbps: cpu(s),
    duckdb_idiomatic_cpu_mbps: cpu(idiomatic),
    duckdb_translated_cpu_mbps: translated ? cpu(translated) : null,
    ...(oneByOne ? { one_by_one_mbps: round(mbps(oneByOne)), one_by_one_cpu_mbps: cpu(oneByOne) } : {}),
  };
}
