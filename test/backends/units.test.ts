// Unit goldens: every expression kind and operator on a small plan, for every target. A case a target
// cannot express must show `UNSUPPORTED <code>` (fail closed), never a query. `npm test -- --update`
// rewrites test/golden/translate/units.<target>; review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertGolden } from '../helpers/golden.ts';
import { checkTranslation, translate, TARGETS } from '../../src/backends/registry.ts';
import { UNIT_CASES } from './unit-cases.ts';

const META = { id: 'unit', title: 'unit case', date: '2026-11-27', severity: 'medium' };

function render(target: (typeof TARGETS)[number]): string {
  return UNIT_CASES.map((c) => {
    const t = translate(c.plan, target, META, { sqlInput: ['logs/*.json'] });
    const body = t.ok ? t.text.trimEnd() : t.diagnostics.filter((d) => d.severity === 'error').map((d) => `UNSUPPORTED ${d.code}: ${d.message}`).join('\n');
    return `### ${c.name}\n${body}\n`;
  }).join('\n');
}

for (const target of TARGETS) {
  test(`unit translations to ${target} match the golden file`, () => {
    assertGolden(`test/golden/translate/units.${target}`, render(target));
  });
}

test('cases named UNSUPPORTED fail closed on every target, the others translate somewhere', () => {
  for (const c of UNIT_CASES) {
    const results = TARGETS.map((t) => translate(c.plan, t, META));
    if (c.name.startsWith('UNSUPPORTED')) {
      for (const r of results) {
        assert.equal(r.ok, false, `${c.name} must fail on ${r.target}`);
        assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('XLATE-')), `${c.name}: named XLATE code on ${r.target}`);
      }
    } else {
      assert.ok(results.some((r) => r.ok), `${c.name} translates to at least one target`);
    }
  }
});

test('every unit translation that succeeds passes its target validator', async () => {
  for (const c of UNIT_CASES) {
    for (const target of TARGETS) {
      if (!translate(c.plan, target, META).ok) continue;
      assert.deepEqual(await checkTranslation(c.plan, target, META), [], `${c.name} -> ${target}`);
    }
  }
});
