// Issue #19 item 1: an upload to the analysis page could kill the whole server: the 64 MiB limit counted
// compressed bytes (a 9.4 MB gzip held 2 GiB of events), analyses kept every event, and ran on the HEC
// path. Now an analysis holds at most ANALYSIS_LIMITS events and decompressed bytes (reading stops there,
// with a notice), analyses run one at a time behind a short queue, and unused uploads are deleted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ANALYSIS_LIMITS, AnalysisBusy, AnalysisStore } from '../../src/web/analysis/analysis.ts';
import { readEventFiles } from '../../src/web/engine.ts';

const line = (i: number) => JSON.stringify({ eventVersion: '1.08', eventTime: '2026-01-01T00:00:00Z', eventSource: 's.amazonaws.com', eventName: `E${i}`, pad: 'x'.repeat(200) });

function gzipOf(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sl-bomb-'));
  const path = join(dir, 'big.json.gz');
  const text = Array.from({ length: n }, (_, i) => line(i)).join('\n') + '\n';
  writeFileSync(path, gzipSync(text));
  return path;
}

test('reading for an analysis stops at the event bound and at the decompressed-byte bound', async () => {
  const path = gzipOf(20_000); // ~5 MB of text, far less gzipped
  const byCount = await readEventFiles([path], undefined, { events: 1000, rawBytes: Infinity });
  assert.deepEqual([byCount.events.length, byCount.truncated], [1000, true]);
  const hundred = Array.from({ length: 100 }, (_, i) => line(i).length).reduce((a, b) => a + b, 0);
  const byBytes = await readEventFiles([path], undefined, { events: Infinity, rawBytes: hundred });
  assert.deepEqual([byBytes.events.length, byBytes.truncated], [100, true]);
  const all = await readEventFiles([path]);
  assert.deepEqual([all.events.length, all.truncated], [20_000, false]);
});

test('an analysis over the bounds keeps only what the bounds allow and says so', async () => {
  const store = new AnalysisStore(mkdtempSync(join(tmpdir(), 'sl-up-')), { ...ANALYSIS_LIMITS, events: 500 });
  const a = await store.run('big', [gzipOf(5000)], []);
  assert.equal(a.events.length, 500);
  assert.match(a.error ?? '', /ANALYSIS-TOO-LARGE: reading stopped after 500 events/);
});

test('analyses run one at a time; past the queue they are refused, and the store keeps a bounded number', async () => {
  const store = new AnalysisStore(mkdtempSync(join(tmpdir(), 'sl-up-')), { ...ANALYSIS_LIMITS, queued: 1, kept: 2 });
  const path = gzipOf(200);
  const runs = [store.run('a', [path], []), store.run('b', [path], [])];
  await assert.rejects(store.run('c', [path], []), AnalysisBusy);
  const done = await Promise.all(runs);
  assert.deepEqual(done.map((d) => d.events.length), [200, 200]);
  await store.run('d', [path], []);
  assert.deepEqual(store.list().map((x) => x.label), ['d', 'b']);
});

test('uploads no analysis used are deleted after the set time', () => {
  const uploads = mkdtempSync(join(tmpdir(), 'sl-up-'));
  const store = new AnalysisStore(uploads);
  const fresh = store.saveUpload('fresh.json', Buffer.from('{}\n'));
  const old = store.saveUpload('old.json', Buffer.from('{}\n'));
  const past = Date.now() / 1000 - ANALYSIS_LIMITS.uploadSeconds - 60;
  utimesSync(dirname(old), past, past);
  assert.deepEqual(store.sweepUploads(), [dirname(old)]);
  assert.ok(existsSync(fresh));
  assert.ok(!existsSync(old));
});
