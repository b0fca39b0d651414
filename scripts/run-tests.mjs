#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's own test runner through tsx, with TZ pinned to UTC.
// `npm test -- --update` rewrites golden files; `npm test -- test/spl` runs only tests under a path;
// `npm test -- --verbose` lists every test (the default prints a dot per test, failures in full, a summary).
// The tests run with TMPDIR set to a fresh directory, removed afterwards: whatever a test leaves in the
// temporary directory is cleaned up, and tests never see each other's files from an earlier run.
// dist/ is rebuilt first when stale: end-to-end tests spawn bin/sightline, which runs the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureFreshBuild } from './build-freshness.mjs';

const args = process.argv.slice(2);
const update = args.includes('--update');
const verbose = args.includes('--verbose');
const roots = args.filter((a) => !a.startsWith('--'));
const files = [];
function walk(p) {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && name !== 'fixtures') walk(join(p, name));
  } else if (p.endsWith('.test.ts')) files.push(p);
}
for (const r of roots.length ? roots : ['test']) walk(resolve(r));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
if (!(await ensureFreshBuild())) process.exit(1);
const scratch = mkdtempSync(join(tmpdir(), 'sightline-tests-'));
const env = { ...process.env, TZ: 'UTC', TMPDIR: scratch, ...(update ? { SIGHTLINE_UPDATE_GOLDENS: '1' } : {}) };
const reporter = verbose ? 'spec' : join(import.meta.dirname, 'test-reporter.mjs');
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', `--test-reporter=${reporter}`, ...files], { stdio: 'inherit', env });
rmSync(scratch, { recursive: true, force: true });
process.exit(res.status ?? 1);
