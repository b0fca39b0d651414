// Removes span properties from an AST so two parses of different texts can be compared structurally.

export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (!/(^s|S)pan$/.test(k)) out[k] = stripSpans(v);
  return out;
}
