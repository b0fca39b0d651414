// GET /api/alerts returns each stored alert with the same fields, values and field order as
// `sightline detect --format json` prints for the same events: the fixture demo is sent over HEC as a
// forwarder would (raw CloudTrail records, sourcetype detected), and compared with the CLI's output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, REPO } from './helpers/spawn-server.ts';
import { hec, startTestServer, waitIdle } from './helpers/in-process.ts';

test('/api/alerts equals detect --format json on the same events', { timeout: 120_000 }, async () => {
  const cli = spawnSync(process.execPath, [join(REPO, 'bin/sightline'), 'detect', join(FIXTURES, 'demo'), '--rules', join(FIXTURES, 'rules'), '--format', 'json'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  assert.equal(cli.status, 0, cli.stderr);
  const expected = cli.stdout.trim().split('\n').map((l) => JSON.stringify(JSON.parse(l)));
  assert.equal(expected.length, 3);

  const srv = await startTestServer();
  try {
    const records = (JSON.parse(readFileSync(join(FIXTURES, 'demo/cloudtrail-logins.json'), 'utf8')) as { Records: unknown[] }).Records;
    const body = records.map((r) => JSON.stringify({ event: r })).join('\n');
    assert.equal((await hec(srv.url, body)).status, 200);
    await waitIdle(srv.url);
    const stored = ((await (await fetch(`${srv.url}/api/alerts`)).json()) as unknown[]).map((a) => JSON.stringify(a));
    assert.deepEqual([...stored].sort(), [...expected].sort());
  } finally {
    await srv.dispose();
  }
});
