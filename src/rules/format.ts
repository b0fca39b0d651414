// Renders alerts for `detect --format table|json|csv|ocsf`. json and ocsf print one object per line (NDJSON),
// csv a header of the fixed alert columns then the union of table fields, table an aligned text view.

import { MAX_EPOCH } from '../core/time.ts';
import { valueToString, type Value } from '../core/value.ts';
import { alertFields, type Alert } from './alert.ts';
import type { Rule } from './load.ts';
import { alertToOcsf } from './ocsf.ts';

export const FORMATS = ['table', 'json', 'csv', 'ocsf'] as const;
export type AlertFormat = (typeof FORMATS)[number];

// A _time a Date cannot hold (a rule's eval can make one) prints as its number instead of ending the output.
const iso = (t: number | null) => (t === null ? '' : Math.abs(t) <= MAX_EPOCH ? new Date(t * 1000).toISOString() : String(t));

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? (valueToString(v as Value) ?? '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FIXED = ['_time', 'rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence', 'AlertType'] as const;

export function formatAlerts(alerts: readonly Alert[], format: AlertFormat, rules: ReadonlyMap<string, Rule>): string {
  const render: Record<AlertFormat, () => string> = {
    json: () => alerts.map((a) => JSON.stringify(a) + '\n').join(''),
    ocsf: () => alerts.map((a) => JSON.stringify(alertToOcsf(a, rules.get(a.rule_id)!)) + '\n').join(''),
    csv: () => {
      const extra: string[] = [];
      for (const a of alerts) for (const k of Object.keys(alertFields(a))) if (!extra.includes(k)) extra.push(k);
      const header = [...FIXED, ...extra];
      const lines = alerts.map((a) => header.map((h) => csvCell(h === '_time' ? iso(a._time) : a[h])).join(','));
      return [header.join(','), ...lines].join('\n') + '\n';
    },
    table: () => {
      if (alerts.length === 0) return '';
      const rows = alerts.map((a) => {
        const entities = (rules.get(a.rule_id)?.entities ?? []).map((e) => valueToString(a[e] ?? null)).filter((v) => v !== null);
        return [iso(a._time), a.severity, a.technique, a.rule_id, a.AlertType ?? '', entities.join(' ').replace(/\n/g, ',')];
      });
      const header = ['TIME', 'SEVERITY', 'TECHNIQUE', 'RULE', 'ALERT TYPE', 'ENTITY'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      return [line(header), ...rows.map(line)].join('\n') + '\n';
    },
  };
  return render[format]();
}
