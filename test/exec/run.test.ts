// The driver: one pass feeds every plan, `done` stops reading early, append truncation warns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startQueries, runQuery } from '../../src/exec/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import type { Row } from '../../src/exec/row.ts';
import { ev } from './helpers.ts';

const events = Array.from({ length: 20 }, (_, i) => ev({ i, kind: i % 2 === 0 ? 'even' : 'odd' }, { _time: 1000 + i }));

test('one pass over the events feeds every plan', () => {
  const plans = [planQuery('kind=even | stats count'), planQuery('kind=odd | table i')];
  const got: [number, Row][] = [];
  const run = startQueries(plans, (p, row) => got.push([p, row]));
  for (const e of events) run.push(e);
  run.end();
  assert.deepEqual(got.filter(([p]) => p === 0).map(([, r]) => r.get('count')), [10]);
  assert.equal(got.filter(([p]) => p === 1).length, 10);
});

test('done turns true once every head is satisfied, and runQuery stops reading', async () => {
  const run = startQueries([planQuery('* | head 3')], () => {});
  let pushed = 0;
  for (const e of events) {
    if (run.done) break;
    run.push(e);
    pushed++;
  }
  assert.equal(pushed, 3);
  let pulled = 0;
  function* counting() {
    for (const e of events) {
      pulled++;
      yield e;
    }
  }
  const rows = await runQuery(planQuery('kind=odd | head 2'), counting());
  assert.deepEqual(rows.map((r) => r.get('i')), [1, 3]);
  assert.equal(pulled, 4);
});

test('a plan with only generators is done before any event', () => {
  const run = startQueries([planQuery('| makeresults')], () => {});
  assert.equal(run.done, true);
});

test('append keeps at most maxout subsearch rows and warns once', async () => {
  const warnings: Diagnostic[] = [];
  const rows = await runQuery(planQuery('i=0 | append maxout=3 [search kind=odd]'), events, { onWarning: (d) => warnings.push(d) });
  assert.deepEqual(rows.map((r) => r.get('i')), [0, 1, 3, 5]);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]?.code, 'SPL-SUBSEARCH-TRUNCATED');
});

test('a missing lookup table fails before reading events', async () => {
  await assert.rejects(runQuery(planQuery('* | lookup nope.csv user'), events, { lookupDirs: [] }), /SPL-LOOKUP-NOT-FOUND/);
});

test('eval of a null result removes an existing event field', async () => {
  const rows = await runQuery(planQuery('i=1 | eval kind=nosuch'), events);
  assert.equal(rows[0]?.get('kind'), null);
  assert.ok(!rows[0]?.fieldNames().includes('kind'));
});

test('scans skip events of sourcetypes their search cannot match, without reading any field', async () => {
  const untouchable = {
    _time: 0,
    _raw: '{}',
    sourcetype: 'other:type',
    source: 's',
    index: 'main',
    host: 'h',
    get(): never {
      throw new Error('a field of a routed-away event was read');
    },
    fieldNames(): never {
      throw new Error('fieldNames of a routed-away event was read');
    },
  };
  const rows = await runQuery(planQuery('sourcetype=AWS:CloudTrail eventName=x'), [untouchable, ev({ eventName: 'x' }, { sourcetype: 'aws:cloudtrail' })]);
  assert.equal(rows.length, 1);
});

test('errors raised while building point at the command that caused them', () => {
  const spl = 'x=1 | lookup nope.csv user';
  try {
    startQueries([planQuery(spl)], () => {}, { lookupDirs: [] });
    assert.fail('expected SPL-LOOKUP-NOT-FOUND');
  } catch (err) {
    const d = (err as { diagnostic?: { code: string; span?: { start: number; end: number } } }).diagnostic;
    assert.equal(d?.code, 'SPL-LOOKUP-NOT-FOUND');
    assert.equal(spl.slice(d?.span?.start, d?.span?.end), 'lookup nope.csv user');
  }
});

test('sort with a limit keeps the same rows as a full sort when it trims its buffer', async () => {
  // 3000 rows with many ties on k: sort 5 must return the first five rows in (k, arrival) order.
  const many = Array.from({ length: 3000 }, (_, i) => ev({ i, k: (i * 7) % 4 }));
  const rows = await runQuery(planQuery('* | sort 5 k'), many);
  assert.deepEqual(rows.map((r) => r.get('i')), [0, 4, 8, 12, 16]);
});
