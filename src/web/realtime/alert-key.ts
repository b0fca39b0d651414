// Deterministic alert identities. Evaluating the same events again (after a crash, before the transaction
// that advanced the cursor committed) yields the same keys, and the UNIQUE constraint drops the repeats.
// Identical alerts from one evaluation stay distinct through their occurrence number.

import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so key order in an alert object never changes its identity. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** Keys for the alerts of one evaluation `scope` (an event-id range or a window), in order. */
export function alertKeys(scope: string, alerts: readonly Readonly<Record<string, unknown>>[]): string[] {
  const seen = new Map<string, number>();
  return alerts.map((a) => {
    const content = createHash('sha256').update(canonicalJson(a)).digest('hex').slice(0, 32);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return `${scope}|${String(a.rule_id ?? '')}|${content}|${n}`;
  });
}
