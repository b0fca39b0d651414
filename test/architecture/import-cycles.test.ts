// No import cycles in src/: the graph of value imports (what runs when a module loads) must have none, and
// the layer table that the lint rule enforces must have none, so no cycle can form across layers either.
// `import type` edges are left out: they are erased before the code runs, and the translators' helper
// modules take their branch class as a parameter type on purpose (write such imports as `import type`).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LAYERS } from '../../eslint/layers.js';
import { findCycles, importGraph, importSpecifiers } from '../../scripts/import-graph.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

test('src/ has no cycle of value imports', () => {
  const cycles = findCycles(importGraph(SRC, { typeOnly: false }));
  assert.deepEqual(cycles.map((c) => c.join(' -> ')), [], 'each cycle is listed as a -> b -> a');
});

test('the layer table has no cycle, and every src/ folder is in it', () => {
  assert.deepEqual(findCycles(new Map(Object.entries(LAYERS))), []);
  const layers = new Set([...importGraph(SRC, { typeOnly: true }).keys()].map((f) => f.split('/')[0]!.replace(/\.ts$/, '')));
  assert.deepEqual([...layers].filter((l) => !(l in LAYERS)), []);
});

test('findCycles names one shortest cycle per tangle and nothing for a tree', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c', 'd']],
    ['c', ['a']],
    ['d', []],
    ['e', ['e']],
    ['f', ['a']],
  ]);
  assert.deepEqual(findCycles(graph), [['a', 'b', 'c', 'a'], ['e', 'e']]);
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', []]])), []);
});

test('importSpecifiers reads imports, re-exports and import() calls, and tells type-only ones apart', () => {
  const text = [
    "import { a } from './a.ts';",
    "import type { B } from './b.ts';",
    "import { type C } from './c.ts';",
    "import { type D, d } from './d.ts';",
    "export { e } from './e.ts';",
    "export type { F } from './f.ts';",
    "export * from './g.ts';",
    "import './h.ts';",
    "const i = async () => (await import('./i.ts')).default;",
    "type J = import('./j.ts').J;",
  ].join('\n');
  assert.deepEqual(importSpecifiers(text, { typeOnly: false }), ['./a.ts', './d.ts', './e.ts', './g.ts', './h.ts', './i.ts']);
  assert.deepEqual(importSpecifiers(text, { typeOnly: true }), ['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts', './h.ts', './i.ts']);
});

test('importGraph finds a cycle through a value import and ignores one closed by a type import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-graph-'));
  try {
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'a.ts'), "import { b } from '../b.ts';\nexport const a = b;\n");
    writeFileSync(join(dir, 'b.ts'), "import type { C } from './c.ts';\nimport { a } from './x/a.ts';\nexport const b = 1;\nexport type B = C | typeof a;\n");
    writeFileSync(join(dir, 'c.ts'), "import type { B } from './b.ts';\nexport type C = B;\nimport 'node:fs';\n");
    assert.deepEqual(findCycles(importGraph(dir, { typeOnly: false })), [['b.ts', 'x/a.ts', 'b.ts']]);
    assert.deepEqual(findCycles(importGraph(dir, { typeOnly: true })), [['b.ts', 'c.ts', 'b.ts']]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
