// HEC body parsing, table-driven: concatenated envelopes with and without whitespace, braces and escapes
// inside strings, string and object events, envelope metadata, raw lines; and the refusals with the event
// number Splunk reports ("invalid-event-number", 0-based).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventBody, parseHecTime, parseRawBody } from '../../src/web/hec/parse-event-body.ts';
import { checkHecAuth } from '../../src/web/hec/auth.ts';

const ACCEPTED: { name: string; body: string; raws: string[]; meta?: Partial<Record<'time' | 'sourcetype' | 'source' | 'host' | 'index', unknown>>[] }[] = [
  { name: 'one object event', body: '{"event":{"a":1}}', raws: ['{"a":1}'] },
  { name: 'two envelopes back to back', body: '{"event":"x"}{"event":"y"}', raws: ['x', 'y'] },
  { name: 'whitespace and newlines between', body: ' {"event":"x"}\n\n\t{"event":"y"} ', raws: ['x', 'y'] },
  { name: 'braces and quotes inside strings', body: '{"event":"a } { \\" b"}{"event":{"k":"}{"}}', raws: ['a } { " b', '{"k":"}{"}'] },
  { name: 'arrays inside the event', body: '{"event":{"r":[{"x":[1,2]},{}]}}', raws: ['{"r":[{"x":[1,2]},{}]}'] },
  { name: 'a number event', body: '{"event":42}', raws: ['42'] },
  {
    name: 'envelope metadata',
    body: '{"event":"x","time":"1767225600.250","sourcetype":"aws:cloudtrail","source":"s3","host":"h1","index":"aws"}{"event":"y","time":1767225601}',
    raws: ['x', 'y'],
    meta: [
      { time: 1767225600.25, sourcetype: 'aws:cloudtrail', source: 's3', host: 'h1', index: 'aws' },
      { time: 1767225601, sourcetype: null, source: null, host: null, index: null },
    ],
  },
];

for (const c of ACCEPTED) {
  test(`HEC event body accepted: ${c.name}`, () => {
    const r = parseEventBody(c.body);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.envelopes.map((e) => e.raw), c.raws);
    if (c.meta) {
      r.envelopes.forEach((e, i) => {
        for (const [k, v] of Object.entries(c.meta![i]!)) assert.equal(e[k as keyof typeof e], v, k);
      });
    }
  });
}

test('a string event holding a JSON object is parsed for field extraction; plain text is not', () => {
  const r = parseEventBody('{"event":"{\\"eventName\\":\\"ConsoleLogin\\"}"}{"event":"not { json"}');
  assert.ok(r.ok);
  assert.deepEqual(r.envelopes[0]!.record, { eventName: 'ConsoleLogin' });
  assert.equal(r.envelopes[1]!.record, undefined);
});

const REFUSED: { name: string; body: string; code: number; n?: number }[] = [
  { name: 'empty', body: '', code: 5 },
  { name: 'unterminated object', body: '{"event":"x"', code: 6, n: 0 },
  { name: 'garbage after a good envelope', body: '{"event":"x"} junk', code: 6, n: 1 },
  { name: 'bad JSON inside braces', body: '{"event":"x"}{"event":x}', code: 6, n: 1 },
  { name: 'event missing in the third', body: '{"event":1}{"event":2}{"fields":{}}', code: 12, n: 2 },
  { name: 'empty object event', body: '{"event":{}}', code: 13, n: 0 },
  { name: 'negative time', body: '{"event":"x","time":-5}', code: 6, n: 0 },
];

for (const c of REFUSED) {
  test(`HEC event body refused: ${c.name} -> code ${c.code}`, () => {
    const r = parseEventBody(c.body);
    assert.ok(!r.ok);
    assert.equal(r.reply.body.code, c.code);
    if (c.n !== undefined) assert.equal(r.reply.body['invalid-event-number'], c.n);
  });
}

test('parseHecTime takes epoch seconds as number or numeric string only', () => {
  const cases: [unknown, number | null][] = [[1767225600, 1767225600], ['1767225600.5', 1767225600.5], ['2026-01-01', null], [null, null], ['', null], [Number.NaN, null], [true, null]];
  for (const [v, expected] of cases) assert.equal(parseHecTime(v), expected, String(v));
});

test('/raw splits lines, drops blank ones, keeps CRLF-free text', () => {
  const r = parseRawBody('a line\r\n\r\n{"k":1}\n   \nlast');
  assert.ok(r.ok);
  assert.deepEqual(r.envelopes.map((e) => e.raw), ['a line', '{"k":1}', 'last']);
  assert.deepEqual(r.envelopes[1]!.record, { k: 1 });
  const empty = parseRawBody('\n \n');
  assert.ok(!empty.ok);
  assert.equal(empty.reply.body.code, 5);
});

test('HEC authorization header forms', () => {
  const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
  const cases: [string | undefined, number | null][] = [
    ['Splunk s3cret', null],
    ['splunk s3cret', null],
    [basic('anything:s3cret'), null],
    [undefined, 2],
    ['', 2],
    ['s3cret', 3],
    [basic('no-colon'), 3],
    ['Splunk wrong', 4],
    [basic('x:wrong'), 4],
  ];
  for (const [header, code] of cases) assert.equal(checkHecAuth(header, 's3cret')?.body.code ?? null, code, String(header));
});
