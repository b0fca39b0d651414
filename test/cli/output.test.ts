// Result formatting for `sightline search`: aligned tables, RFC 4180 CSV and JSON lines, with null and
// multivalue cells (newline-joined in table and CSV, arrays in JSON) and _time as an ISO timestamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Row } from '../../src/exec/row.ts';
import { renderTable } from '../../src/cli/output/table.ts';
import { csvField, renderCsv } from '../../src/cli/output/csv.ts';
import { rowToJsonLine } from '../../src/cli/output/json-lines.ts';
import { resultColumns } from '../../src/cli/output/columns.ts';
import { cellText } from '../../src/cli/output/cells.ts';
import { createProgress } from '../../src/cli/output/progress.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';

const rows = [
  Row.fromFields([
    ['user', 'alice'],
    ['count', 3],
    ['ips', ['10.0.0.1', '10.0.0.2']],
  ]),
  Row.fromFields([
    ['user', 'bob, "the builder"'],
    ['count', 12],
    ['ips', null],
  ]),
];

test('columns are every field in order of first appearance', () => {
  assert.deepEqual(resultColumns(rows), ['user', 'count', 'ips']);
  assert.deepEqual(resultColumns([]), []);
});

test('raw event rows list _time and _raw, as Splunk lists events', () => {
  const ev = Row.fromEvent(makeEvent({ eventSource: 's', eventName: 'n', eventVersion: '1', eventTime: '2024-01-01T00:00:00Z' }));
  assert.deepEqual(resultColumns([ev]), ['_time', '_raw']);
});

test('table: padded columns, a multivalue cell spans lines, null is blank', () => {
  const expected = [
    'user                count  ips', //
    '------------------  -----  --------',
    'alice               3      10.0.0.1',
    '                           10.0.0.2',
    'bob, "the builder"  12',
    '',
  ].join('\n');
  assert.equal(renderTable(['user', 'count', 'ips'], rows), expected);
});

test('csv: quotes commas, quotes and line breaks; multivalue joins with a newline inside quotes', () => {
  const expected = 'user,count,ips\r\nalice,3,"10.0.0.1\n10.0.0.2"\r\n"bob, ""the builder""",12,\r\n';
  assert.equal(renderCsv(['user', 'count', 'ips'], rows), expected);
  const fields: [string, string][] = [
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\r\nbreak', '"line\r\nbreak"'],
  ];
  for (const [input, out] of fields) assert.equal(csvField(input), out);
});

test('json lines: numbers stay numbers, multivalue is an array, null fields are left out', () => {
  assert.equal(rowToJsonLine(rows[0]!), '{"user":"alice","count":3,"ips":["10.0.0.1","10.0.0.2"]}\n');
  assert.equal(rowToJsonLine(rows[1]!), '{"user":"bob, \\"the builder\\"","count":12}\n');
});

test('_time is shown as an ISO timestamp in every format', () => {
  const t = Date.UTC(2024, 6, 31, 12, 46, 41, 250) / 1000;
  const row = Row.fromFields([['_time', t]]);
  assert.equal(cellText('_time', t), '2024-07-31T12:46:41.250+00:00');
  assert.equal(rowToJsonLine(row), '{"_time":"2024-07-31T12:46:41.250+00:00"}\n');
  assert.equal(renderCsv(['_time'], [row]), '_time\r\n2024-07-31T12:46:41.250+00:00\r\n');
  // Other numeric fields are not touched.
  assert.equal(cellText('firstTime', t), String(t));
});

test('no progress bar when stderr is not a terminal', () => {
  const writes: string[] = [];
  const fake = { isTTY: false, write: (t: string) => writes.push(t) } as unknown as NodeJS.WriteStream;
  const p = createProgress(1_000_000, fake);
  p.update(500_000);
  p.update(1_000_000);
  p.stop();
  assert.deepEqual(writes, []);
});
