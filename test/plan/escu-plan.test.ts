// Plan gate over real detections: every security_content cloud search in test/fixtures/escu either plans or
// fails closed with a named code and a span into the query text, never with a crash or a bare Error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadMacros } from '../../src/spl/macros.ts';
import { planQuery } from '../../src/plan/index.ts';
import { SightlineError } from '../../src/core/diagnostics.ts';

const ESCU = join(new URL('.', import.meta.url).pathname, '..', 'fixtures', 'escu');
const detections = parse(readFileSync(join(ESCU, 'detections.yml'), 'utf8')) as { name: string; search: string }[];
const macroDir = join(ESCU, 'macros');
const macros = loadMacros(readdirSync(macroDir).map((f) => join(macroDir, f)), { missingFilterMacros: 'match-all' });

for (const d of detections) {
  test(`ESCU plans or fails closed: ${d.name}`, () => {
    try {
      const plan = planQuery(d.search, { macros });
      assert.ok(plan.root);
    } catch (err) {
      assert.ok(err instanceof SightlineError, `not a SightlineError: ${String(err)}`);
      assert.match(err.diagnostic.code, /^SPL-[A-Z-]+$/);
      assert.ok(err.diagnostic.span, `${err.diagnostic.code} has no span`);
    }
  });
}

// The searches that do not plan are listed, with the code they fail with, in test/fixtures/escu/unplanned.yml;
// any other failure is a regression, and a listed search that starts to plan must leave the list.
const unplanned = parse(readFileSync(join(ESCU, 'unplanned.yml'), 'utf8')) as { name: string; code: string; reason: string }[];

test('exactly the listed ESCU searches fail to plan, with their listed codes', () => {
  const failed = new Map<string, string>();
  for (const d of detections) {
    try {
      planQuery(d.search, { macros });
    } catch (err) {
      failed.set(d.name, err instanceof SightlineError ? err.diagnostic.code : String(err));
    }
  }
  assert.deepEqual(
    [...failed].sort(),
    unplanned.map((u) => [u.name, u.code] as [string, string]).sort(),
  );
  assert.ok(unplanned.every((u) => u.reason.length > 0));
});
