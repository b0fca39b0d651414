// OCSF Detection Finding output: class 2004 in category 2 (Findings), activity Create (type_uid 200401), time in
// milliseconds, severity_id per OCSF's scale (1 Informational .. 5 Critical), the rule as finding_info.analytic,
// the ATT&CK mapping in attacks[], entity fields as observables and the row in unmapped.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowToAlert } from '../../src/rules/alert.ts';
import { alertToOcsf } from '../../src/rules/ocsf.ts';
import type { Value } from '../../src/core/value.ts';
import { ruleById } from './helpers.ts';

const row = (fields: Record<string, Value>) => ({ get: (f: string) => fields[f] ?? null, fieldNames: () => Object.keys(fields) });

describe('alertToOcsf', async () => {
  const rule = await ruleById('direct-cloud-vm-connection-t1021-008');
  const alert = rowToAlert(rule, row({ _time: 1763654400.5, AlertType: 'AWS_DirectVMConnection', UserARN: 'arn:aws:iam::1:user/x', SourceIP: '198.51.100.7', TargetInstance: 'i-1', eventName: 'StartSession', _raw: '{}' }));
  const f = alertToOcsf(alert, rule) as Record<string, any>;

  it('is a Detection Finding: Create', () => {
    assert.deepEqual([f.class_uid, f.category_uid, f.activity_id, f.type_uid], [2004, 2, 1, 200401]);
    assert.equal(f.time, 1763654400500);
    assert.equal(f.metadata.product.name, 'sightline');
  });
  it('maps the rule and ATT&CK', () => {
    assert.deepEqual(f.finding_info.analytic, { uid: rule.id, name: rule.title, type_id: 1, type: 'Rule', version: String(rule.version) });
    assert.deepEqual(f.attacks, [{ tactic: { uid: 'TA0008', name: 'Lateral Movement' }, technique: { uid: 'T1021', name: 'Remote Services' }, sub_technique: { uid: 'T1021.008', name: 'Direct Cloud VM Connections' } }]);
    assert.deepEqual(f.finding_info.attacks, f.attacks);
    assert.deepEqual(f.finding_info.types, ['AWS_DirectVMConnection']);
  });
  it('puts entities in observables and the row in unmapped, without internal fields', () => {
    assert.deepEqual(f.observables, [
      { name: 'UserARN', value: 'arn:aws:iam::1:user/x', type_id: 4, type: 'User Name' },
      { name: 'SourceIP', value: '198.51.100.7', type_id: 2, type: 'IP Address' },
    ]);
    assert.equal(f.unmapped.TargetInstance, 'i-1');
    assert.equal('_raw' in f.unmapped, false);
  });
  const SEVERITY: readonly [string, number, string][] = [['informational', 1, 'Informational'], ['low', 2, 'Low'], ['medium', 3, 'Medium'], ['high', 4, 'High'], ['critical', 5, 'Critical']];
  for (const [sev, id, name] of SEVERITY) {
    it(`severity ${sev} -> ${id}`, () => {
      const o = alertToOcsf({ ...alert, severity: sev }, rule) as Record<string, unknown>;
      assert.deepEqual([o.severity_id, o.severity], [id, name]);
    });
  }
  it('omits time for an aggregate row without one', () => {
    const o = alertToOcsf(rowToAlert(rule, row({ AlertType: 'X' })), rule) as Record<string, unknown>;
    assert.equal('time' in o, false);
  });
});
