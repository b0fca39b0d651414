// Sigma's correlation `timespan` (<number><s|m|h|d>): read by the Sigma importer (src/sigma) and checked by
// the temporal exporter, so it lives with the Sigma model the importer already reads from.

import { fail } from '../../core/diagnostics.ts';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `timespan: 90m` -> seconds; the spec allows s, m, h, d ("number + letter (in lowercase)"). */
export function parseTimespan(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(String(text).trim());
  if (!m || Number(m[1]) <= 0) fail('SIGMA-BAD-TIMESPAN', `timespan '${text}' is not <number><s|m|h|d>`, { hint: 'e.g. 5m, 1h, 90m, 1d' });
  return Number(m[1]) * UNITS[m[2]!]!;
}
