// Alert -> OCSF Detection Finding (class_uid 2004, category_uid 2 Findings, activity 1 Create, so
// type_uid 200401). Rule identity goes to finding_info.analytic, the ATT&CK mapping to attacks[], the
// rule's table fields to `unmapped`, and the declared entity fields (plus any IP-valued field) to observables.

import { valueToString, valuesOf } from '../core/value.ts';
import { alertFields, type Alert } from './alert.ts';
import type { Rule } from './load.ts';
import { createHash } from 'node:crypto';

const SEVERITY_ID: Record<string, number> = { informational: 1, low: 2, medium: 3, high: 4, critical: 5 };
const CONFIDENCE_ID: Record<string, number> = { low: 1, medium: 2, high: 3 };
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const IP = /^(?:\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F:]*:[0-9a-fA-F:]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function observableType(field: string, value: string): { type_id: number; type: string } {
  if (IP.test(value)) return { type_id: 2, type: 'IP Address' };
  if (EMAIL.test(value)) return { type_id: 5, type: 'Email Address' };
  if (/user|upn|caller|principal|arn/i.test(field)) return { type_id: 4, type: 'User Name' };
  if (/instance|vm|resource|target/i.test(field)) return { type_id: 10, type: 'Resource UID' };
  return { type_id: 99, type: 'Other' };
}

export function alertToOcsf(alert: Alert, rule: Rule): Record<string, unknown> {
  const timeMs = alert._time === null ? null : Math.round(alert._time * 1000);
  const fields = alertFields(alert);
  const observables: Record<string, unknown>[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const isEntity = rule.entities.includes(field);
    for (const s of valuesOf(value)) {
      const text = valueToString(s) ?? '';
      if (isEntity || IP.test(text)) observables.push({ name: field, value: text, ...observableType(field, text) });
    }
  }
  const uid = createHash('sha256').update(JSON.stringify([alert.rule_id, alert._time, fields])).digest('hex').slice(0, 32);
  const attack = rule.attack;
  // One attack object per tactic: a Sigma rule's view lists every tactic it is tagged with (sigma/detect.ts).
  const tactics = (attack as { tactics?: readonly string[] }).tactics ?? [attack.tactic];
  const attacks = (tactics.length ? tactics : [attack.tactic]).map((name, i) => ({
    tactic: { uid: i === 0 ? attack.tactic_id : '', name },
    technique: { uid: attack.technique, name: attack.technique_name },
    ...(attack.subtechnique ? { sub_technique: { uid: attack.subtechnique, name: attack.subtechnique_name ?? '' } } : {}),
  }));
  return {
    class_uid: 2004,
    class_name: 'Detection Finding',
    category_uid: 2,
    category_name: 'Findings',
    activity_id: 1,
    activity_name: 'Create',
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
    ...(timeMs !== null ? { time: timeMs } : {}),
    severity_id: SEVERITY_ID[alert.severity] ?? 0,
    severity: title(alert.severity),
    confidence_id: CONFIDENCE_ID[alert.confidence] ?? 0,
    confidence: title(alert.confidence),
    status_id: 1,
    status: 'New',
    message: alert.AlertType ? `${alert.rule_title} (${alert.AlertType})` : alert.rule_title,
    metadata: { version: '1.3.0', product: { name: 'sightline', vendor_name: 'sightline' }, profiles: ['security_control'] },
    finding_info: {
      uid,
      title: alert.rule_title,
      desc: rule.description.trim(),
      types: alert.AlertType ? [alert.AlertType] : [],
      analytic: { uid: rule.id, name: rule.title, type_id: 1, type: 'Rule', version: String(rule.version) },
      attacks,
    },
    // Also at the top level, where the Security Control profile (and OCSF before 1.1) puts it.
    attacks,
    observables,
    unmapped: { ...fields, AlertType: alert.AlertType },
  };
}
