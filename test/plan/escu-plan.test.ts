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

// With convert (the security_content_ctime macro) supported, 46 of the 54 searches plan; the other 8 use
// tstats, join, transaction, makemv, anomalydetection or an unknown command. A drop means a regression.
test('at least 46 ESCU searches plan', () => {
  let planned = 0;
  for (const d of detections) {
    try {
      planQuery(d.search, { macros });
      planned++;
    } catch {
      // counted by the per-search tests above
    }
  }
  assert.ok(planned >= 46, `only ${planned} of ${detections.length} plan`);
});
