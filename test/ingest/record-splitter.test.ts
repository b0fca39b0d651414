// The streaming record splitter: every input layout, cut into chunks at every possible byte boundary, must
// give the same records and the same malformed-input reports (with line numbers) as one whole chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecordSplitter } from '../../src/ingest/record-splitter.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/limits.ts';

interface Split {
  records: { text: string; line: number; offset: number }[];
  malformed: { line: number; offset: number; message: string }[];
}

function split(input: string | Buffer, chunkSize = Infinity, limits: IngestLimits = DEFAULT_LIMITS): Split {
  const out: Split = { records: [], malformed: [] };
  const s = new RecordSplitter(
    {
      record: (text, line, offset) => out.records.push({ text, line, offset }),
      malformed: (line, offset, message) => out.malformed.push({ line, offset, message }),
    },
    limits,
  );
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const size = Math.min(chunkSize, bytes.length || 1);
  for (let i = 0; i < bytes.length; i += size) s.push(Buffer.from(bytes.subarray(i, i + size)));
  s.end();
  return out;
}

/** Records as parsed objects, for comparisons that ignore whitespace in the record text. */
function parsed(s: Split): unknown[] {
  return s.records.map((r) => JSON.parse(r.text));
}

const layouts: { name: string; input: string; records: unknown[]; lines: number[] }[] = [
  { name: 'NDJSON', input: '{"a":1}\n{"a":2}\n', records: [{ a: 1 }, { a: 2 }], lines: [1, 2] },
  { name: 'NDJSON without final newline', input: '{"a":1}\n{"a":2}', records: [{ a: 1 }, { a: 2 }], lines: [1, 2] },
  { name: 'CRLF line ends', input: '{"a":1}\r\n{"a":2}\r\n', records: [{ a: 1 }, { a: 2 }], lines: [1, 2] },
  { name: 'UTF-8 BOM', input: '\uFEFF{"a":1}\n{"a":2}\n', records: [{ a: 1 }, { a: 2 }], lines: [1, 2] },
  { name: 'empty and blank lines', input: '\n{"a":1}\n\n   \n{"a":2}\n\n', records: [{ a: 1 }, { a: 2 }], lines: [2, 5] },
  { name: 'JSON array', input: '[\n  {"a":1},\n  {"a":2}\n]\n', records: [{ a: 1 }, { a: 2 }], lines: [2, 3] },
  { name: 'CloudTrail Records file', input: '{"Records":[{"a":1},{"a":2}]}', records: [{ a: 1 }, { a: 2 }], lines: [1, 1] },
  {
    name: 'pretty-printed Records file',
    input: '{\n  "Records": [\n    {\n      "a": 1\n    },\n    {"a": 2}\n  ]\n}\n',
    records: [{ a: 1 }, { a: 2 }],
    lines: [3, 6],
  },
  {
    name: 'Records inside NDJSON lines',
    input: '{"Records":[{"a":1}]}\n{"b":2}\n{"Records":[{"a":3},{"a":4}]}\n',
    records: [{ a: 1 }, { b: 2 }, { a: 3 }, { a: 4 }],
    lines: [1, 2, 3, 3],
  },
  {
    name: 'Azure diagnostic / Event Hub batches {"records":[...]}',
    input: '{"records":[{"a":1},{"a":2}]}\n{"records":[{"a":3}]}\n',
    records: [{ a: 1 }, { a: 2 }, { a: 3 }],
    lines: [1, 1, 2],
  },
  {
    name: 'Records wrapper with keys after the array',
    input: '{"Records":[{"a":1}],"digest":{"x":[{"y":1}]}}\n{"a":2}\n',
    records: [{ a: 1 }, { a: 2 }],
    lines: [1, 2],
  },
  {
    name: 'Records as a later key is one record (the reader expands it)',
    input: '{"version":1,"Records":[{"a":1}]}\n',
    records: [{ version: 1, Records: [{ a: 1 }] }],
    lines: [1],
  },
  { name: 'pretty-printed objects', input: '{\n  "a": 1\n}\n{\n  "a": 2\n}\n', records: [{ a: 1 }, { a: 2 }], lines: [1, 4] },
  {
    name: 'multi-byte UTF-8 (cut inside characters by small chunks)',
    input: '{"user":"Zoë","city":"東京","e":"😀"}\n[{"x":"ü"}]',
    records: [{ user: 'Zoë', city: '東京', e: '😀' }, { x: 'ü' }],
    lines: [1, 2],
  },
  {
    name: 'strings holding brackets, quotes and escapes',
    input: '{"s":"}{][\\"\\\\","t":"\\u007b"}\n[{"x":"]"}]\n',
    records: [{ s: '}{][\\"\\\\'.replace(/\\"/g, '"').replace(/\\\\/g, '\\'), t: '{' }, { x: ']' }],
    lines: [1, 2],
  },
];

for (const l of layouts) {
  test(`splits ${l.name} the same at every chunk boundary`, () => {
    const whole = split(l.input);
    assert.deepEqual(parsed(whole), l.records);
    assert.deepEqual(
      whole.records.map((r) => r.line),
      l.lines,
    );
    assert.deepEqual(whole.malformed, []);
    for (let size = 1; size <= Buffer.byteLength(l.input); size++) {
      const chunked = split(l.input, size);
      assert.deepEqual(chunked, whole, `chunk size ${size}`);
    }
  });
}

test('record offsets point at the first byte of each record', () => {
  const input = '{"a":1}\n  {"a":2}\n';
  const s = split(input);
  assert.deepEqual(
    s.records.map((r) => r.offset),
    [0, 10],
  );
  assert.equal(input.slice(10, 17), '{"a":2}');
});

const malformedCases: { name: string; input: string; records: unknown[]; reports: { line: number; message: RegExp }[] }[] = [
  {
    name: 'a truncated line among good ones',
    input: '{"a":1}\n{"a":\n{"a":3}\n',
    records: [{ a: 1 }, { a: 3 }],
    reports: [{ line: 2, message: /invalid JSON|not a complete JSON record/ }],
  },
  {
    name: 'text that is not JSON',
    input: '{"a":1}\nhello world\n{"a":3}\n',
    records: [{ a: 1 }, { a: 3 }],
    reports: [{ line: 2, message: /expected '\{' or '\[' but found 'h'/ }],
  },
  {
    name: 'binary garbage',
    input: '{"a":1}\n\u0000\u0001\u0002\u00ff\n{"a":3}\n',
    records: [{ a: 1 }, { a: 3 }],
    reports: [{ line: 2, message: /binary data/ }],
  },
  {
    name: 'an unterminated string',
    input: '{"a":1}\n{"a":"oops}\n{"a":3}\n',
    records: [{ a: 1 }, { a: 3 }],
    reports: [{ line: 2, message: /invalid JSON|unterminated string/ }],
  },
  {
    name: 'scalar elements in an array',
    input: '[{"a":1}, 5, "x", [1], {"a":2}]',
    records: [{ a: 1 }, { a: 2 }],
    reports: [
      { line: 1, message: /not a JSON object/ },
      { line: 1, message: /not a JSON object/ },
      { line: 1, message: /not a JSON object/ },
    ],
  },
  {
    name: 'an array cut short',
    input: '[\n{"a":1},\n{"a":2',
    records: [{ a: 1 }],
    reports: [{ line: 3, message: /unexpected end of input/ }],
  },
];

/**
 * What the reader makes of a split: the records that parse, and the lines of every bad input, whether the
 * splitter reported it or JSON.parse rejected the text it cut (the NDJSON fast path leaves that to parse).
 */
function outcome(s: Split): { records: unknown[]; bad: { line: number; message: string }[] } {
  const records: unknown[] = [];
  const bad = s.malformed.map((m) => ({ line: m.line, message: m.message }));
  for (const r of s.records) {
    try {
      records.push(JSON.parse(r.text));
    } catch (e) {
      bad.push({ line: r.line, message: `invalid JSON: ${(e as Error).message}` });
    }
  }
  bad.sort((a, b) => a.line - b.line);
  return { records, bad };
}

for (const c of malformedCases) {
  test(`reports ${c.name} with its line and keeps the rest`, () => {
    const whole = outcome(split(c.input));
    assert.deepEqual(whole.records, c.records);
    assert.equal(whole.bad.length, c.reports.length, JSON.stringify(whole.bad));
    whole.bad.forEach((m, i) => {
      assert.equal(m.line, c.reports[i]!.line);
      assert.match(m.message, c.reports[i]!.message);
    });
    for (const size of [1, 2, 3, 7]) {
      const chunked = outcome(split(c.input, size));
      assert.deepEqual(chunked.records, whole.records, `chunk size ${size}`);
      assert.deepEqual(
        chunked.bad.map((b) => b.line),
        whole.bad.map((b) => b.line),
        `chunk size ${size}`,
      );
    }
  });
}

test('a line over the length bound is reported and skipped without being buffered', () => {
  const limits = { maxRecordBytes: 100, maxDepth: 512 };
  const long = `{"x":"${'y'.repeat(1000)}"}`;
  const input = `{"a":1}\n${long}\n{"a":3}\n`;
  for (const size of [Infinity, 64, 7]) {
    const s = split(input, size, limits);
    assert.deepEqual(parsed(s), [{ a: 1 }, { a: 3 }], `chunk size ${size}`);
    assert.equal(s.malformed.length, 1);
    assert.equal(s.malformed[0]!.line, 2);
    assert.match(s.malformed[0]!.message, /longer than 100 bytes/);
  }
});

test('nesting deeper than the bound is rejected in NDJSON, arrays and pretty input', () => {
  const limits = { maxRecordBytes: 1 << 20, maxDepth: 50 };
  const deep = '{"a":'.repeat(60) + '1' + '}'.repeat(60);
  const ok = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
  for (const input of [`{"first":1}\n${deep}\n${ok}\n`, `[${deep},${ok}]`, `{\n"first":1\n}\n${deep}\n${ok}`]) {
    for (const size of [Infinity, 5]) {
      const s = split(input, size, limits);
      assert.equal(s.records.filter((r) => r.text.startsWith('{"a"')).length, 1, input.slice(0, 20));
      assert.equal(s.malformed.length, 1);
      assert.match(s.malformed[0]!.message, /nesting deeper than 50/);
    }
  }
});
