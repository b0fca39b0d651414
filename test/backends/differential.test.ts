// Differential tests: the DuckDB SQL translation of a plan, run over the raw log files, returns the same
// rows as sightline's native engine over the same files (rows compared after normalising order, multivalue
// shape and number formatting). Run for every rule whose SQL translation succeeds (rules.test.ts pins which
// do) and for the seed-shaped sample plans, over every fixture set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRules } from '../../src/rules/load.ts';
import { planRule } from '../../src/rules/run.ts';
import { translateSqlScript } from '../../src/backends/sql/index.ts';
import type { QueryPlan } from '../../src/plan/nodes.ts';
import { duckdbRows, LOOKUP_DIRS, nativeRows } from './differential-helpers.ts';
import * as P from './sample-plans.ts';
import { UNIT_CASES } from './unit-cases.ts';

const FIXTURE_SETS: Record<string, string[]> = {
  translate: ['test/fixtures/translate/*.ndjson'],
  demo: ['demo/**/*.json', 'demo/**/*.json.gz'],
  'real-stratus': ['test/fixtures/real/stratus-red-team/*.json'],
  // Google: exported entries, the add-on's envelope, Google's documented examples, Workspace activities.
  gcp: ['test/fixtures/gcp/*.jsonl'],
};

const rules = await loadRules('rules');
const plans: { name: string; plan: QueryPlan }[] = [
  ...rules.flatMap((r) => [
    { name: `rule ${r.id} (tuned)`, plan: planRule(r, true) },
    { name: `rule ${r.id} (untuned)`, plan: planRule(r, false) },
  ]),
  { name: 'sample aws console login without MFA', plan: P.plan(P.awsConsoleNoMfa()) },
  { name: 'sample o365 multi-IP login (stats)', plan: P.plan(P.o365MultiIp()) },
  { name: 'sample direct VM multisearch', plan: P.directVmMultisearch() },
];
// The unit plans are many and small: they run over the small fixture sets only.
const unitPlans = UNIT_CASES.map((c) => ({ name: `unit ${c.name}`, plan: c.plan }));

const sqlOk = (p: { plan: QueryPlan }) => !translateSqlScript(p.plan, { id: 'd', title: 'd' }, { lookupDirs: LOOKUP_DIRS }).problems.failed;
const translatable = plans.filter(sqlOk);
const translatableUnits = unitPlans.filter(sqlOk);

test('every rule has a SQL translation to compare', () => {
  const ruleCount = translatable.filter((p) => p.name.startsWith('rule ')).length / 2;
  assert.equal(ruleCount, rules.length, `${ruleCount} of ${rules.length} rules translate to SQL`);
});

for (const [set, files] of Object.entries(FIXTURE_SETS)) {
  for (const p of [...translatable, ...(set === 'demo' ? [] : translatableUnits)]) {
    test(`SQL = native: ${p.name} over ${set}`, async () => {
      const native = await nativeRows(p.plan, files);
      const sql = await duckdbRows(p.plan, files);
      assert.deepEqual(sql, native);
    });
  }
}
