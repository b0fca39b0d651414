import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonEvent, resolvePath } from '../../src/ingest/json-event.ts';

const meta = { sourcetype: 'aws:cloudtrail', source: 't.json', index: 'main', host: 'h', time: 0 };

// spl-semantics.md "JSON auto-extraction": nested objects flatten with `.`, arrays with `{}` and become multivalue.
test('dotted paths and {} arrays resolve as KV_MODE=json names them', () => {
  const rec = { userIdentity: { arn: 'arn:a' }, resources: [{ ARN: 'r1' }, { ARN: 'r2' }], ips: ['1.1.1.1'], n: 3, b: false, o: { x: 1 } };
  assert.equal(resolvePath(rec, 'userIdentity.arn'), 'arn:a');
  assert.deepEqual(resolvePath(rec, 'resources{}.ARN'), ['r1', 'r2']);
  assert.equal(resolvePath(rec, 'resources{1}.ARN'), 'r2');
  assert.equal(resolvePath(rec, 'ips{}'), '1.1.1.1');
  assert.equal(resolvePath(rec, 'ips'), null, 'an array is named with {}');
  assert.equal(resolvePath(rec, 'n'), 3);
  assert.equal(resolvePath(rec, 'b'), 'false');
  assert.equal(resolvePath(rec, 'o'), null, 'objects are not values');
  assert.equal(resolvePath(rec, 'missing.x'), null);
});

test('events parse lazily and fall back to sourcetype aliases', () => {
  const ev = new JsonEvent('{"sourceIPAddress":"1.2.3.4","eventName":"X"}', meta);
  assert.equal(ev.get('src'), '1.2.3.4');
  assert.equal(ev.get('errorCode'), 'success');
  assert.equal(ev.get('sourcetype'), 'aws:cloudtrail');
  assert.deepEqual([...ev.fieldNames()].slice(0, 2), ['sourceIPAddress', 'eventName']);
});
