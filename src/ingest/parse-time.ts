// Parses the ISO-8601-like timestamps our four log sources write into epoch seconds (fractional kept).
// A timestamp without a zone is UTC: O365 CreationTime is documented as UTC without a "Z". Sub-millisecond
// digits (Azure writes seven) are kept as a fraction instead of being cut by Date.parse.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2}|UTC)?$/;

/** Epoch seconds for an ISO timestamp, or null when the text is not one (or names an impossible date). */
export function parseIsoTimestamp(text: string): number | null {
  if (text.length > 40) return null;
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March; reject instead of guessing.
  if (new Date(ms).getUTCDate() !== day) return null;
  let epoch = ms / 1000;
  if (frac) epoch += Number(`0.${frac}`);
  if (zone && zone !== 'Z' && zone !== 'z' && zone !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60;
    epoch -= sign * offset;
  }
  return epoch;
}

/** A JSON time value as epoch seconds: ISO strings, or numbers already in epoch seconds or milliseconds. */
export function timeFromJson(v: unknown): number | null {
  if (typeof v === 'string') return parseIsoTimestamp(v);
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e11 ? v / 1000 : v;
  return null;
}
