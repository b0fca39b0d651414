// Line splitting is independent of how the bytes arrive: the same text fed in chunks of any size (lines
// cut anywhere, CRLF split between chunks, a final line without newline) gives the same events as one
// chunk. Lines longer than the limit are reported and skipped, not buffered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockScanner } from '../../src/scan/block-scanner.ts';
import type { EventContext } from '../../src/ingest/make-event.ts';
import { trickyText } from './tricky-input.ts';

function scanInChunks(text: string, size: number, maxLineBytes?: number) {
  const ctx: EventContext = { source: 's', host: 'h', fallbackTime: 0 };
  const malformed: number[] = [];
  const scanner = new BlockScanner({ selector: null, ctx, timeBeforeOutside: () => null, lineAt: (o) => o, onMalformed: (_l, off) => malformed.push(off), maxLineBytes });
  const bytes = Buffer.from(text);
  const events = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...scanner.feed(bytes.subarray(i, i + size)));
  events.push(...scanner.end());
  return { events: events.map((e) => [e._time, e.sourcetype, e._raw]), malformed };
}

test('chunk size does not change the events', () => {
  const whole = scanInChunks(trickyText(), 1 << 20);
  assert.ok(whole.events.length >= 12);
  for (const size of [1, 2, 3, 7, 64, 333]) assert.deepEqual(scanInChunks(trickyText(), size), whole, `chunks of ${size}`);
});

test('a line longer than the limit is reported once and skipped; the next line is read', () => {
  const long = `{"a":"${'x'.repeat(100)}"}`;
  const text = `{"b":1}\n${long}\n{"c":2}\n`;
  for (const size of [5, 1000]) {
    const r = scanInChunks(text, size, 50);
    assert.deepEqual(r.events.map((e) => e[2]), ['{"b":1}', '{"c":2}']);
    assert.deepEqual(r.malformed, [8]);
  }
});
