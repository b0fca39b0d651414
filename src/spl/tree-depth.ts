// The depth of a syntax tree, measured without recursion: the parser's nesting bound does not cover
// left-deep chains (`a . b . c ...` parses in a loop), and every later walker recurses once per level.

import type { Span } from '../core/diagnostics.ts';

/** The deepest chain of AST nodes (objects with a `kind`) under `root`, and the span of its last node. */
export function deepestNode(root: unknown): { depth: number; span: Span | null } {
  let best = { depth: 0, span: null as Span | null };
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const v of value) stack.push([v, depth]);
      continue;
    }
    const node = value as { kind?: unknown; span?: Span };
    const d = typeof node.kind === 'string' ? depth + 1 : depth;
    if (d > best.depth) best = { depth: d, span: node.span ?? best.span };
    for (const [k, v] of Object.entries(node)) if (v !== null && typeof v === 'object' && !k.endsWith('pan')) stack.push([v, d]);
  }
  return best;
}
