// `convert --to spl` keeps a rule's allowlists as the other targets do (issue #16: it dropped them silently):
// the SPL it prints, run by sightline's own engine over the demo data, gives exactly the alerts of the tuned
// rule, and with --untuned those of the untuned rule. Rules whose allowlists silence nothing in the demo data
// still get the filter text, checked separately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { convertRule } from '../../src/app/convert-rule.ts';
import type { Event } from '../../src/core/event.ts';
import { runQuery } from '../../src/exec/run.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { planQuery } from '../../src/plan/index.ts';
import { loadRules } from '../../src/rules/load.ts';
import { ruleLookupDirs } from '../../src/rules/lookup-dirs.ts';
import { planRule } from '../../src/rules/run.ts';
import { loadAllowlists, tuningPredicate } from '../../src/rules/tuning.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rules = await loadRules(join(ROOT, 'rules'));
const events: Event[] = [];
for await (const e of readEvents([join(ROOT, 'demo')])) events.push(e);
const NOW = 1790000000;

const rows = async (rule: (typeof rules)[number], plan: ReturnType<typeof planQuery>) =>
  (await runQuery(plan, events, { now: NOW, lookupDirs: ruleLookupDirs(rule) })).map((r) => JSON.stringify(r.toJSON())).sort();

for (const rule of rules) {
  test(`${rule.id}: convert --to spl runs to the tuned rule's alerts, --untuned to the untuned ones`, async () => {
    const tuned = convertRule(rule, 'spl');
    const untuned = convertRule(rule, 'spl', { tuned: false });
    assert.ok(tuned.ok && untuned.ok);
    assert.deepEqual(await rows(rule, planQuery(tuned.text)), await rows(rule, planRule(rule, true)));
    assert.deepEqual(await rows(rule, planQuery(untuned.text)), await rows(rule, planRule(rule, false)));
    const hasEntries = tuningPredicate(loadAllowlists(rule)) !== null;
    assert.equal(tuned.text !== untuned.text, hasEntries, 'the filter is there exactly when the rule has allowlist entries');
    if (hasEntries) assert.match(tuned.text, /\| where NOT \(*isnotnull\(/);
  });
}

test('the allowlists silence alerts in the demo data, so the comparison above can fail', async () => {
  let silenced = 0;
  for (const rule of rules) silenced += (await rows(rule, planRule(rule, false))).length - (await rows(rule, planRule(rule, true))).length;
  assert.ok(silenced > 0);
});
