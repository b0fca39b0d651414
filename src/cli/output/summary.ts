// The end-of-run report on stderr: one summary line (events, malformed input, results), then where the
// malformed input was (file:line, byte offset, reason) for the first few, then how many more there were.

import type { MalformedInput } from '../../ingest/read.ts';

export interface RunStats {
  events: number;
  results: number;
  bytes: number;
  files: number;
  malformed: number;
  /** The first malformed inputs, in order (at most `shownLimit`). */
  shown: MalformedInput[];
}

export function newRunStats(): RunStats {
  return { events: 0, results: 0, bytes: 0, files: 0, malformed: 0, shown: [] };
}

export function recordMalformed(stats: RunStats, m: MalformedInput, shownLimit: number): void {
  stats.malformed++;
  if (stats.shown.length < shownLimit) stats.shown.push(m);
}

export function formatMalformed(m: MalformedInput): string {
  const where = m.line > 0 ? `${m.source}:${m.line}` : m.source;
  return `${where} (byte ${m.offset}): ${m.message}`;
}

export function formatSummary(stats: RunStats, seconds: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const lines = [
    `sightline: ${plural(stats.events, 'event')} read from ${plural(stats.files, 'input')} (${formatBytes(stats.bytes)}) in ${seconds.toFixed(2)} s; ` +
      `${stats.malformed} malformed; ${plural(stats.results, 'result')}`,
  ];
  for (const m of stats.shown) lines.push(`  malformed: ${formatMalformed(m)}`);
  const hidden = stats.malformed - stats.shown.length;
  if (hidden > 0) lines.push(`  ... and ${hidden} more malformed input${hidden === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
