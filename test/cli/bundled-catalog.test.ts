// From a directory without rules/ or scenarios/, `detect` uses the bundled catalog (issue #16: it failed
// with "cannot read rules from rules"); with a rules/ folder of its own there, that folder is used instead.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogDir } from '../../src/app/catalog-dirs.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'sightline');
const dir = mkdtempSync(join(tmpdir(), 'sl-elsewhere-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const detect = (cwd: string) =>
  spawnSync(process.execPath, [BIN, 'detect', join(ROOT, 'demo'), '--format', 'json'], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

test('detect from another directory runs the bundled rules', () => {
  const r = detect(dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /13 rules run/);
  assert.ok(r.stdout.trim().split('\n').length >= 38, 'the demo alerts of every bundled rule');
});

test("a rules/ folder in the working directory comes first", () => {
  const own = join(dir, 'mine');
  mkdirSync(join(own, 'rules'), { recursive: true });
  cpSync(join(ROOT, 'rules', 'direct-cloud-vm-connection-t1021-008.yml'), join(own, 'rules', 'only.yml'));
  cpSync(join(ROOT, 'rules', 'lookups'), join(own, 'rules', 'lookups'), { recursive: true });
  assert.equal(catalogDir('rules', own), 'rules');
  assert.equal(catalogDir('scenarios', own), join(ROOT, 'scenarios'));
  const r = detect(own);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /1 rules? run/);
});
