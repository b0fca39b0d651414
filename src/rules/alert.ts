// Row -> Alert: a rule's output row plus the rule's identity (id, title, ATT&CK mapping, severity, confidence),
// flat as `detect --format json` prints it: metadata first, then AlertType and _time, then the rule's table
// fields (internal fields other than _time are dropped; missing fields are absent, not null).

import type { Value } from '../core/value.ts';
import type { Rule } from './load.ts';

export interface AlertMeta {
  readonly rule_id: string;
  readonly rule_title: string;
  /** The most specific ATT&CK id: the sub-technique when the rule has one (e.g. T1021.008). */
  readonly technique: string;
  /** A rule's tactic; a Sigma rule tagged with several keeps them all (multivalue). */
  readonly tactic: string | readonly string[];
  readonly severity: string;
  readonly confidence: string;
  readonly AlertType: string | null;
  /** Epoch seconds; null for aggregate rows without a time. */
  readonly _time: number | null;
}

export type Alert = AlertMeta & Readonly<Record<string, Value>>;

const META_KEYS: ReadonlySet<string> = new Set(['rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence', 'AlertType', '_time']);

/** Anything with the Row accessors exec produces. */
export interface RowLike {
  get(field: string): Value;
  fieldNames(): readonly string[];
}

export function rowToAlert(rule: Pick<Rule, 'id' | 'title' | 'attack' | 'severity' | 'confidence'> & Partial<Pick<Rule, 'alert_severity'>>, row: RowLike): Alert {
  const t = row.get('_time');
  const time = typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' && !Number.isNaN(Number(t)) ? Number(t) : null;
  const alertType = row.get('AlertType');
  const out: Record<string, Value> = {
    rule_id: rule.id,
    rule_title: rule.title,
    technique: rule.attack.subtechnique ?? rule.attack.technique,
    tactic: rule.attack.tactic,
    // An AlertType may carry its own severity (a weaker signal of the same rule); else the rule's.
    severity: (typeof alertType === 'string' ? rule.alert_severity?.[alertType] : undefined) ?? rule.severity,
    confidence: rule.confidence,
    AlertType: typeof alertType === 'string' ? alertType : null,
    _time: time,
  };
  for (const name of row.fieldNames()) {
    if (name.startsWith('_') || META_KEYS.has(name)) continue;
    const v = row.get(name);
    if (v !== null && v !== undefined) out[name] = v;
  }
  return out as Alert;
}

/** The rule's table fields of an alert (everything but the metadata). */
export function alertFields(a: Alert): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(a)) if (!META_KEYS.has(k)) out[k] = v;
  return out;
}
