// Suppression of repeats, opt-in for `detect --suppress 1h`: an alert is dropped when the same rule already
// raised a kept alert for the same entity key (the rule's declared `entities` fields) less than `window`
// seconds earlier. Alerts without a time are never suppressed (nothing to compare).

import { valueToString } from '../core/value.ts';
import type { Alert } from './alert.ts';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `90s`, `15m`, `1h`, `2d` -> seconds; null when malformed. */
export function parseWindow(spec: string): number | null {
  const m = /^(\d+)\s*([smhd])$/.exec(spec.trim());
  return m ? Number(m[1]) * UNITS[m[2]!]! : null;
}

export function entityKey(alert: Alert, entities: readonly string[]): string {
  return JSON.stringify([alert.rule_id, ...entities.map((e) => valueToString(alert[e] ?? null))]);
}

/** Returns the kept alerts (in time order) and how many were suppressed. */
export function suppressRepeats(alerts: readonly Alert[], entitiesOf: (ruleId: string) => readonly string[], windowSeconds: number): { kept: Alert[]; suppressed: number } {
  // Time order, alerts without a time last (as runRules orders them).
  const ordered = [...alerts].sort((a, b) => (a._time ?? Infinity) - (b._time ?? Infinity));
  const lastKept = new Map<string, number>();
  const kept: Alert[] = [];
  let suppressed = 0;
  for (const a of ordered) {
    if (a._time === null) {
      kept.push(a);
      continue;
    }
    const key = entityKey(a, entitiesOf(a.rule_id));
    const prev = lastKept.get(key);
    if (prev !== undefined && a._time - prev < windowSeconds) {
      suppressed++;
      continue;
    }
    lastKept.set(key, a._time);
    kept.push(a);
  }
  return { kept, suppressed };
}
