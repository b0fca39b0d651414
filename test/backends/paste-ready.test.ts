// Translations are paste-ready (issue #16): no dead clauses where an allowlist filter meets a union branch that
// dropped the field (KQL `isnotnull(dynamic(null))`, an ES|QL test of a column set to TO_STRING(null)), and an
// ES|QL translation of several queries is written with --out as one file per query, each one valid on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertRule } from '../../src/app/convert-rule.ts';
import { foldMissingFields } from '../../src/backends/fold-missing.ts';
import { checkEsql } from '../../src/backends/esql/validate.ts';
import { runConvert } from '../../src/cli/commands/convert.ts';
import { planQuery } from '../../src/plan/index.ts';
import type { PlanNode } from '../../src/plan/nodes.ts';
import { loadRules } from '../../src/rules/load.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rules = await loadRules(join(ROOT, 'rules'));
const MULTI = 'cloud-services-risky-signin-t1021-007';

test('no KQL translation tests a field its branch cannot hold', () => {
  for (const rule of rules) {
    const kql = convertRule(rule, 'kql');
    if (kql.ok) assert.doesNotMatch(kql.text, /is(notnull|null|notempty|empty)\(dynamic\(null\)\)/, rule.id);
  }
});

test('no ES|QL query tests a column it set to null', () => {
  for (const rule of rules) {
    const esql = convertRule(rule, 'esql');
    if (!esql.ok) continue;
    for (const query of esql.queries ?? [esql.text]) {
      const nulls = [...query.matchAll(/(\w+) = TO_STRING\(null\)/g)].map((m) => m[1]!);
      const wheres = query.split('\n').filter((l) => l.startsWith('| WHERE'));
      for (const n of nulls) for (const w of wheres) assert.ok(!new RegExp(`\\b${n} IS NOT NULL`).test(w), `${rule.id}: ${n} in ${w.slice(0, 120)}`);
    }
  }
  assert.ok(convertRule(rules.find((r) => r.id === MULTI)!, 'esql').text.includes('TO_STRING(null)'), 'the case arises in the catalog');
});

/**
 * A rule over two data streams (CloudTrail and O365: ES|QL writes one query per stream), made from a catalog
 * rule's file: since issue #14 no catalog rule over several streams translates to ES|QL whole.
 */
function twoStreamRule(dir: string): string {
  const doc = parseYaml(readFileSync(join(ROOT, 'rules', 'aws-ec2-serial-console-ssh-key-t1021-008.yml'), 'utf8')) as Record<string, unknown>;
  doc.id = 'two-streams-fixture';
  doc.sourcetypes = ['aws:cloudtrail', 'o365:management:activity'];
  doc.spl =
    '| multisearch [search sourcetype="aws:cloudtrail" eventName=ConsoleLogin | eval AlertType="A", Principal=\'userIdentity.arn\', TargetInstance="none"] ' +
    '[search sourcetype="o365:management:activity" Operation=UserLoggedIn | eval AlertType="B", Principal=UserId, TargetInstance="none"]\n| table _time, AlertType, Principal, TargetInstance\n';
  doc.tests = [(doc.tests as unknown[])[0]];
  const file = join(dir, 'two-streams-fixture.yml');
  writeFileSync(file, stringifyYaml(doc));
  return file;
}

test('convert --to esql --out writes one file per query, each valid ES|QL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sl-esql-out-'));
  const ruleDir = mkdtempSync(join(tmpdir(), 'sl-esql-rule-'));
  try {
    const code = await runConvert({ files: [twoStreamRule(ruleDir), join(ROOT, 'rules', 'aws-ec2-serial-console-ssh-key-t1021-008.yml')], to: 'esql', out: dir }, () => {});
    assert.equal(code, 0);
    assert.deepEqual(readdirSync(dir).sort(), ['aws-ec2-serial-console-ssh-key-t1021-008.esql', 'two-streams-fixture.1.esql', 'two-streams-fixture.2.esql']);
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.equal(text.match(/^FROM /gm)?.length, 1, f);
      const query = text.split('\n').filter((l) => !l.startsWith('//')).join('\n');
      assert.deepEqual(checkEsql(query), [], f);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(ruleDir, { recursive: true, force: true });
  }
});

/** The operators above the scan of a one-branch plan, in execution order. */
function ops(spl: string): PlanNode[] {
  const out: PlanNode[] = [];
  for (let n: PlanNode = planQuery(spl).root; 'input' in n; n = n.input) out.unshift(n);
  return out;
}
const wheres = (list: readonly PlanNode[]) => list.filter((o) => o.kind === 'filter').length;

test('foldMissingFields: a field dropped by fields/table/stats folds its clauses; one kept, evaluated or carried by eventstats does not', () => {
  // B is dropped by `fields A`: the clause on it is dead, and the whole filter with it.
  assert.equal(wheres(foldMissingFields(ops('x | fields A | where NOT (isnotnull(B) AND B="v")'))), 0);
  // A second clause on a kept field stays.
  const kept = foldMissingFields(ops('x | fields A | where NOT ((isnotnull(B) AND B="v") OR (isnotnull(A) AND A="w"))'));
  assert.equal(wheres(kept), 1);
  // Listing B again in a later table does not bring it back.
  assert.equal(wheres(foldMissingFields(ops('x | fields A | table A, B | where NOT (isnotnull(B) AND B="v")'))), 0);
  // Evaluated after the fields list: present.
  assert.equal(wheres(foldMissingFields(ops('x | fields A | eval B=1 | where NOT (isnotnull(B) AND B="v")'))), 1);
  // Without a fields list any log field may be there.
  assert.equal(wheres(foldMissingFields(ops('x | where NOT (isnotnull(B) AND B="v")'))), 1);
  // stats keeps only its groups and results; eventstats keeps the rows' fields.
  assert.equal(wheres(foldMissingFields(ops('x | stats count by A | where isnotnull(B)'))), 1, 'a filter that folds to false is left as written');
  assert.equal(wheres(foldMissingFields(ops('x | stats count by A | where isnull(B)'))), 0);
  assert.equal(wheres(foldMissingFields(ops('x | fields A, B | eventstats count by A | where NOT (isnotnull(B) AND B="v")'))), 1);
});
