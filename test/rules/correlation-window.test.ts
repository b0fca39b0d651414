// The rule schema's optional `correlation_window` (Sigma timespan syntax: "number + letter (in lowercase)", s, m,
// h or d; Sigma correlation rules specification, Time Selection) and its way into the Sigma export as the
// correlation `timespan` (convert's rule metadata).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ruleSchema } from '../../src/rules/schema.ts';
import { loadRuleFile } from '../../src/rules/load.ts';
import { ruleMeta } from '../../src/app/rule-meta.ts';

const rule = await loadRuleFile('rules/entra-anonymized-ip-then-azure-cli-t1021-007.yml');
const doc = parse(readFileSync('rules/entra-anonymized-ip-then-azure-cli-t1021-007.yml', 'utf8')) as Record<string, unknown>;

const CASES: { value: unknown; ok: boolean }[] = [
  { value: '24h', ok: true },
  { value: '90m', ok: true },
  { value: '30s', ok: true },
  { value: '7d', ok: true },
  { value: '24H', ok: false },
  { value: '0h', ok: false },
  { value: '1.5h', ok: false },
  { value: '86400', ok: false },
  { value: '1w', ok: false },
  { value: '', ok: false },
  { value: null, ok: false },
  { value: ['1h', '2h'], ok: false },
];

for (const c of CASES) {
  test(`correlation_window ${JSON.stringify(c.value)} is ${c.ok ? 'accepted' : 'rejected'}`, () => {
    const parsed = ruleSchema.safeParse({ ...doc, correlation_window: c.value });
    assert.equal(parsed.success, c.ok, parsed.success ? '' : parsed.error.message);
  });
}

test('correlation_window is optional', () => {
  const { correlation_window: _w, ...without } = doc;
  assert.equal(ruleSchema.safeParse(without).success, true);
});

test('the Sigma export reads it as the rule window', () => {
  assert.equal(rule.correlation_window, '24h');
  assert.equal(ruleMeta(rule).window, '24h');
  assert.equal(ruleMeta({ ...rule, correlation_window: undefined }).window, undefined);
});
