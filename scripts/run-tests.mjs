#!/usr/bin/env node
// Runs every test/**/*.test.ts with Node's own test runner through tsx, with TZ pinned to UTC.
// `npm test -- --update` rewrites golden files; `npm test -- test/spl` runs only tests under a path.
// dist/ is rebuilt first when stale: end-to-end tests spawn bin/sightline, which runs the build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureFreshBuild } from './build-freshness.mjs';

const args = process.argv.slice(2);
const update = args.includes('--update');
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
const env = { ...process.env, TZ: 'UTC', ...(update ? { SIGHTLINE_UPDATE_GOLDENS: '1' } : {}) };
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env });
process.exit(res.status ?? 1);
