// The rule catalog: every rule file is valid and lints clean, every rule's own tests pass through the real
// engine (alerting and quiet events, and each listed false positive silenced by its allowlist), and the
// ATT&CK mapping agrees with MITRE's data.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintRuleText } from '../../src/rules/lint/index.ts';
import { runRuleTest } from '../../src/rules/rule-tests.ts';
import { catalog, ROOT, RULES_DIR } from './helpers.ts';

const rules = await catalog();
const techniques = new Map<string, { name: string; tactics: string[] }>(
  (JSON.parse(readFileSync(resolve(ROOT, 'data/attack/enterprise-techniques.json'), 'utf8')) as { id: string; name: string; tactics: string[] }[]).map((t) => [t.id, t]),
);

describe('rule catalog', () => {
  it('holds T1021.007, T1021.008 and at least six further rules, one file per id', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.yml'));
    assert.equal(files.length, rules.length);
    for (const r of rules) assert.equal(r.file.endsWith(`${r.id}.yml`), true, `${r.file} should be named ${r.id}.yml`);
    const subs = rules.map((r) => r.attack.subtechnique);
    assert.ok(subs.includes('T1021.007'));
    assert.ok(subs.includes('T1021.008'));
    assert.ok(rules.length >= 8, `only ${rules.length} rules`);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('lints without errors or warnings', () => {
        const r = lintRuleText(readFileSync(rule.file, 'utf8'), rule.file);
        assert.deepEqual(r.diagnostics.map((d) => `${d.code}: ${d.message}`), []);
      });

      it('maps to ATT&CK as MITRE names it', () => {
        const id = rule.attack.subtechnique ?? rule.attack.technique;
        const t = techniques.get(id);
        assert.ok(t, `${id} is not an ATT&CK technique`);
        assert.equal(rule.attack.subtechnique_name ?? rule.attack.technique_name, t.name);
        assert.equal(techniques.get(rule.attack.technique)?.name, rule.attack.technique_name);
        assert.ok(t.tactics.includes(rule.attack.tactic.toLowerCase().replace(/ /g, '-')), `${id} is not in ${rule.attack.tactic}`);
        assert.equal(rule.attack.reference, `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`);
      });

      it('lists every false positive with the allowlist that silences it and a tuned no_alert test', () => {
        const lists = new Set(rule.tuning.allowlists.map((a) => a.id));
        for (const fp of rule.false_positives) {
          assert.ok(fp.tuning && lists.has(fp.tuning), `false positive "${fp.description}" has no allowlist`);
          const t = rule.tests.find((x) => x.name === fp.test);
          assert.ok(t, `false positive "${fp.description}" names a missing test ${fp.test}`);
          assert.equal(t.expect, 'no_alert');
          assert.equal(t.tuned, true, `${t.name} must run with the tuning`);
        }
        for (const m of rule.testing_methodology) if (m.test) assert.ok(rule.tests.some((t) => t.name === m.test), `methodology step names a missing test ${m.test}`);
      });

      it('has alerting and quiet tests covering every AlertType it declares', () => {
        assert.ok(rule.tests.some((t) => t.expect === 'alert'));
        assert.ok(rule.tests.some((t) => t.expect === 'no_alert' && !t.tuned));
        const covered = new Set(rule.tests.flatMap((t) => t.alert_types ?? []));
        for (const a of rule.alert_types) assert.ok(covered.has(a), `no test expects AlertType ${a}`);
      });

      for (const test of rule.tests) {
        it(`test ${test.name}: ${test.expect}${test.tuned ? ' (tuned)' : ''}`, async () => {
          const r = await runRuleTest(rule, test, { root: ROOT });
          assert.deepEqual(r.problems, []);
        });
      }
    });
  }
});

describe('rule tests catch wrong expectations', () => {
  it('a no_alert expectation fails on an alerting event and an alert expectation fails on quiet events', async () => {
    const rule = rules.find((r) => r.id === 'aws-ec2-instance-connect-endpoint-tunnel-t1021-008')!;
    const alerting = rule.tests.find((t) => t.name === 'open-tunnel-alerts')!;
    const quiet = rule.tests.find((t) => t.name === 'endpoint-management-calls-do-not-alert')!;
    assert.equal((await runRuleTest(rule, { ...alerting, expect: 'no_alert' }, { root: ROOT })).passed, false);
    assert.equal((await runRuleTest(rule, { ...quiet, expect: 'alert' }, { root: ROOT })).passed, false);
    assert.equal((await runRuleTest(rule, { ...alerting, entities: { Principal: 'someone-else' } }, { root: ROOT })).passed, false);
  });
});
