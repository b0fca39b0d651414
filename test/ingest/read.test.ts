// readEvents over real files in a temp dir: formats detected by content, gzip (and truncated gzip),
// directories and globs, and hostile input (a 50 MB line, 10,000-deep nesting, binary garbage) that must be
// reported with its position while every good record around it is kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readEvents, type MalformedInput } from '../../src/ingest/read.ts';
import type { Event } from '../../src/core/event.ts';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sightline-read-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const ct = (name: string, time = '2024-07-31T12:46:41Z') =>
  JSON.stringify({ eventVersion: '1.10', eventSource: 'iam.amazonaws.com', eventName: name, eventTime: time, sourceIPAddress: '1.2.3.4' });

async function readAll(paths: string[], opts: { sourcetype?: string; limits?: { maxRecordBytes?: number } } = {}) {
  const events: Event[] = [];
  const malformed: MalformedInput[] = [];
  for await (const e of readEvents(paths, { ...opts, onMalformed: (m) => malformed.push(m) })) events.push(e);
  return { events, malformed, names: events.map((e) => e.get('eventName')) };
}

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

test('NDJSON, JSON array and CloudTrail Records files are recognised by content, not extension', async () => {
  const a = file('a.log', `${ct('A1')}\n${ct('A2')}\n`);
  const b = file('b.txt', `[${ct('B1')},\n${ct('B2')}]`);
  const c = file('c.json', JSON.stringify({ Records: [JSON.parse(ct('C1')), JSON.parse(ct('C2'))] }));
  const r = await readAll([a, b, c]);
  assert.deepEqual(r.names, ['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
  assert.deepEqual(r.malformed, []);
  assert.deepEqual(
    r.events.map((e) => e.source),
    [a, a, b, b, c, c],
  );
  // _raw is the record's own JSON text.
  assert.deepEqual(JSON.parse(r.events[0]!._raw), JSON.parse(ct('A1')));
});

test('gzip is detected by magic bytes and streamed; the file name does not matter', async () => {
  const g = file('plain-name.json', gzipSync(`${ct('G1')}\n${ct('G2')}\n`));
  const r = await readAll([g]);
  assert.deepEqual(r.names, ['G1', 'G2']);
  assert.deepEqual(r.malformed, []);
});

test('concatenated gzip members read as one stream', async () => {
  const g = file('members.gz', Buffer.concat([gzipSync(`${ct('M1')}\n${ct('M2')}\n`), gzipSync(`${ct('M3')}\n`)]));
  assert.deepEqual((await readAll([g])).names, ['M1', 'M2', 'M3']);
});

test('UTF-16 text (with its byte order mark) is transcoded, in both byte orders', async () => {
  const text = `${ct('U1')}\r\n${ct('U2')}\r\n`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  assert.deepEqual((await readAll([file('ps-export-le.json', le)])).names, ['U1', 'U2']);
  assert.deepEqual((await readAll([file('ps-export-be.json', be)])).names, ['U1', 'U2']);
});

test('zip, bzip2, xz, zstd, Avro and Parquet inputs are refused with one message each, not read as garbage', async () => {
  const kinds: [string, number[]][] = [
    ['a zip archive', [0x50, 0x4b, 0x03, 0x04, 1, 2, 10, 3]],
    ['bzip2 data', [0x42, 0x5a, 0x68, 0x39, 10, 0]],
    ['xz data', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 10]],
    ['zstd data', [0x28, 0xb5, 0x2f, 0xfd, 10, 10]],
    ['an Avro container', [0x4f, 0x62, 0x6a, 0x01, 10, 0]],
    ['a Parquet file', [0x50, 0x41, 0x52, 0x31, 10, 0]],
  ];
  for (const [name, bytes] of kinds) {
    const p = file(`archive-${bytes[0]}.bin`, Buffer.from(bytes));
    const r = await readAll([p, file('after.json', ct('AFTER'))]);
    assert.deepEqual(r.names, ['AFTER']);
    assert.equal(r.malformed.length, 1);
    assert.ok(r.malformed[0]!.message.startsWith(name), r.malformed[0]!.message);
    assert.match(r.malformed[0]!.message, /, not JSON text: extract or convert it/);
  }
});

test('a truncated gzip is an error with the compressed byte offset; events before it are kept', async () => {
  const lines: string[] = [];
  for (let i = 0; i < 5000; i++) lines.push(ct(`T${i}`));
  const full = gzipSync(lines.join('\n') + '\n');
  const cut = full.subarray(0, Math.floor(full.length * 0.6));
  const p = file('cut.json.gz', cut);
  const r = await readAll([p]);
  assert.ok(r.events.length > 100 && r.events.length < 5000, `kept ${r.events.length} events`);
  // The events kept are exactly the first ones, in order.
  r.names.forEach((n, i) => assert.equal(n, `T${i}`));
  const gz = r.malformed.filter((m) => /gzip/.test(m.message));
  assert.equal(gz.length, 1, JSON.stringify(r.malformed));
  assert.equal(gz[0]!.offset, cut.length);
  assert.match(gz[0]!.message, /truncated gzip.*compressed byte \d+/);
});

test('invalid JSON lines are counted with file:line and the other lines kept', async () => {
  const p = file('bad-lines.json', `${ct('L1')}\n{"eventName": oops}\n${ct('L3')}\nnot json\n${ct('L5')}\n`);
  const r = await readAll([p]);
  assert.deepEqual(r.names, ['L1', 'L3', 'L5']);
  assert.deepEqual(
    r.malformed.map((m) => [m.source, m.line]),
    [
      [p, 2],
      [p, 4],
    ],
  );
  assert.match(r.malformed[0]!.message, /invalid JSON/);
});

test('a 50 MB line is reported and skipped without stopping the run', async () => {
  const p = join(dir, 'huge-line.json');
  const out = createWriteStream(p);
  out.write(`${ct('H1')}\n{"eventName":"X","blob":"`);
  const block = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 50; i++) out.write(block);
  out.write(`"}\n${ct('H3')}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
  const r = await readAll([p]);
  assert.deepEqual(r.names, ['H1', 'H3']);
  assert.equal(r.malformed.length, 1);
  assert.equal(r.malformed[0]!.line, 2);
  assert.match(r.malformed[0]!.message, /longer than 16777216 bytes/);
});

test('10,000-deep nesting is rejected with a message instead of crashing', async () => {
  const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
  const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
  const p = file('deep.json', `${ct('D1')}\n${deep}\n${ct('D3')}\n{"x":${deepArray}}\n${ct('D5')}\n`);
  const r = await readAll([p]);
  assert.deepEqual(r.names, ['D1', 'D3', 'D5']);
  assert.deepEqual(
    r.malformed.map((m) => m.line),
    [2, 4],
  );
  for (const m of r.malformed) assert.match(m.message, /nesting deeper than 512/);
});

test('binary garbage is reported, not crashed on, and nothing else is lost', async () => {
  const garbage = Buffer.alloc(4096);
  let seed = 7;
  for (let i = 0; i < garbage.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    garbage[i] = seed & 0xff;
  }
  const p = file('garbage.bin', Buffer.concat([Buffer.from(`${ct('B1')}\n`), garbage, Buffer.from(`\n${ct('B2')}\n`)]));
  const r = await readAll([p]);
  assert.deepEqual(r.names, ['B1', 'B2']);
  assert.ok(r.malformed.length >= 1);
  for (const m of r.malformed) assert.ok(m.line >= 2, `line ${m.line}`);
});

test('a file that is entirely binary gives messages and no events', async () => {
  const p = file('all-binary.dat', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 10, 0, 0, 0]));
  const r = await readAll([p]);
  assert.deepEqual(r.events, []);
  assert.deepEqual(
    r.malformed.map((m) => [m.line, m.message]),
    [
      [1, 'binary data, not JSON text'],
      [2, 'binary data, not JSON text'],
    ],
  );
});

test('directories are read recursively in name order, and globs expand', async () => {
  const d = join(dir, 'tree');
  mkdirSync(join(d, 'sub'), { recursive: true });
  writeFileSync(join(d, 'b.json'), ct('TB'));
  writeFileSync(join(d, 'a.json'), ct('TA'));
  writeFileSync(join(d, 'sub', 'c.ndjson'), ct('TC'));
  writeFileSync(join(d, '.hidden.json'), ct('HIDDEN'));
  assert.deepEqual((await readAll([d])).names, ['TA', 'TB', 'TC']);
  assert.deepEqual((await readAll([join(d, '*.json')])).names, ['TA', 'TB']);
  assert.deepEqual((await readAll([join(d, '**', '*.ndjson')])).names, ['TC']);
  await assert.rejects(readAll([join(d, 'nope-*.json')]), /INGEST-NOT-FOUND/);
});

test('--sourcetype overrides detection, and accepts the add-on name azure:monitor:aad', async () => {
  const p = file('st.json', `${ct('S1')}\n{"hello":"world"}\n`);
  const forced = await readAll([p], { sourcetype: 'azure:monitor:aad' });
  assert.deepEqual(
    forced.events.map((e) => [e.sourcetype, e.index]),
    [
      ['azure:monitor:aad:signin', 'azure'],
      ['azure:monitor:aad:signin', 'azure'],
    ],
  );
  const detected = await readAll([p]);
  assert.deepEqual(
    detected.events.map((e) => [e.sourcetype, e.index]),
    [
      ['aws:cloudtrail', 'aws'],
      ['_json', 'main'],
    ],
  );
});

test('an aborted signal stops reading at the next chunk', async () => {
  const lines: string[] = [];
  for (let i = 0; i < 50_000; i++) lines.push(ct(`A${i}`));
  const p = file('abort.json', lines.join('\n'));
  const controller = new AbortController();
  let n = 0;
  for await (const _ of readEvents([p, p], { signal: controller.signal })) {
    if (++n === 10) controller.abort();
  }
  // The chunk being delivered finishes; nothing after it is read (one chunk holds far fewer than 50,000).
  assert.ok(n >= 10 && n < 50_000, `read ${n} events`);
});
