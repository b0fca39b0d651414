// Webhook delivery (each new alert POSTed once the receiver answers 2xx, retried after a failure) and the
// upload path of the analysis UI (file -> upload id -> analysis with the chosen rules).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudtrailLogin, hec, startTestServer, waitIdle } from './helpers/in-process.ts';
import { FIXTURES } from './helpers/spawn-server.ts';

test('the webhook receives each new alert; a failed delivery is retried', { timeout: 30_000 }, async () => {
  const received: Record<string, unknown>[] = [];
  let failFirst = true;
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (failFirst) {
        failFirst = false;
        res.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body) as Record<string, unknown>);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const port = (receiver.address() as { port: number }).port;
  const srv = await startTestServer({ webhookUrl: `http://127.0.0.1:${port}/hook` });
  try {
    const body = [1, 2].map((k) => JSON.stringify({ sourcetype: 'aws:cloudtrail', event: cloudtrailLogin({ time: 1767225600 + k, arn: `arn:aws:iam::1:user/hook${k}`, ip: '192.0.2.5', mfa: 'No', id: `h${k}` }) })).join('');
    assert.equal((await hec(srv.url, body)).status, 200);
    await waitIdle(srv.url);
    // The first attempt got 503: back off (2 s), then both alerts arrive.
    srv.app.db.prepare('UPDATE webhook_outbox SET next_try = 0').run();
    for (let i = 0; i < 100 && received.length < 2; i++) {
      await srv.app.webhook!.deliverDue();
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(received.map((a) => a.UserArn).sort(), ['arn:aws:iam::1:user/hook1', 'arn:aws:iam::1:user/hook2']);
    assert.deepEqual(received.map((a) => typeof a.alert_id), ['number', 'number']);
    const pending = srv.app.db.prepare('SELECT count(*) AS n FROM webhook_outbox WHERE delivered IS NULL').get() as { n: number };
    assert.equal(pending.n, 0);
  } finally {
    await srv.dispose();
    receiver.close();
  }
});

test('an uploaded file is analysed with only the chosen rule', async () => {
  const srv = await startTestServer();
  try {
    const file = readFileSync(join(FIXTURES, 'demo/cloudtrail-logins.json'));
    const up = await fetch(`${srv.url}/analyze/uploads?name=${encodeURIComponent('../../etc/evil name.json')}`, { method: 'POST', body: new Uint8Array(file) });
    assert.equal(up.status, 200);
    const { upload } = (await up.json()) as { upload: string };
    const savedAt = srv.app.uploads.get(upload)!;
    assert.match(savedAt, /\/uploads\/[\w-]+\/evil_name\.json$/, 'the name cannot leave the upload directory');
    const r = await fetch(`${srv.url}/analyze`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `source=uploads&upload=${upload}&rule=test-many-source-ips`, redirect: 'manual' });
    assert.equal(r.status, 303);
    assert.equal(srv.app.uploads.size, 0, 'the upload is forgotten once analysed');
    assert.equal(existsSync(savedAt), false, 'and its file deleted');
    const page = await (await fetch(`${srv.url}${r.headers.get('location')}`)).text();
    // Only the stats rule ran: bob from three IPs.
    assert.match(page, /<strong id="alert-count">1<\/strong> alerts from 1 rules over <strong>6<\/strong> events/);
    const tooBig = await fetch(`${srv.url}/analyze/uploads?name=x.json`, { method: 'POST', body: new Uint8Array(2 * 1024 * 1024) });
    assert.equal(tooBig.status, 413);
  } finally {
    await srv.dispose();
  }
});
