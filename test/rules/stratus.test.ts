// Acceptance on real attack telemetry: `detect` over every Stratus Red Team detonation recording raises no alert
// from a rule whose technique the recording is not about. Only one recording involves a direct VM connection:
// ec2-steal-instance-credentials runs its payload on the instance with SSM SendCommand (Run Command), which is
// what direct-cloud-vm-connection-t1021-008 reports; nothing else may alert.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEvents } from '../../src/ingest/read.ts';
import { runRules } from '../../src/rules/run.ts';
import { catalog, ROOT } from './helpers.ts';

const DIR = resolve(ROOT, 'test/fixtures/stratus');
const EXPECTED: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'aws.credential-access.ec2-steal-instance-credentials.json': { 'direct-cloud-vm-connection-t1021-008': 1 },
};

describe('Stratus Red Team recordings', async () => {
  const rules = await catalog();
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
  it('are all present (30 recordings)', () => assert.equal(files.length, 30));
  for (const file of files) {
    it(`${file}: ${EXPECTED[file] ? Object.keys(EXPECTED[file]).join(', ') : 'no alert'}`, async () => {
      const alerts = await runRules(rules, readEvents([join(DIR, file)]));
      const counts: Record<string, number> = {};
      for (const a of alerts) counts[a.rule_id] = (counts[a.rule_id] ?? 0) + 1;
      assert.deepEqual(counts, EXPECTED[file] ?? {});
    });
  }
});
