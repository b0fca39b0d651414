// Every rule in rules/ translated to every target: a reviewed golden file per rule and target
// (test/golden/translate/<rule-id>.<target>; a rule a target cannot express has the UNSUPPORTED codes as its
// golden), and every translation that succeeds passes the target's validator: Sigma documents validate
// against the official JSON schemas, KQL has zero error diagnostics from Kusto.Language, ES|QL passes the
// structural checker, and DuckDB binds the SQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { assertGolden } from '../helpers/golden.ts';
import { loadRules } from '../../src/rules/load.ts';
import { TARGETS } from '../../src/backends/registry.ts';
import { checkRule } from '../../src/app/check-rule.ts';
import { convertRule } from '../../src/app/convert-rule.ts';

const rules = await loadRules('rules');

test('the rules directory has rules to translate', () => {
  assert.ok(rules.length > 0);
  assert.equal(rules.length, readdirSync('rules').filter((f) => f.endsWith('.yml')).length);
});

for (const rule of rules) {
  for (const target of TARGETS) {
    test(`${rule.id} -> ${target}: golden and validator`, async () => {
      const out = convertRule(rule, target, { sqlInput: ['logs/*.json'] });
      const errors = out.diagnostics.filter((d) => d.severity === 'error');
      assert.equal(out.ok, errors.length === 0, 'ok exactly when no error was reported');
      const golden = out.ok ? out.text : errors.map((d) => `UNSUPPORTED ${d.code}: ${d.message}\n`).join('');
      assertGolden(`test/golden/translate/${rule.id}.${target}`, golden);
      if (out.ok) assert.deepEqual(await checkRule(rule, target), [], `${target} validator findings`);
    });
  }
}
