// The projector reads wanted fields from a line's bytes; for every field it answers, resolving on its result
// must equal resolving on JSON.parse of the whole line (json-event.ts resolvePath), and it must refuse
// (null) exactly the object lines JSON.parse rejects, so no broken record becomes an event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolvePath } from '../../src/ingest/json-event.ts';
import { JsonProjector } from '../../src/scan/json-projector.ts';
import { projectionFor } from '../../src/scan/projection-spec.ts';
import { Prng } from '../../src/scenarios/prng.ts';

function project(line: string, fields: readonly string[], present: readonly string[] = []) {
  const buf = Buffer.from(line, 'utf8');
  return new JsonProjector(projectionFor(fields, present)).project(buf, 0, buf.length);
}

function parsesAsObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

function assertSameAnswers(line: string, fields: readonly string[]): void {
  const partial = project(line, fields);
  assert.ok(partial !== null, `projected: ${line}`);
  const full = JSON.parse(line) as unknown;
  for (const f of fields) assert.deepEqual(resolvePath(partial, f), resolvePath(full, f), `${f} in ${line}`);
}

const CASES: readonly [string, string, readonly string[]][] = [
  ['top-level strings and numbers', '{"a":"x","b":1.5e2,"c":-0,"d":true,"e":false,"f":null}', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
  ['nested object path', '{"u":{"arn":"arn:1","t":{"x":1}},"z":2}', ['u.arn', 'u.t.x', 'u.missing', 'u']],
  ['arrays as multivalue', '{"r":[{"ARN":"a"},{"ARN":"b"},{"x":1}],"ids":["i-1","i-2"]}', ['r{}.ARN', 'ids{}', 'ids{1}', 'r{0}.ARN', 'ids']],
  ['escapes in values and keys', '{"m":"say \\"hi\\" \\u00e9\\/","k\\u0065y":"v","p\\\\q":1}', ['m', 'key', 'p\\q']],
  ['non-ASCII text', '{"name":"Zoë 東京","emoji":"\u{1F600}"}', ['name', 'emoji']],
  ['duplicate keys: the last wins, whole value', '{"a":{"b":1},"a":{"c":2},"x":1,"x":"two"}', ['a.b', 'a.c', 'x']],
  ['keys with dots', '{"identity":{"claims":{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn":"u@x"}},"a.b":{"c":3}}', ['identity.claims.http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn', 'a.b.c', 'a.b']],
  ['a path through a non-object', '{"a":[5,6],"b":"s","c":{"d":[{"e":1}]}}', ['a.0', 'b.x', 'c.d{}.e', 'c.d.e']],
  ['whitespace everywhere', ' {\t"a" :\r\n "x" , "b" : [ 1 , { "c" : null } ] } ', ['a', 'b{}', 'b{}.c']],
  ['empty containers', '{"a":{},"b":[],"c":{"d":{}}}', ['a', 'b{}', 'c.d', 'c.d.e']],
  ['__proto__ and inherited names', '{"__proto__":{"x":1},"constructor":"c","n":1}', ['__proto__.x', 'constructor', 'toString', 'n']],
  ['big and small numbers', '{"a":1e400,"b":-1E-400,"c":12345678901234567890,"d":0.1}', ['a', 'b', 'c', 'd']],
];

for (const [name, line, fields] of CASES) {
  test(`projection answers like JSON.parse: ${name}`, () => assertSameAnswers(line, fields));
}

const INVALID = [
  '{"a":1,}',
  '{"a":1 "b":2}',
  '{"a":01}',
  '{"a":1.}',
  '{"a":.5}',
  '{"a":-}',
  '{"a":1e}',
  '{"a":tru}',
  '{"a":"x\\q"}',
  '{"a":"\\u12G4"}',
  '{"a":"tab\there"}',
  '{"a":[1,,2]}',
  '{"a":[1,2}',
  '{"a":{"b":1]}',
  '{"a":1}}',
  '{"a":1} x',
  '{a:1}',
  "{'a':1}",
  '{"a" 1}',
  '{"a":"unterminated}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":[1 2]}',
  '{"a":{"b":1,}}',
  '{"a":\u00a01}',
];

for (const line of INVALID) {
  test(`projection refuses what JSON.parse rejects: ${line}`, () => {
    assert.equal(parsesAsObject(line), false, 'the case must be invalid JSON');
    assert.equal(project(line, ['a', 'b']), null);
    assert.equal(project(line, []), null);
  });
}

test('nesting deeper than the ingest limit leaves the line to the ordinary path', () => {
  const deep = `{"a":${'['.repeat(600)}${']'.repeat(600)},"b":1}`;
  assert.equal(project(deep, ['b']), null);
  const ok = `{"a":${'['.repeat(100)}${']'.repeat(100)},"b":1}`;
  assert.deepEqual(project(ok, ['b']), { b: 1 });
});

test('presence keys keep an empty object for objects and the value otherwise', () => {
  assert.deepEqual(project('{"properties":{"x":{"y":1}},"identity":"s"}', [], ['properties', 'identity']), { properties: {}, identity: 's' });
});

/** Random JSON values with nested objects, arrays, dotted and escaped keys, duplicates. */
function randomValue(rng: Prng, depth: number): string {
  const r = rng.int(0, 9);
  if (depth > 3 || r < 4) {
    const s = rng.int(0, 6);
    if (s === 0) return JSON.stringify(rng.pick(['x', 'a.b', 'é', 'q"u', 'tab\t', '', '\u2028']));
    if (s === 1) return String(rng.pick([0, -1, 1.5, 1e21, -0.001, 123456789012]));
    if (s === 2) return rng.pick(['true', 'false', 'null']);
    if (s === 3) return '"\\u0041\\/"';
    return JSON.stringify(`v${rng.int(0, 99)}`);
  }
  if (r < 7) return `{${Array.from({ length: rng.int(0, 4) }, () => `${JSON.stringify(rng.pick(KEYS))}:${randomValue(rng, depth + 1)}`).join(',')}}`;
  return `[${Array.from({ length: rng.int(0, 3) }, () => randomValue(rng, depth + 1)).join(', ')}]`;
}

const KEYS = ['a', 'b', 'c', 'a.b', 'b.c', 'x', '__proto__', 'é'];
const FIELDS = ['a', 'b', 'a.b', 'a.b.c', 'a{}', 'a{}.b', 'b{}.c', 'a.b{}.c', 'c.a.b', 'x', 'a{0}', 'b.c', 'é', 'a.é'];

test('seeded random records: every answered field equals the whole parse', () => {
  const rng = new Prng(20261207);
  for (let n = 0; n < 3000; n++) {
    const line = `{${Array.from({ length: rng.int(1, 6) }, () => `${JSON.stringify(rng.pick(KEYS))}:${randomValue(rng, 0)}`).join(',')}}`;
    const fields = FIELDS.filter(() => rng.int(0, 2) === 0);
    assertSameAnswers(line, fields);
  }
});

test('seeded corrupted records: refused exactly when JSON.parse rejects them', () => {
  const rng = new Prng(7);
  const bytes = ['"', ',', '}', ']', '{', '[', ':', '\\', ' ', '1', 'e', '-', '.'];
  for (let n = 0; n < 3000; n++) {
    const good = `{${Array.from({ length: rng.int(1, 4) }, () => `${JSON.stringify(rng.pick(KEYS))}:${randomValue(rng, 0)}`).join(',')}}`;
    const at = rng.int(1, good.length - 2);
    const line = rng.int(0, 1) === 0 ? good.slice(0, at) + rng.pick(bytes) + good.slice(at + 1) : good.slice(0, at) + good.slice(at + 1);
    const valid = parsesAsObject(line);
    const partial = project(line, FIELDS);
    assert.equal(partial !== null, valid, line);
    if (valid) assertSameAnswers(line, FIELDS);
  }
});
