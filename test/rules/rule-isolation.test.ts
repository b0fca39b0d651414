// Issue #19: no single rule can end a detect run or lose the other rules' alerts. A rule whose plan cannot
// be built (here its lookup file is missing) used to end the whole run with that one error and no alert;
// now it is reported as failed, with its file, and every other rule's alerts are printed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetect } from '../../src/cli/commands/detect.ts';
import { RULES_DIR, ROOT } from './helpers.ts';

async function detect(rulesDir: string) {
  let out = '';
  let err = '';
  const code = await runDetect({ paths: [join(ROOT, 'demo')], rulesDir, format: 'json', tuned: true }, (s) => void (out += s), (s) => void (err += s));
  return { code, alerts: out.trim().split('\n').filter(Boolean), err };
}

test('a rule whose lookup is missing fails alone; the other rules keep every alert', async () => {
  const rules = mkdtempSync(join(tmpdir(), 'sl-isolation-'));
  cpSync(RULES_DIR, rules, { recursive: true });
  rmSync(join(rules, 'lookups', 'ssm_session_baseline.csv'));
  const broken = 'aws-ssm-session-new-principal-t1021-008';
  const clean = await detect(RULES_DIR);
  const hostile = await detect(rules);
  assert.equal(hostile.code, 2);
  assert.match(hostile.err, new RegExp(`${broken}\\.yml.*SPL-LOOKUP-NOT-FOUND|SPL-LOOKUP-NOT-FOUND[^\\n]*\\n[\\s\\S]*${broken}`));
  assert.match(hostile.err, /1 failed/);
  const others = clean.alerts.filter((a) => !a.includes(`"rule_id":"${broken}"`));
  assert.ok(others.length > 0 && others.length < clean.alerts.length);
  assert.deepEqual(hostile.alerts, others);
});
