#!/usr/bin/env node
// Start-up costs of the built CLI against running the sources through tsx (what bin/sightline did before
// dist/): `--version`, a search over a 1 KB file, and a scan worker's start (new Worker until its first
// task is done). Prints medians of N runs (default 5; `--runs N`). Timings depend on the machine and its
// load, so they live here and not in the tests.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
import { PACKAGE_ROOT, ensureFreshBuild } from './build-freshness.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const BIN = join(PACKAGE_ROOT, 'bin', 'sightline');
const FROM_SOURCE = ['--import', 'tsx', '--input-type=module', '-e', "const { runSightline } = await import('./src/main.ts'); process.exitCode = await runSightline(process.argv.slice(1));", '--'];

const SCRATCH = mkdtempSync(join(tmpdir(), 'sl-startup-'));
process.on('exit', () => rmSync(SCRATCH, { recursive: true, force: true }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => `${x.toFixed(0)} ms`.padStart(8);

/** Median wall and CPU (user + system of the child) of running node with `args`. */
function timeCommand(args) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8' });
    wall.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    cpu.push(childrenCpu() - cpuBefore);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** ms of CPU used by this process's finished children (Linux: cutime + cstime, in 10 ms clock ticks). */
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

/** Median ms from `new Worker` until its first task (a one-line file) is done, and the CPU it took. */
async function timeWorkerStart(start) {
  const file = join(SCRATCH, 'one.ndjson');
  const text = `${JSON.stringify({ eventTime: '2026-11-20T16:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'RunInstances' })}\n`;
  writeFileSync(file, text);
  const { planQuery } = await import('../src/plan/index.ts');
  const plans = [planQuery('sourcetype="aws:cloudtrail" eventName=RunInstances')];
  const setup = { plans, clauses: null, host: 'startup', fields: ['eventName'] };
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    const started = performance.now();
    const w = start(setup);
    await new Promise((resolve, reject) => {
      w.on('error', reject);
      w.on('message', (m) => (m.type === 'done' ? resolve() : m.type === 'error' ? reject(new Error(m.message)) : undefined));
      w.postMessage({ type: 'task', task: { id: 0, path: file, kind: 'lines', start: 0, end: text.length, size: text.length, fallbackTime: 0 } });
    });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    await w.terminate();
  }
  return { wall: median(wall), cpu: median(cpu) };
}

if (!(await ensureFreshBuild())) process.exit(1);
const kb = join(SCRATCH, 'cloudtrail-1kb.ndjson');
const record = { eventVersion: '1.09', eventTime: '2026-11-20T16:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', sourceIPAddress: '198.51.100.7' };
writeFileSync(kb, `${JSON.stringify({ ...record, userAgent: 'x'.repeat(1024 - JSON.stringify(record).length - 16) })}\n`);
const search = ['search', 'sourcetype="aws:cloudtrail" | stats count by eventName', kb];

const rows = [
  ['--version, dist/ (bin/sightline)', timeCommand([BIN, '--version'])],
  ['--version, src/ through tsx', timeCommand([...FROM_SOURCE, '--version'])],
  ['search 1 KB, dist/ (bin/sightline)', timeCommand([BIN, ...search])],
  ['search 1 KB, src/ through tsx', timeCommand([...FROM_SOURCE, ...search])],
];
register();
const { startScanWorker } = await import('../src/scan/worker-start.ts');
rows.push(['scan worker start, dist/worker.js', await timeWorkerStart((setup) => new Worker(join(PACKAGE_ROOT, 'dist', 'worker.js'), { workerData: setup }))]);
rows.push(['scan worker start, tsx bootstrap', await timeWorkerStart((setup) => startScanWorker(setup))]);

process.stdout.write(`median of ${RUNS} runs            wall       cpu\n`);
for (const [name, t] of rows) process.stdout.write(`${name.padEnd(36)}${ms(t.wall)}  ${ms(t.cpu)}\n`);
