// Durations in scenario files ("90s", "5m", "1h30m", "2d") parsed to seconds. Scenario time lines are
// written as offsets from the scenario start, so they read like a run book.

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Parses a duration; returns null when the text is not one (the schema turns that into an error). */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : null;
  const trimmed = text.trim();
  if (trimmed === '' ) return null;
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  let total = 0;
  let consumed = 0;
  for (const m of trimmed.matchAll(PART)) {
    if (m.index !== consumed) return null;
    total += Number(m[1]) * (UNIT_SECONDS[m[2]!] ?? 0);
    consumed += m[0].length;
  }
  return consumed === trimmed.length ? total : null;
}
