// JSON eval functions: spath(X, path), json_extract(X[, path]) and json_valid(X). spath resolves paths
// exactly as KV_MODE=json names fields (`a.b`, `a{}.b`, `a{1}`), with the walker in src/ingest/json-event.ts,
// so an object is not a value. json_extract returns objects and arrays as JSON text.
// Text that is not JSON gives null (json_valid gives false).

import { fromJson, type Value } from '../../core/value.ts';
import { resolvePath } from '../../ingest/json-event.ts';
import { textExceedsDepth } from '../../ingest/record-splitter.ts';
import { argString, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

function parseJson(v: Value | undefined): { ok: true; value: unknown } | { ok: false } {
  const text = argString(v);
  if (text === null) return { ok: false };
  // Nested past ingest's limit: treated as not JSON, since walking it would overflow the stack.
  if (textExceedsDepth(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Walks `a.b{2}.c` (keys and 0-based indexes) to one node, or undefined. */
function walk(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split('.')) {
    const m = /^([^{}]*)((?:\{\d+\})*)$/.exec(part);
    if (!m) return undefined;
    if (m[1]) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[m[1]];
    }
    for (const idx of (m[2] ?? '').match(/\d+/g) ?? []) {
      if (!Array.isArray(node)) return undefined;
      node = node[Number(idx)];
    }
    if (node === undefined) return undefined;
  }
  return node;
}

export const jsonFunctions: readonly ScalarFunction[] = [
  fn('spath', 2, 2, ([input, path]) => {
    const p = argString(path);
    const parsed = parseJson(input);
    if (p === null || !parsed.ok) return null;
    return resolvePath(parsed.value, p);
  }),
  fn('json_extract', 1, 2, ([input, path]) => {
    const parsed = parseJson(input);
    if (!parsed.ok) return null;
    if (path === undefined) return JSON.stringify(parsed.value);
    const p = argString(path);
    if (p === null) return null;
    const node = walk(parsed.value, p);
    if (node === undefined || node === null) return null;
    return typeof node === 'object' ? JSON.stringify(node) : fromJson(node);
  }),
  fn('json_valid', 1, 1, ([input]) => (input === null || input === undefined ? null : parseJson(input).ok)),
];
