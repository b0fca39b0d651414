// Integration with the scenario generator: every delivery layout it writes (CloudTrail .json.gz Records
// files, Event Hub {"records":[...]} batches, REST and O365 JSON arrays) must read back as the same
// events: same count, same sourcetype per record, same _time. Two independent implementations agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadScenarios } from '../../src/scenarios/load.ts';
import { generateScenario, type GeneratedRecord } from '../../src/scenarios/generate.ts';
import { deliver } from '../../src/scenarios/deliver.ts';
import { readEvents, type MalformedInput } from '../../src/ingest/read.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

test('files laid out like the services deliver them read back record for record', async () => {
  const records: GeneratedRecord[] = [];
  for (const s of loadScenarios(SCENARIOS)) records.push(...generateScenario(s.scenario));
  assert.ok(records.length > 0);
  const dir = mkdtempSync(join(tmpdir(), 'sightline-deliver-'));
  try {
    const files = deliver(records);
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.bytes);
    }
    const key = (sourcetype: string, time: number) => `${sourcetype} ${Math.round(time * 1000)}`;
    const expected = records.map((r) => key(r.sourcetype, r.time)).sort();
    const got: string[] = [];
    const malformed: MalformedInput[] = [];
    for await (const e of readEvents([dir], { onMalformed: (m) => malformed.push(m) })) got.push(key(e.sourcetype, e._time));
    assert.deepEqual(malformed, []);
    assert.deepEqual(got.sort(), expected);
    const layouts = new Set(files.map((f) => f.path.split('/')[0]));
    assert.ok(layouts.size >= 3, `layouts exercised: ${[...layouts].join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
