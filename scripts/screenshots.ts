// Takes the README screenshots of `sightline serve` (index, rule page, coverage matrix, demo analysis, alerts)
// with Debian's chromium: starts the server in-process on a temporary data directory, replays the demo logs
// over HEC so the alerts page has content, and writes docs/screenshots/*.png. Run: node --import tsx scripts/screenshots.ts

import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../src/web/server.ts';
import { readEvents } from '../src/ingest/read.ts';
import { launch } from '../test/web/helpers/browser.ts';

const REPO = resolve(import.meta.dirname, '..');
const OUT = join(REPO, 'docs/screenshots');
const TOKEN = 'screenshot-token';

function hasFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => !f.startsWith('.') && f !== 'README.md');
  } catch {
    return false;
  }
}

const bundledDemo = join(REPO, 'demo');
const demoDir = hasFiles(bundledDemo) ? bundledDemo : join(REPO, 'test/web/fixtures/demo');
const rulesDir = join(REPO, 'rules');
const dataDir = mkdtempSync(join(tmpdir(), 'sightline-shots-'));
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  rulesDir,
  demoDir,
  scenariosDir: join(REPO, 'scenarios'),
  hecToken: TOKEN,
  maxHecBytes: 1024 * 1024,
  maxUploadBytes: 64 * 1024 * 1024,
  webhookUrl: null,
  allowPaths: true,
  idleSeconds: 0.5,
  log: (l) => process.stderr.write(`${l}\n`),
});
const base = server.url;
try {
  // Replay the demo over HEC in batches, so the alerts page shows real-time alerts.
  let batch = '';
  let n = 0;
  const flush = async () => {
    if (!batch) return;
    const r = await fetch(`${base}/services/collector/event`, { method: 'POST', headers: { authorization: `Splunk ${TOKEN}` }, body: batch });
    if (r.status !== 200) throw new Error(`HEC answered ${r.status}: ${await r.text()}`);
    batch = '';
  };
  // In time order, as a forwarder tailing the sources would send them (the demo is stored file by file).
  const events = [];
  for await (const e of readEvents([demoDir])) events.push(e);
  events.sort((x, y) => x._time - y._time);
  for (const e of events) {
    batch += JSON.stringify({ time: e._time, sourcetype: e.sourcetype, source: e.source, event: JSON.parse(e._raw) as unknown });
    if (++n % 500 === 0) await flush();
  }
  await flush();
  for (let i = 0; i < 600; i++) {
    const s = (await (await fetch(`${base}/api/status`)).json()) as { idle: boolean; openWindows: number };
    if (s.idle && s.openWindows === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.stderr.write(`replayed ${n} demo events from ${demoDir}\n`);

  mkdirSync(OUT, { recursive: true });
  const browser = await launch({ width: 1360, height: 900 });
  const page = await browser.context.newPage();
  const shot = async (name: string, maxHeight = 1800) => {
    const height = Math.min(maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.setViewportSize({ width: 1360, height });
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    await page.setViewportSize({ width: 1360, height: 900 });
    process.stderr.write(`wrote docs/screenshots/${name}.png\n`);
  };
  await page.goto(`${base}/`);
  await shot('index', 1100);
  const rules = (await (await fetch(`${base}/api/rules`)).json()) as { id: string }[];
  // The showcase: the first rule with a Sigma download (preferring a T1021.008 connection rule).
  let showcase = rules[0];
  for (const r of [...rules].sort((x, y) => Number(y.id.startsWith('direct-cloud-vm')) - Number(x.id.startsWith('direct-cloud-vm')))) {
    if ((await (await fetch(`${base}/rules/${encodeURIComponent(r.id)}`)).text()).includes('data-target="sigma"')) {
      showcase = r;
      break;
    }
  }
  if (showcase) {
    await page.goto(`${base}/rules/${encodeURIComponent(showcase.id)}`);
    await shot('rule', 2600);
  }
  await page.goto(`${base}/coverage`);
  await shot('coverage', 1500);
  await page.goto(`${base}/analyze`);
  await page.locator('#run-demo').click();
  await page.waitForURL(/\/analyze\/[\w-]+$/);
  await shot('analysis', 1700);
  await page.goto(`${base}/alerts`);
  await shot('alerts', 1500);
  await browser.close();
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
