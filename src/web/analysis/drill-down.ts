// Drill-down from an alert to the raw events behind it. Alerts carry the rule's output fields, not event ids,
// so the events shown are those of the rule's sourcetypes (and, when the alert has one, its _time) whose raw
// text holds the most of the alert's own values. The page says so.

import type { Event } from '../../index.ts';

const RULE_FIELDS = new Set(['rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence', 'AlertType', '_time', 'alert_key']);

function alertValues(alert: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(alert)) {
    if (RULE_FIELDS.has(k)) continue;
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && x.length >= 3) out.push(x);
  }
  return out;
}

export function drillDown(alert: Readonly<Record<string, unknown>>, events: readonly Event[], sourcetypes: readonly string[], limit = 200): Event[] {
  const values = alertValues(alert);
  const t = typeof alert._time === 'number' ? alert._time : null;
  let best = 0;
  let picked: Event[] = [];
  for (const e of events) {
    if (sourcetypes.length > 0 && !sourcetypes.includes(e.sourcetype)) continue;
    if (t !== null && Math.abs(e._time - t) > 0.0005) continue;
    let score = 0;
    for (const v of values) if (e._raw.includes(v)) score++;
    if (values.length === 0) score = 1;
    if (score > best) {
      best = score;
      picked = [e];
    } else if (score === best && score > 0 && picked.length < limit) picked.push(e);
  }
  return picked;
}
