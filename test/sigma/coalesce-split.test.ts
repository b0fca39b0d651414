// Exactness of the Sigma export of coalesce(): each SPL query is exported, imported back and run, and must
// select the same events (or the same groups) as the SPL itself, over a table of events with every presence
// combination of the two fields, case variants, a JSON null and a multivalue. spl-semantics.md: "coalesce(X,...)
// returns the first value that is not NULL"; stats BY drops events whose BY value is null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translate } from '../../src/backends/registry.ts';
import { sigmaFilterDocuments } from '../../src/backends/sigma/filters.ts';
import { translateSigmaDocuments } from '../../src/backends/sigma/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import { ct, matchesEach } from './helpers.ts';

const META = { id: 'coalesce-unit', title: 'coalesce unit', date: '2026-11-27', severity: 'medium' };
const BASE = 'sourcetype="aws:cloudtrail" eventName=Test';

// n names each event; `first` and `second` are the coalesce arguments.
const EVENTS = [
  { n: 1, first: 'X' },
  { n: 2, first: 'x' },
  { n: 3, second: 'X' },
  { n: 4, first: 'Y', second: 'X' },
  { n: 5, first: null, second: 'X' },
  { n: 6 },
  { n: 7, second: 'y' },
  { n: 8, first: 'Z', second: 'Z' },
  { n: 9, first: ['X', 'W'] },
].map((f) => ct(f));

// A lookup table whose keys are all lower case (the only case a lower() key may be inlined for).
const dir = mkdtempSync(join(tmpdir(), 'coalesce-lookup-'));
writeFileSync(join(dir, 'known.csv'), 'key,seen\nx,2026-01-01\nz,2026-01-02\nq,\n');
test.after(() => rmSync(dir, { recursive: true, force: true }));

function sigmaOf(spl: string): string {
  const t = translate(planQuery(spl), 'sigma', META, { lookupDirs: [dir] });
  assert.deepEqual(t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], spl);
  return t.text;
}

async function splMatchesEach(spl: string): Promise<boolean[]> {
  const plan = planQuery(spl);
  const out: boolean[] = [];
  for (const ev of EVENTS) out.push((await runQuery(plan, [ev], { lookupDirs: [dir] })).length > 0);
  return out;
}

const WHERE_CASES: { name: string; spl: string }[] = [
  { name: 'coalesce() = value', spl: `${BASE} | where coalesce(first, second)="X" | table n` },
  { name: 'NOT coalesce() = value', spl: `${BASE} | where NOT coalesce(first, second)="X" | table n` },
  { name: 'coalesce() != value', spl: `${BASE} | where coalesce(first, second)!="X" | table n` },
  { name: 'lower(coalesce()) IN list', spl: `${BASE} | where lower(coalesce(first, second)) IN ("x", "z") | table n` },
  { name: 'NOT upper(coalesce()) IN list', spl: `${BASE} | where NOT upper(coalesce(first, second)) IN ("X") | table n` },
  { name: 'isnull(coalesce())', spl: `${BASE} | where isnull(coalesce(first, second)) | table n` },
  { name: 'isnotnull(coalesce()) through an eval', spl: `${BASE} | eval K=coalesce(first, second) | where isnotnull(K) | table n` },
  { name: 'lookup on lower(coalesce()): not in the table', spl: `${BASE} | eval K=lower(coalesce(first, second)) | lookup known.csv key AS K OUTPUT seen | where isnull(seen) | table n` },
  { name: 'lookup on lower(coalesce()): in the table', spl: `${BASE} | eval K=lower(coalesce(first, second)) | lookup known.csv key AS K OUTPUT seen | where isnotnull(seen) | table n` },
];

for (const c of WHERE_CASES) {
  test(`coalesce export selects the events SPL selects: ${c.name}`, async () => {
    const expected = await splMatchesEach(c.spl);
    assert.ok(expected.some(Boolean) && !expected.every(Boolean), 'the table separates matching and other events');
    assert.deepEqual(await matchesEach(sigmaOf(c.spl), EVENTS), expected);
  });
}

test('stats BY coalesce(): one rule per argument, the alias joins them into the SPL groups', async () => {
  const spl = `${BASE} | eval K=coalesce(first, second) | stats count as Calls by K`;
  const yaml = sigmaOf(spl);
  // CloudTrail passes any field name through (identity mapping), so the alias gets a suffix no log field has.
  assert.match(yaml, /aliases:\n {4}K_coalesced:\n {6}coalesce-unit-first: first\n {6}coalesce-unit-second: second/);
  const splGroups = (await runQuery(planQuery(spl), EVENTS)).map((r) => `${JSON.stringify(r.get('K'))}=${r.get('Calls')}`).sort();
  const sigma = await runSigma(lowerSigma(parseSigmaText(yaml, 'k.yml')), EVENTS);
  assert.deepEqual(sigma.map((a) => `${JSON.stringify(a.K_coalesced)}=${a.event_count}`).sort(), splGroups);
  assert.ok(sigma.some((a) => a.sigma_rules === 'coalesce-unit-second'), 'the second rule feeds some group');
});

test('an allowlist filter aimed at a later rule of the split names that rule\'s field', () => {
  const { docs } = translateSigmaDocuments(planQuery(`${BASE} | eval K=coalesce(first, second) | stats count by K`), META);
  const filters = sigmaFilterDocuments([{ title: 't: ok', description: 'd', logsource: { product: 'aws', service: 'cloudtrail' }, filter: { selection: [{ first: 'svc' }], condition: 'not selection' } }], docs);
  const byRules = filters.map((f) => (f.kind === 'filter' ? [f.doc.filter.rules.join(','), JSON.stringify(f.doc.filter.selection)] : []));
  assert.deepEqual(byRules, [['coalesce-unit-first', '[{"first":"svc"}]'], ['coalesce-unit-second', '[{"second":"svc"}]']]);
});
