// docs/functions.md lists every documented eval and stats function with its status. This keeps the table
// honest: a function marked yes is one the planner accepts, and one marked no is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { getAggregate, getScalarFunction } from '../../src/functions/registry.ts';
import { planQuery } from '../../src/plan/index.ts';

const DOC = readFileSync(new URL('../../docs/functions.md', import.meta.url), 'utf8');

/** Functions the planner lowers itself rather than looking up in the registry. */
const PLANNER_FORMS = new Set(['like', 'in', 'mvmap', 'mvfilter', 'searchmatch']);

interface Row {
  readonly section: 'eval' | 'stats';
  readonly names: string[];
  readonly yes: boolean;
}

function rows(): Row[] {
  const out: Row[] = [];
  let section: 'eval' | 'stats' = 'eval';
  for (const line of DOC.split('\n')) {
    if (line.startsWith('## Stats aggregates')) section = 'stats';
    const m = /^\| [^|]+ \| (.+) \| (yes|no) \|$/.exec(line);
    if (!m) continue;
    // Names are the backquoted words before any parenthesised remark, alternatives split on `/`.
    const names = [...(m[1] as string).replace(/\([^)]*\)/g, '').matchAll(/`([a-z_0-9<>N]+)`/g)].flatMap((x) => (x[1] as string).split('/'));
    out.push({ section, names, yes: m[2] === 'yes' });
  }
  return out;
}

test('docs/functions.md status tables are found', () => {
  const all = rows();
  assert.ok(all.filter((r) => r.section === 'eval').length >= 15);
  assert.ok(all.filter((r) => r.section === 'stats').length >= 5);
});

for (const row of rows()) {
  for (const name of row.names) {
    test(`docs/functions.md: ${row.section} ${name} is ${row.yes ? 'supported' : 'refused'}`, () => {
      if (row.section === 'stats') {
        const agg = getAggregate(name.replace('<N>', '95'));
        assert.equal(agg !== undefined, row.yes, name);
        return;
      }
      if (PLANNER_FORMS.has(name)) {
        assert.ok(row.yes, name);
        return;
      }
      assert.equal(getScalarFunction(name) !== undefined, row.yes, name);
      if (!row.yes) assert.throws(() => planQuery(`| makeresults | eval x=${name}(1)`), /SPL-UNKNOWN-FUNCTION|unknown eval function/);
    });
  }
}
