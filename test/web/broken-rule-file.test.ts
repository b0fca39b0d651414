// Issue #19 item 7: one broken rule file left `serve` with 0 rules while HEC kept acknowledging events, and
// the log did not name the file. Now the file fails alone: its name and error are logged and shown in
// /api/status, and every other rule is loaded and evaluates what HEC receives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/web/server.ts';
import { FIXTURES } from './helpers/spawn-server.ts';
import { cloudtrailLogin, hec, TOKEN, waitIdle } from './helpers/in-process.ts';

test('a broken rule file is logged by name and skipped; the other rules run', async () => {
  const rulesDir = mkdtempSync(join(tmpdir(), 'sl-rules-'));
  cpSync(join(FIXTURES, 'rules'), rulesDir, { recursive: true });
  writeFileSync(join(rulesDir, 'aa-broken.yml'), 'id: broken\ntitle: [unclosed\n');
  writeFileSync(join(rulesDir, 'ab-invalid.yml'), 'id: invalid-rule\ntitle: no spl\n');
  const dataDir = mkdtempSync(join(tmpdir(), 'sl-data-'));
  const log: string[] = [];
  const srv = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    rulesDir,
    demoDir: null,
    scenariosDir: null,
    hecToken: TOKEN,
    maxHecBytes: 64 * 1024,
    maxUploadBytes: 1024 * 1024,
    webhookUrl: null,
    allowPaths: false,
    idleSeconds: 0.2,
    log: (l) => void log.push(l),
  });
  try {
    assert.equal(srv.app.rules.length, 2);
    assert.ok(srv.app.processor, 'the rule processor runs');
    assert.ok(log.some((l) => l.includes('aa-broken.yml') && l.includes('RULE-YAML')), log.join('\n'));
    assert.ok(log.some((l) => l.includes('ab-invalid.yml')), log.join('\n'));
    const status = (await (await fetch(`${srv.url}/api/status`)).json()) as { rules: number; rules_error: string | null };
    assert.equal(status.rules, 2);
    assert.match(status.rules_error ?? '', /aa-broken\.yml/);
    const r = await hec(srv.url, JSON.stringify({ event: cloudtrailLogin({ time: 1767225600, arn: 'arn:aws:iam::1:user/b', ip: '192.0.2.7', mfa: 'No', id: 'b1' }) }));
    assert.equal(r.status, 200);
    await waitIdle(srv.url);
    const alerts = (await (await fetch(`${srv.url}/api/alerts?rule=test-console-login-no-mfa`)).json()) as unknown[];
    assert.equal(alerts.length, 1);
  } finally {
    await srv.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
