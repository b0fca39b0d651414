// The bench's human-readable table: one line per query with both engines' MB/s and events/s, the ratio,
// peak RSS and whether the rows matched. MB/s counts uncompressed bytes (also for the gzip query).

import type { QueryResult } from './main.ts';

export function formatTable(results: readonly QueryResult[]): string {
  const header = ['query', 'sightline MB/s', 'duckdb MB/s', 'ratio', 'sl events/s', 'db events/s', 'sl peak RSS MB', 'db peak RSS MB', 'sl MB/cpu-s', 'db MB/cpu-s', 'rows', 'rows equal'];
  const lines = results.map((r) => [
    r.name + (r.one_by_one_mbps !== undefined ? ` (one by one: ${r.one_by_one_mbps} MB/s, ${r.one_by_one_cpu_mbps} MB/cpu-s)` : ''),
    String(r.sightline_mbps),
    String(r.duckdb_mbps),
    `${r.ratio}x`,
    String(r.sightline_events_per_s),
    String(r.duckdb_events_per_s),
    String(r.peak_rss_mb),
    String(r.duckdb_peak_rss_mb),
    String(r.sightline_cpu_mbps),
    String(r.duckdb_cpu_mbps),
    String(r.rows),
    r.rows_equal ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}
