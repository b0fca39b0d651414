// Deterministic alert identities: rule + the journal event that caused the alert (streaming rules) or the
// window it was computed over (stats rules) + content + occurrence. Evaluating the same events again yields
// the same keys, and the UNIQUE constraint drops the repeats; identical alerts from one event or window stay
// distinct through their occurrence number.

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

/**
 * Keys for streaming alerts: by the journal id of the event that produced each alert; alerts emitted only at
 * the end of a batch (a rule ending in sort) fall back to the batch scope.
 */
export function streamingAlertKeys(batchScope: string, alerts: readonly { readonly alert: Readonly<Record<string, unknown>>; readonly eventId: number | null }[]): string[] {
  const out = new Array<string>(alerts.length);
  const groups = new Map<string, number[]>();
  alerts.forEach((a, i) => {
    const scope = a.eventId === null ? batchScope : `event:${a.eventId}`;
    let g = groups.get(scope);
    if (!g) groups.set(scope, (g = []));
    g.push(i);
  });
  for (const [scope, idx] of groups) {
    const keys = alertKeys(scope, idx.map((i) => alerts[i]!.alert));
    idx.forEach((i, k) => (out[i] = keys[k]!));
  }
  return out;
}
