// Lowering through SPL text: which plan shapes come out, and which constructs fail closed with which code
// at which span (the span must point at the offending command or call, for lint and the editor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { SightlineError } from '../../src/core/diagnostics.ts';
import type { PlanNode } from '../../src/plan/nodes.ts';

function failure(spl: string): { code: string; text: string } {
  try {
    planQuery(spl);
  } catch (err) {
    if (!(err instanceof SightlineError)) throw err;
    const span = err.diagnostic.span;
    return { code: err.diagnostic.code, text: span ? spl.slice(span.start, span.end) : '' };
  }
  return assert.fail(`expected ${spl} to fail`);
}

const ERRORS: { spl: string; code: string; at: string }[] = [
  { spl: 'x=1 | transaction user maxspan=5m', code: 'SPL-UNSUPPORTED-COMMAND', at: 'transaction' },
  { spl: 'x=1 | iplocation src', code: 'SPL-IPLOCATION-NO-DB', at: 'iplocation' },
  { spl: 'x=1 | eval y=frobnicate(x, 1)', code: 'SPL-UNKNOWN-FUNCTION', at: 'frobnicate(x, 1)' },
  { spl: 'x=1 | eval y=if(x)', code: 'SPL-FUNCTION-ARITY', at: 'if(x)' },
  { spl: 'x=1 | where like(x)', code: 'SPL-FUNCTION-ARITY', at: 'like(x)' },
  { spl: 'x=1 | makeresults', code: 'SPL-GENERATOR-NOT-FIRST', at: 'makeresults' },
  { spl: '| multisearch [search a=1 | sort x] [search b=2]', code: 'SPL-MULTISEARCH-NOT-STREAMING', at: 'sort' },
  { spl: '| multisearch [search a=1 | table x] [search b=2]', code: 'SPL-MULTISEARCH-NOT-STREAMING', at: 'table' },
  { spl: 'a=1 (earliest=-1h OR b=2)', code: 'SPL-TIME-MODIFIER-PLACEMENT', at: 'earliest=-1h' },
  { spl: 'x=1 | bin _time bins=10', code: 'SPL-UNSUPPORTED-OPTION', at: 'bins=10' },
  { spl: 'x=1 | rex field=x "(?<a>y)(?=z)"', code: 'SPL-REGEX-UNSUPPORTED', at: '"(?<a>y)(?=z)"' },
  { spl: 'x=1 | dedup x keepevents=true', code: 'SPL-UNSUPPORTED-OPTION', at: 'keepevents=true' },
  { spl: 'x=1 | where match(x, "a(?=b)")', code: 'SPL-REGEX-UNSUPPORTED', at: '"a(?=b)"' },
  { spl: 'x=1 | eval y=replace(x, "(", "")', code: 'SPL-REGEX-INVALID', at: '"("' },
  { spl: 'x=1 | mvexpand _raw', code: 'SPL-MVEXPAND-INTERNAL-FIELD', at: 'mvexpand _raw' },
];

for (const e of ERRORS) {
  test(`lower fails closed: ${e.spl}`, () => {
    const f = failure(e.spl);
    assert.equal(f.code, e.code);
    assert.equal(f.text, e.at);
  });
}

test('the unsupported-command error carries a hint listing supported commands', () => {
  try {
    planQuery('x=1 | transpose');
    assert.fail('expected an error');
  } catch (err) {
    assert.ok(err instanceof SightlineError);
    assert.match(err.diagnostic.hint ?? '', /supported commands: search, where, eval/);
  }
});

test('leading search becomes the scan with its time bounds; later search becomes a filter', () => {
  const plan = planQuery('a=1 earliest=-1h latest=now | search b=2');
  const root = plan.root as Extract<PlanNode, { kind: 'filter' }>;
  assert.equal(root.kind, 'filter');
  assert.deepEqual(root.predicate, { kind: 'searchMatch', field: 'b', op: '=', pattern: { text: '2', wildcard: false, caseSensitive: false } });
  const scan = root.input as Extract<PlanNode, { kind: 'scan' }>;
  assert.equal(scan.kind, 'scan');
  assert.deepEqual(scan.earliest, { spec: '-1h' });
  assert.deepEqual(scan.latest, { spec: 'now' });
});

test('search * has no predicate', () => {
  const scan = planQuery('*').root as Extract<PlanNode, { kind: 'scan' }>;
  assert.equal(scan.predicate, null);
});

test('where x=y compares two fields; search x=y compares to the literal', () => {
  const where = planQuery('* | where x=y').root as Extract<PlanNode, { kind: 'filter' }>;
  assert.deepEqual(where.predicate, { kind: 'compare', op: '=', left: { kind: 'field', name: 'x' }, right: { kind: 'field', name: 'y' } });
  const search = planQuery('x=y').root as Extract<PlanNode, { kind: 'scan' }>;
  assert.deepEqual(search.predicate, { kind: 'searchMatch', field: 'x', op: '=', pattern: { text: 'y', wildcard: false, caseSensitive: false } });
});

test('field IN (..) in search is an OR of search matches; IN in where is inList', () => {
  const s = planQuery('f IN (a, b*)').root as Extract<PlanNode, { kind: 'scan' }>;
  assert.equal(s.predicate?.kind, 'or');
  const w = planQuery('* | where f IN ("a", "b")').root as Extract<PlanNode, { kind: 'filter' }>;
  assert.equal(w.predicate.kind, 'inList');
});

test('sort keeps 10000 rows by default and all with sort 0; append maxout defaults to 10000', () => {
  const s = planQuery('* | sort x').root as Extract<PlanNode, { kind: 'sort' }>;
  assert.equal(s.limit, 10000);
  const s0 = planQuery('* | sort 0 x').root as Extract<PlanNode, { kind: 'sort' }>;
  assert.equal(s0.limit, 0);
  const a = planQuery('* | append [search y=1]').root as Extract<PlanNode, { kind: 'union' }>;
  assert.equal(a.mode, 'append');
  assert.equal(a.maxout, 10000);
  assert.equal(a.inputs.length, 2);
});

test('refused commands real detections use carry a rewrite in their hint (issue #15)', () => {
  const hint = (spl: string): string => {
    try {
      planQuery(spl);
    } catch (err) {
      assert.ok(err instanceof SightlineError);
      assert.equal(err.diagnostic.code, 'SPL-UNSUPPORTED-COMMAND');
      return err.diagnostic.hint ?? '';
    }
    assert.fail(`${spl} planned`);
  };
  assert.match(hint('| tstats count from datamodel=Authentication by Authentication.user'), /\| stats count by user/);
  assert.match(hint('* | collect index=summary'), /summary index/);
  assert.match(hint('* | outputlookup x.csv'), /--format=csv/);
});

test('search CIDR values lower to cidrmatch, decided at plan time', () => {
  const root = planQuery('src=10.0.0.0/8').root;
  assert.equal(root.kind, 'scan');
  const p = root.kind === 'scan' ? root.predicate : null;
  assert.deepEqual(p, {
    kind: 'and',
    items: [
      { kind: 'call', fn: 'isnotnull', args: [{ kind: 'field', name: 'src' }] },
      { kind: 'call', fn: 'cidrmatch', args: [{ kind: 'literal', value: '10.0.0.0/8' }, { kind: 'field', name: 'src' }] },
    ],
  });
  // Not a subnet: a plain address or a wildcard stays a search-term match.
  const plain = planQuery('src=10.0.0.1').root;
  assert.equal(plain.kind === 'scan' ? plain.predicate?.kind : null, 'searchMatch');
});
