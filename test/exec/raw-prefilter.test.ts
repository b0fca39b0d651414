// The raw-text prefilter may only skip events that cannot match: every case here must give the same rows
// as the predicate alone would. Values that JSON may write differently (escaped "/", numbers, non-ASCII),
// add-on aliases and default fields must never be required in _raw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonEvent } from '../../src/ingest/json-event.ts';
import { runQuery } from '../../src/exec/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import type { Event } from '../../src/core/event.ts';

const rawEvent = (raw: string, sourcetype = 'test:json'): Event =>
  new JsonEvent(raw, { sourcetype, source: 's', index: 'main', host: 'h', time: 0 });

const CASES: { name: string; spl: string; raw: string; sourcetype?: string; matches: boolean }[] = [
  { name: 'escaped slash in the raw value', spl: 'p="a/b"', raw: '{"p":"a\\/b"}', matches: true },
  { name: 'number written differently', spl: 'n=1', raw: '{"n":1.0}', matches: true },
  { name: 'non-ASCII escaped as \\u', spl: 'u=café', raw: '{"u":"caf\\u00e9"}', matches: true },
  { name: '& escaped by a Go/.NET encoder', spl: 'q="a&b"', raw: '{"q":"a\\u0026b"}', matches: true },
  { name: 'add-on alias computed from nothing in _raw', spl: 'errorCode=success', raw: '{"eventName":"X"}', sourcetype: 'aws:cloudtrail', matches: true },
  { name: 'add-on alias copied from another field', spl: 'src=1.2.3.4', raw: '{"sourceIPAddress":"1.2.3.4"}', sourcetype: 'aws:cloudtrail', matches: true },
  { name: 'default field not in _raw', spl: 'index=main host=h', raw: '{"a":1}', matches: true },
  { name: 'value absent from _raw', spl: 'eventName=ConsoleLogin', raw: '{"eventName":"GetObject"}', matches: false },
  { name: 'case-insensitive value', spl: 'eventName=consolelogin', raw: '{"eventName":"ConsoleLogin"}', matches: true },
  { name: 'OR with one literal present', spl: 'eventName=A1 OR eventName=B2', raw: '{"eventName":"B2"}', matches: true },
  { name: 'NOT never requires a literal', spl: 'NOT eventName=A1', raw: '{"x":1}', matches: true },
  { name: 'a plain letter written as a \\u escape', spl: 'eventName=OpenTunnel', raw: '{"eventName":"\\u004fpenTunnel"}', matches: true },
  { name: 'CASE() term with the wrong case', spl: 'CASE(Admin)', raw: '{"u":"admin"}', matches: false },
];

for (const c of CASES) {
  test(`prefilter: ${c.name}`, async () => {
    const rows = await runQuery(planQuery(c.spl), [rawEvent(c.raw, c.sourcetype)]);
    assert.equal(rows.length, c.matches ? 1 : 0);
  });
}

test('events that are not JsonEvents are never prefiltered', async () => {
  const custom: Event = {
    _time: 0,
    _raw: 'nothing useful here',
    sourcetype: 'custom',
    source: 's',
    index: 'main',
    host: 'h',
    get: (f) => (f === 'eventName' ? 'ConsoleLogin' : null),
    fieldNames: () => ['eventName'],
  };
  const rows = await runQuery(planQuery('eventName=ConsoleLogin'), [custom]);
  assert.equal(rows.length, 1);
});

test('a rejected event is never parsed', async () => {
  let parsed = 0;
  class CountingEvent extends JsonEvent {
    override record(): unknown {
      parsed++;
      return super.record();
    }
  }
  const events = [
    new CountingEvent('{"eventName":"GetObject"}', { sourcetype: 't', source: 's', index: 'main', host: 'h', time: 0 }),
    new CountingEvent('{"eventName":"ConsoleLogin"}', { sourcetype: 't', source: 's', index: 'main', host: 'h', time: 0 }),
  ];
  const rows = await runQuery(planQuery('eventName=ConsoleLogin'), events);
  assert.equal(rows.length, 1);
  assert.equal(parsed, 1);
});
