// Issue #19 item 5: the directory walk followed symlink loops (one loop read each file 41 times, silently;
// two loops or 200,000 files in one folder crashed it) and skipped unreadable folders without a report.
// Now each folder is entered once and each file taken once (by device and inode), the walk keeps its own
// stack, and a folder that cannot be listed is reported.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expandPaths } from '../../src/ingest/glob.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sl-walk-'));
  chmodSync(dir, 0o755); // readable to the unprivileged child below
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.json'), '{"a":1}\n');
  writeFileSync(join(dir, 'sub', 'b.json'), '{"b":1}\n');
  return dir;
}

test('symlink loops: each folder entered once, each file listed once', () => {
  const dir = tree();
  symlinkSync(dir, join(dir, 'sub', 'up')); // back to the root
  symlinkSync(join(dir, 'sub'), join(dir, 'sub', 'self')); // to itself
  symlinkSync(join(dir, 'a.json'), join(dir, 'sub', 'c.json')); // a second name for a file
  const { files, missing, unreadable } = expandPaths([dir]);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['a.json', 'sub/b.json']);
  assert.deepEqual([missing, unreadable], [[], []]);
  // Overlapping arguments: a file named twice is read once, and neither argument is "missing".
  const again = expandPaths([dir, join(dir, 'a.json'), join(dir, 'sub', '*.json')]);
  assert.deepEqual(again.files.map((f) => f.slice(dir.length + 1)), ['a.json', 'sub/b.json']);
  assert.deepEqual(again.missing, []);
});

test('`**` through a symlink loop ends', () => {
  const dir = tree();
  symlinkSync(dir, join(dir, 'sub', 'up'));
  const { files } = expandPaths([join(dir, '**', '*.json')]);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)).sort(), ['a.json', 'sub/b.json']);
});

test('a folder of very many files is walked without overflowing the stack', { timeout: 120_000 }, () => {
  // 200,000 files overflowed the default stack (their list was spread into a call). Creating that many takes
  // half a minute here, so the walk runs with a tenth of the stack over 20,000 files: the same failure.
  const dir = mkdtempSync(join(tmpdir(), 'sl-walk-wide-'));
  const n = 20_000;
  for (let i = 0; i < n; i++) closeSync(openSync(join(dir, `f${String(i).padStart(5, '0')}.json`), 'w'));
  try {
    const script = `const { expandPaths } = await import(${JSON.stringify(join(ROOT, 'src/ingest/glob.ts'))});
      const { files } = expandPaths([${JSON.stringify(dir)}]);
      console.log(JSON.stringify([files.length, files[0]]));`;
    const r = spawnSync(process.execPath, ['--stack-size=100', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr.slice(0, 400));
    assert.deepEqual(JSON.parse(r.stdout), [n, join(dir, 'f00000.json')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable folder is reported, the rest still read', (t) => {
  const dir = tree();
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'z.json'), '{"z":1}\n');
  chmodSync(join(dir, 'locked'), 0o000);
  // Root reads any folder: run the walk as `nobody` then (the checkout must be readable to it).
  const script = `
    const { expandPaths } = await import(${JSON.stringify(join(ROOT, 'src/ingest/glob.ts'))});
    const { readEvents } = await import(${JSON.stringify(join(ROOT, 'src/ingest/read.ts'))});
    const bad = [];
    let events = 0;
    for await (const e of readEvents([${JSON.stringify(dir)}], { onMalformed: (m) => bad.push(m) })) events++;
    console.log(JSON.stringify({ walk: expandPaths([${JSON.stringify(dir)}]), bad, events }));`;
  const asNobody = process.getuid?.() === 0;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(asNobody ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: tmpdir() } } : {}),
  });
  chmodSync(join(dir, 'locked'), 0o755);
  if (asNobody && r.status !== 0 && /EACCES|permission denied/i.test(r.stderr)) {
    t.skip(`the checkout is not readable to nobody: ${r.stderr.split('\n')[0]}`);
    return;
  }
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { walk: ReturnType<typeof expandPaths>; bad: { source: string; message: string }[]; events: number };
  assert.deepEqual(out.walk.files.map((f) => f.slice(dir.length + 1)), ['a.json', 'sub/b.json']);
  assert.deepEqual(out.walk.unreadable.map((u) => u.path), [join(dir, 'locked')]);
  assert.match(out.walk.unreadable[0]!.message, /cannot read folder: EACCES/);
  assert.equal(out.events, 2);
  assert.deepEqual(out.bad.map((b) => b.source), [join(dir, 'locked')]);
});
