// demo/ is exactly what `sightline simulate --all --volume 4 --out demo` produces from the committed
// scenarios (demo/README.md): regenerating gives the same files with the same bytes. Gzip files are
// compared by their decompressed bytes, so a different zlib build cannot fail the test on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { deliver } from '../../src/scenarios/deliver.ts';
import { generateScenario } from '../../src/scenarios/generate.ts';
import { loadScenarios } from '../../src/scenarios/load.ts';
import { REPO, SCENARIO_DIR } from './helpers.ts';

const DEMO = join(REPO, 'demo');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

const content = (path: string, bytes: Buffer) => (path.endsWith('.gz') ? gunzipSync(bytes) : bytes);

test('regenerating the demo dataset gives identical files', () => {
  const records = loadScenarios(SCENARIO_DIR).flatMap(({ scenario }) => generateScenario(scenario, { volume: 4 }));
  const files = deliver(records);
  const committed = walk(DEMO)
    .map((p) => relative(DEMO, p))
    .filter((p) => p !== 'README.md')
    .sort();
  assert.deepEqual(files.map((f) => f.path).sort(), committed, 'same file names (regenerate demo/ as demo/README.md says)');
  for (const f of files) {
    const onDisk = readFileSync(join(DEMO, f.path));
    assert.ok(content(f.path, f.bytes).equals(content(f.path, onDisk)), `${f.path} has the same content`);
  }
  const total = files.reduce((n, f) => n + f.records, 0);
  assert.ok(total >= 2000 && total <= 5000, `a few thousand events (${total})`);
  assert.equal(new Set(records.map((r) => r.sourcetype)).size, 6, 'every generated sourcetype (AWS, Entra, O365, Azure Activity, Google Cloud, Workspace login)');
});
