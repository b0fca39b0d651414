// Browser acceptance tests in Debian's chromium (playwright-core): open a rule page and download its Sigma
// rule; run the demo analysis and see the expected alerts; a log value holding <script> shows as text and
// runs nothing (also when it arrives over HEC and is shown on the alerts page).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './helpers/spawn-server.ts';
import { browserUnavailable, launch } from './helpers/browser.ts';
import { cloudtrailLogin, hec, startTestServer, waitIdle, type TestServer } from './helpers/in-process.ts';

const why = browserUnavailable();
if (why && process.env.CI === 'true') throw new Error(`browser tests need chromium under CI: ${why}`);
const skip = why ?? false;

let srv: TestServer;
let browser: Awaited<ReturnType<typeof launch>>;
before(async () => {
  if (skip) return;
  srv = await startTestServer();
  browser = await launch();
});
after(async () => {
  if (skip) return;
  await browser.close();
  await srv.dispose();
});

test('a rule page shows the catalog sections, and its Sigma rule downloads', { skip, timeout: 60_000 }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${srv.url}/`);
  await page.getByRole('link', { name: 'Test: AWS console login without MFA <b>bold?</b>' }).click();
  await page.waitForURL(/\/rules\/test-console-login-no-mfa$/);
  assert.equal(await page.locator('h1').textContent(), 'Test: AWS console login without MFA <b>bold?</b>');
  for (const id of ['attack', 'spl', 'data-sources', 'false-positives', 'downloads', 'testing', 'playbook', 'investigation', 'hunting', 'related']) {
    assert.equal(await page.locator(`section#${id}`).count(), 1, `section ${id}`);
  }
  assert.equal(await page.locator('#attack a[href="https://attack.mitre.org/techniques/T1021/007/"]').count(), 1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.download[data-target="sigma"]').click()]);
  assert.equal(download.suggestedFilename(), 'test-console-login-no-mfa.sigma.yml');
  const text = readFileSync((await download.path())!, 'utf8');
  assert.match(text, /^title: /m);
  assert.match(text, /^detection:/m);
  assert.match(text, /ConsoleLogin/);
  await page.close();
});

test('the demo analysis shows the expected alerts, histogram and drill-down; <script> in a log is inert text', { skip, timeout: 60_000 }, async () => {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${srv.url}/analyze`);
  await page.locator('#run-demo').click();
  await page.waitForURL(/\/analyze\/[\w-]+$/);
  // Expected from the fixture (test/web/fixtures/README.md): alice and the <script> user without MFA, bob from 3 IPs.
  assert.equal(await page.locator('#alert-count').textContent(), '3');
  const rows = page.locator('table.alerts tbody tr');
  assert.equal(await rows.count(), 3);
  const text = await page.locator('table.alerts').innerText();
  assert.match(text, /arn:aws:iam::111122223333:user\/alice/);
  assert.match(text, /arn:aws:iam::111122223333:user\/bob/);
  assert.ok(text.includes(`user/<script>window.__xss=1</script>"'&`), 'the hostile value is displayed as text');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'the script did not run');
  assert.equal(await page.locator('table.alerts script').count(), 0);
  assert.equal(await page.locator('figure.histogram rect').count() > 0, true);
  assert.deepEqual(dialogs, []);
  await rows.first().getByRole('link', { name: 'events' }).click();
  await page.waitForURL(/\/alerts\/0$/);
  assert.match(await page.locator('ol.events').innerText(), /"eventID": ?"demo-1"/);
  await page.close();
});

test('uploading a log file from the browser analyses it with the ticked rules', { skip, timeout: 60_000 }, async () => {
  const page = await browser.context.newPage();
  await page.goto(`${srv.url}/analyze`);
  await page.locator('input[name="rule"][value="test-many-source-ips"]').uncheck();
  await page.locator('#upload-file').setInputFiles(join(FIXTURES, 'demo/cloudtrail-logins.json'));
  await page.locator('#upload-button').click();
  await page.waitForURL(/\/analyze\/[\w-]+$/);
  // Only the no-MFA rule: alice and the <script> user.
  assert.equal(await page.locator('#alert-count').textContent(), '2');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  await page.close();
});

test('a hostile value received over HEC is inert on the alerts page', { skip, timeout: 60_000 }, async () => {
  const evil = `arn:aws:iam::1:user/<img src=x onerror="window.__xss=2"><script>window.__xss=3</script>`;
  const r = await hec(srv.url, JSON.stringify({ sourcetype: 'aws:cloudtrail', event: cloudtrailLogin({ time: 1767225600, arn: evil, ip: '192.0.2.77', mfa: 'No', id: 'x1' }) }));
  assert.equal(r.status, 200);
  await waitIdle(srv.url);
  const page = await browser.context.newPage();
  await page.goto(`${srv.url}/alerts`);
  assert.ok((await page.locator('table.alerts').innerText()).includes(evil));
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  // A new alert while the page is open: the status poll offers a reload.
  await hec(srv.url, JSON.stringify({ sourcetype: 'aws:cloudtrail', event: cloudtrailLogin({ time: 1767225660, arn: 'arn:aws:iam::1:user/next', ip: '192.0.2.78', mfa: 'No', id: 'x2' }) }));
  await page.locator('#new-alerts').waitFor({ state: 'visible', timeout: 15_000 });
  assert.match((await page.locator('#new-alerts').textContent()) ?? '', /^1 new alert\(s\): reload$/);
  await page.locator('table.alerts tbody tr').first().getByRole('link', { name: 'events' }).click();
  assert.ok((await page.locator('ol.events').innerText()).includes('192.0.2.77'));
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  await page.close();
});
