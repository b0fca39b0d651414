// `sightline serve` as a user starts it: only --port and --data. The bundled rules load, a HEC token is
// generated and kept (mode 0600) in the data directory and reused on the next start, and HEC accepts it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, REPO, waitExit } from './helpers/spawn-server.ts';

async function startDefault(port: number, dataDir: string) {
  const child = spawn(process.execPath, [join(REPO, 'bin/sightline'), 'serve', '--port', String(port), '--data', dataDir], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/services/collector/health`).then((r) => r.ok, () => false);
    if (ok) return { child, output: () => out };
    if (Date.now() > deadline) throw new Error(`no start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('serve starts with the bundled rules, a generated token kept across restarts, on loopback', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sightline-serve-'));
  const port = await freePort();
  try {
    let s = await startDefault(port, dataDir);
    const tokenFile = join(dataDir, 'hec-token');
    const token = readFileSync(tokenFile, 'utf8').trim();
    assert.match(token, /^[0-9a-f-]{36}$/);
    assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
    assert.ok(!s.output().includes(token), 'the token itself is not printed');
    assert.match(s.output(), /sightline serving on http:\/\/127\.0\.0\.1:\d+/);
    const status = (await (await fetch(`http://127.0.0.1:${port}/api/status`)).json()) as { rules: number; rules_error: string | null };
    const bundled = readdirSync(join(REPO, 'rules')).filter((f) => f.endsWith('.yml') || f.endsWith('.yaml')).length;
    assert.equal(status.rules_error, null);
    assert.equal(status.rules, bundled);
    const r = await fetch(`http://127.0.0.1:${port}/services/collector/event`, { method: 'POST', headers: { authorization: `Splunk ${token}` }, body: '{"event":"hello"}' });
    assert.equal(r.status, 200);
    s.child.kill('SIGTERM');
    await waitExit(s.child);
    s = await startDefault(port, dataDir);
    assert.equal(readFileSync(tokenFile, 'utf8').trim(), token, 'the same token after a restart');
    const again = await fetch(`http://127.0.0.1:${port}/services/collector/event`, { method: 'POST', headers: { authorization: `Splunk ${token}` }, body: '{"event":"again"}' });
    assert.equal(again.status, 200);
    s.child.kill('SIGTERM');
    await waitExit(s.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('serve refuses a bad port with exit code 2', async () => {
  const child = spawn(process.execPath, [join(REPO, 'bin/sightline'), 'serve', '--port', 'http'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await waitExit(child);
  assert.equal(child.exitCode, 2);
  assert.match(err, /--port must be 0-65535/);
});
