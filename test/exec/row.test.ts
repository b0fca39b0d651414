// Row: lazy reads through the event, overwrites and deletes, field order, multivalue in toJSON, clones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Row } from '../../src/exec/row.ts';
import { ev } from './helpers.ts';

test('reads fall through to the event until overwritten', () => {
  const row = Row.fromEvent(ev({ a: 1, b: { c: 'x' } }, { _time: 42 }));
  assert.equal(row.get('a'), 1);
  assert.equal(row.get('b.c'), 'x');
  assert.equal(row.time, 42);
  row.set('a', 'changed');
  assert.equal(row.get('a'), 'changed');
});

test('delete hides an event field; setting null deletes too', () => {
  const row = Row.fromEvent(ev({ a: 1, b: 2 }));
  row.delete('a');
  row.set('b', null);
  assert.equal(row.get('a'), null);
  assert.equal(row.get('b'), null);
  assert.ok(!row.fieldNames().includes('a'));
  assert.ok(!row.fieldNames().includes('b'));
});

test('fieldNames: event fields first, then added fields in insertion order; null JSON is not a field', () => {
  const row = Row.fromEvent(ev({ a: 1, n: null }));
  row.set('z', 1);
  row.set('y', 2);
  const names = row.fieldNames();
  assert.ok(names.indexOf('a') < names.indexOf('z'));
  assert.ok(names.indexOf('z') < names.indexOf('y'));
  assert.ok(!names.includes('n'));
});

test('toJSON turns multivalues into arrays and omits missing fields', () => {
  const row = Row.fromFields([
    ['m', ['a', 'b']],
    ['s', 'x'],
    ['gone', null],
  ]);
  assert.deepEqual(row.toJSON(), { m: ['a', 'b'], s: 'x' });
});

test('clone is independent of the original', () => {
  const row = Row.fromEvent(ev({ a: 1 }));
  const copy = row.clone();
  copy.set('a', 2);
  row.set('b', 3);
  assert.equal(row.get('a'), 1);
  assert.equal(copy.get('b'), null);
});

test('lowerRaw follows changes to _raw', () => {
  const row = Row.fromEvent(ev({ A: 'B' }));
  assert.equal(row.lowerRaw(), '{"a":"b"}');
  row.set('_raw', 'XY');
  assert.equal(row.lowerRaw(), 'xy');
});
