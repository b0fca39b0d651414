// Table-driven harness for eval function tests: each row is [function, args, expected] with an optional
// note; `expected` is a literal value, { approx } for floats, or { throws: CODE } for errors.
// Rows are written by hand from the Splunk documentation, never computed by the code under test.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SightlineError } from '../../src/core/diagnostics.ts';
import type { Value } from '../../src/core/value.ts';
import { getScalarFunction } from '../../src/functions/registry.ts';
import type { FunctionContext } from '../../src/functions/types.ts';

export type Expected = Value | { readonly approx: number } | { readonly throws: string };
export type Row = readonly [fn: string, args: readonly Value[], expected: Expected, note?: string];

/** 2026-11-27T09:18:57Z, a Friday: the search time used by every table. */
export const NOW = 1795771137;

/** A small deterministic generator so random() rows are reproducible. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function callFunction(name: string, args: readonly Value[], ctx: Partial<FunctionContext> = {}): Value | boolean {
  const f = getScalarFunction(name);
  assert.ok(f, `function ${name} is registered`);
  assert.ok(args.length >= f.minArgs && args.length <= f.maxArgs, `${name} accepts ${args.length} arguments`);
  return f.call(args, { now: NOW, random: seeded(42), ...ctx });
}

export function runTable(area: string, rows: readonly Row[]): void {
  for (const [name, args, expected, note] of rows) {
    const label = `${area}: ${name}(${args.map((a) => JSON.stringify(a)).join(', ')})${note ? ` - ${note}` : ''}`;
    test(label, () => {
      if (expected !== null && typeof expected === 'object' && 'throws' in expected) {
        assert.throws(
          () => callFunction(name, args),
          (err: unknown) => err instanceof SightlineError && err.diagnostic.code === expected.throws,
        );
        return;
      }
      const actual = callFunction(name, args);
      if (expected !== null && typeof expected === 'object' && 'approx' in expected) {
        assert.equal(typeof actual, 'number');
        assert.ok(Math.abs((actual as number) - expected.approx) < 1e-9, `${String(actual)} ~ ${expected.approx}`);
        return;
      }
      assert.deepEqual(actual, expected);
    });
  }
}
