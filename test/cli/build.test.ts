// The built CLI (dist/, scripts/build.mjs): bin/sightline runs the bundle, the bundle finds its data files and
// node_modules from dist/, the built scan worker runs without a transpiler, and the per-start staleness
// check notices edited, replaced and deleted files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findPackageRoot, packageRoot } from '../../src/core/package-root.ts';
import { planQuery } from '../../src/plan/index.ts';
import { planFieldNames } from '../../src/scan/projected-event.ts';
import type { FromWorker, WireBatch, WorkerSetup } from '../../src/scan/wire.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const RULE = join(ROOT, 'rules', 'direct-cloud-vm-connection-t1021-008.yml');

interface Freshness {
  isBuildFresh(root: string): boolean;
  ensureFreshBuild(): Promise<boolean>;
  fileStamp(path: string): [number, number] | null;
}
const freshness = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-freshness.mjs')).href)) as Freshness;

function sightline(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the package root is found from source, and not above the file system root', () => {
  assert.equal(packageRoot(), ROOT);
  assert.equal(findPackageRoot(join(ROOT, 'src', 'core')), ROOT);
  assert.equal(findPackageRoot(tmpdir()), null);
});

test('bin/sightline runs the bundle: --version, and data files and node_modules resolve from dist/ in any cwd', () => {
  // A stale dist/ is rebuilt by this first run.
  assert.equal(sightline(['--version']).stdout.trim(), '0.1.0');
  assert.ok(freshness.isBuildFresh(ROOT), 'dist/ is fresh after a run');
  const elsewhere = mkdtempSync(join(tmpdir(), 'sl-built-'));
  // kql: Kusto.Language through createRequire and kql/tables.yml; sigma: schemas/sigma; sql: sql/mapping.yml.
  for (const to of ['kql', 'sigma', 'sql']) {
    const r = sightline(['convert', RULE, '--to', to, '--check'], elsewhere);
    assert.equal(r.code, 0, `${to}: ${r.stderr}`);
  }
  const lint = sightline(['lint', '--query', 'sourcetype="o365:management:activity" | table ApplicationName'], elsewhere);
  assert.equal(lint.code, 1);
  assert.match(lint.stderr, /SPL-UNKNOWN-FIELD: field "ApplicationName" is never produced/, 'the field catalog is loaded');
});

/** eventName of each event in a worker batch, from its raw bytes. */
function unpackNames(batch: WireBatch): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of batch.rawEnds) {
    out.push((JSON.parse(Buffer.from(batch.raw.subarray(start, end)).toString('utf8')) as { eventName: string }).eventName);
    start = end;
  }
  return out;
}

test('the built scan worker runs a task with no transpiler loaded', async () => {
  assert.ok(await freshness.ensureFreshBuild());
  const dir = mkdtempSync(join(tmpdir(), 'sl-worker-'));
  const file = join(dir, 'ct.ndjson');
  const line = (name: string) => JSON.stringify({ eventTime: '2026-11-20T16:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: name });
  const text = `${line('RunInstances')}\n${line('DescribeInstances')}\n`;
  writeFileSync(file, text);
  const plans = [planQuery('sourcetype="aws:cloudtrail" eventName=RunInstances')];
  const setup: WorkerSetup = { plans, clauses: null, projection: true, host: 'test', fields: planFieldNames(plans) };
  // execArgv [] keeps this process's --import tsx out of the worker.
  const worker = new Worker(join(ROOT, 'dist', 'worker.js'), { workerData: setup, execArgv: [] });
  const names: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'events') names.push(...unpackNames(m.batch));
        else if (m.type === 'done') resolve();
        else if (m.type === 'error') reject(new Error(m.message));
      });
      const size = Buffer.byteLength(text);
      worker.postMessage({ type: 'task', task: { id: 0, path: file, kind: 'lines', start: 0, end: size, size, fallbackTime: 0 } });
    });
  } finally {
    await worker.terminate();
  }
  assert.deepEqual(names, ['RunInstances']);
});

test('the staleness check: a changed, replaced or deleted file, or no manifest, means stale', () => {
  const root = mkdtempSync(join(tmpdir(), 'sl-fresh-'));
  mkdirSync(join(root, 'dist'));
  const source = join(root, 'a.ts');
  writeFileSync(source, 'export const a = 1;\n');
  const manifest = () => writeFileSync(join(root, 'dist', 'build-manifest.json'), JSON.stringify({ files: [['a.ts', ...freshness.fileStamp(source)!]] }));
  assert.equal(freshness.isBuildFresh(root), false, 'no manifest');
  manifest();
  assert.equal(freshness.isBuildFresh(root), true);
  writeFileSync(source, 'export const a = 2;\n');
  assert.equal(freshness.isBuildFresh(root), false, 'edited');
  manifest();
  utimesSync(source, new Date(), new Date(Date.now() - 3_600_000));
  assert.equal(freshness.isBuildFresh(root), false, 'replaced by an older copy');
  manifest();
  rmSync(source);
  assert.equal(freshness.isBuildFresh(root), false, 'deleted');
});
