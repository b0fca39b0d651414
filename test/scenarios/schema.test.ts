// Bad scenario files fail with a named code and say which field is wrong; nothing half-loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../src/scenarios/load.ts';
import { generateScenario } from '../../src/scenarios/generate.ts';
import { SightlineError } from '../../src/core/diagnostics.ts';

const BASE = `
id: tiny
title: Tiny
kind: attack
technique: T1021.008
references: [https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html]
seed: 1
start: "2026-03-02T00:00:00Z"
actors:
  a: { kind: aws-iam-user, name: x, ips: ["192.0.2.1"] }
timeline:
  - { at: 1m, actor: a, action: aws.sts.GetCallerIdentity }
`;

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SightlineError, String(err));
    return { code: err.diagnostic.code, message: err.diagnostic.message };
  }
  assert.fail('expected an error');
}

test('a valid scenario loads with defaults filled in', () => {
  const s = parseScenario(BASE, 'tiny.yaml');
  assert.equal(s.environment.aws_account, '111122223333');
  assert.equal(s.timeline[0]!.at, 60);
  assert.equal(s.timeline[0]!.count, 1);
  assert.equal(s.volume, 1);
});

const BAD: { name: string; text: string; code: string; mentions: RegExp; at?: 'load' | 'generate' }[] = [
  { name: 'YAML syntax error', text: 'id: [unclosed', code: 'SCENARIO-YAML', mentions: /bad\.yaml/ },
  { name: 'missing references', text: BASE.replace(/references:.*\n/, ''), code: 'SCENARIO-SCHEMA', mentions: /references/ },
  { name: 'bad duration', text: BASE.replace('at: 1m', 'at: soon'), code: 'SCENARIO-SCHEMA', mentions: /timeline\.0\.at: not a duration/ },
  { name: 'null actor ips', text: BASE.replace('ips: ["192.0.2.1"]', 'ips: null'), code: 'SCENARIO-SCHEMA', mentions: /actors\.a\.ips/ },
  { name: 'id not kebab-case', text: BASE.replace('id: tiny', 'id: Tiny_One'), code: 'SCENARIO-SCHEMA', mentions: /^.*id: ids are lower-case/ },
  { name: 'expectation without alert_type', text: BASE + 'expect:\n  r: { alert: true }\n', code: 'SCENARIO-SCHEMA', mentions: /expect\.r\.alert_type/ },
  { name: 'benign scenario expecting an alert', text: BASE.replace('kind: attack', 'kind: benign') + 'expect:\n  r: { alert: true, alert_type: X }\n', code: 'SCENARIO-SCHEMA', mentions: /expect\.r\.alert: a benign scenario cannot expect an alert/ },
  { name: 'unknown action', text: BASE.replace('aws.sts.GetCallerIdentity', 'aws.sts.Teleport'), code: 'SCENARIO-UNKNOWN-ACTION', mentions: /aws\.sts\.Teleport/, at: 'generate' },
  { name: 'unknown actor', text: BASE.replace('actor: a,', 'actor: b,'), code: 'SCENARIO-UNKNOWN-ACTOR', mentions: /"b"/, at: 'generate' },
  {
    name: 'bad action params (multivalue where a string belongs)',
    text: BASE.replace('action: aws.sts.GetCallerIdentity', 'action: aws.ssm.StartSession, params: { target: [i-1, i-2] }'),
    code: 'SCENARIO-PARAMS',
    mentions: /params\.target/,
    at: 'generate',
  },
];
for (const c of BAD) {
  test(`rejects: ${c.name}`, () => {
    const { code, message } = codeOf(() => {
      const s = parseScenario(c.text, 'bad.yaml');
      if (c.at === 'generate') generateScenario(s);
    });
    assert.equal(code, c.code);
    assert.match(message, c.mentions);
  });
}
