// Compact s-expression form of an AST without spans, for golden tests and `explain`: `(kind key:value ...)`.
// Fields that hold their empty default (false, null, []) are left out to keep the output short.

const SPAN_KEYS = new Set(['span', 'nameSpan', 'patternSpan']);

export function toSexpr(node: unknown): string {
  if (node === null || node === undefined) return 'nil';
  if (typeof node === 'string') return JSON.stringify(node);
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return `[${node.map(toSexpr).join(' ')}]`;
  const obj = node as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => !SPAN_KEYS.has(k));
  // A search value prints as its text, prefixed with q when the user quoted it: "x*" vs q"x*".
  if (keys.length === 2 && 'text' in obj && 'quoted' in obj) return (obj['quoted'] ? 'q' : '') + JSON.stringify(obj['text']);
  // A bare field name ({name, span}) prints as its name.
  if (keys.length === 1 && keys[0] === 'name') return JSON.stringify(obj['name']);
  // Leaf expressions print compactly: (field a), (field 'a b'), (string "x"), (number 1).
  if (obj['kind'] === 'field' && keys.length === 3) return obj['quoted'] ? `(field '${String(obj['name'])}')` : `(field ${String(obj['name'])})`;
  if (obj['kind'] === 'string' && keys.length === 2) return `(string ${JSON.stringify(obj['value'])})`;
  const kind = obj['kind'];
  // Operators read as in Lisp: (and a b), (or a b), (OR a b), (+ a b), (NOT a), (compare f = "v").
  if ((kind === 'and' || kind === 'or') && Array.isArray(obj['items'])) return `(${kind} ${(obj['items'] as unknown[]).map(toSexpr).join(' ')})`;
  if (kind === 'compare') return `(compare ${JSON.stringify(obj['field'])} ${String(obj['op'])} ${toSexpr(obj['value'])}${obj['caseSensitive'] ? ' case' : ''})`;
  if (kind === 'binary') return `(${String(obj['op'])} ${toSexpr(obj['left'])} ${toSexpr(obj['right'])})`;
  if (kind === 'unary') return `(${String(obj['op'])} ${toSexpr(obj['operand'])})`;
  if (kind === 'bool') return `(bool ${String(obj['value'])})`;
  if (kind === 'call') return `(call ${String(obj['name'])}${(obj['args'] as unknown[]).map((a) => ' ' + toSexpr(a)).join('')})`;
  if (obj['kind'] === 'number' && keys.length === 3) {
    return obj['text'] === String(obj['value']) ? `(number ${String(obj['text'])})` : `(number ${String(obj['value'])} text:${JSON.stringify(obj['text'])})`;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'kind' || SPAN_KEYS.has(k)) continue;
    if (v === false || v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    parts.push(`${k}:${toSexpr(v)}`);
  }
  const head = typeof obj['kind'] === 'string' ? obj['kind'] : '';
  return `(${[head, ...parts].filter((p) => p !== '').join(' ')})`;
}
