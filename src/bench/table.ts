// The bench's human-readable table: one line per query with each engine's MB/s (whole process, spawn to
// exit), the ratios, peak RSS and whether each DuckDB peer returned sightline's rows. MB/s counts
// uncompressed bytes (also for the gzip query). A skipped translated column shows "-".

import type { QueryResult } from './result.ts';

const show = (v: number | boolean | null | undefined, suffix = ''): string => (v === null || v === undefined ? '-' : typeof v === 'boolean' ? (v ? 'yes' : 'NO') : `${v}${suffix}`);

export function formatTable(results: readonly QueryResult[]): string {
  const header = [
    'query',
    'sightline MB/s',
    'duckdb (idiomatic) MB/s',
    'duckdb (translated SQL) MB/s',
    'sightline/idiomatic',
    'sightline/translated',
    'sl peak RSS MB',
    'idiomatic peak RSS MB',
    'translated peak RSS MB',
    'rows',
    'rows equal (idiomatic)',
    'rows equal (translated)',
  ];
  const lines = results.map((r) => [
    r.name + (r.one_by_one_mbps !== undefined ? ` (one by one: ${r.one_by_one_mbps} MB/s)` : ''),
    show(r.sightline_mbps),
    show(r.duckdb_idiomatic_mbps),
    show(r.duckdb_translated_mbps),
    show(r.ratio, 'x'),
    show(r.ratio_translated, 'x'),
    show(r.peak_rss_mb),
    show(r.duckdb_idiomatic_peak_rss_mb),
    show(r.duckdb_translated_peak_rss_mb),
    show(r.rows),
    show(r.rows_equal_idiomatic),
    r.rows_equal_translated === null ? '-' : `${show(r.rows_equal_translated)} (${r.translated_keys}/${r.keys})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
