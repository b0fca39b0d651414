// `spath [input=f] [output=o] [path=p]`: reads JSON from a field (default _raw). With a path, one field
// (named by output=, else the path); without, every leaf as KV_MODE=json names it. Path syntax and
// multivalue rules are the ingest module's (JsonEvent), so spath and auto-extraction always agree.
// A path that ends at an object or array gives its JSON text, as spath does. Text that is not JSON leaves
// the row unchanged.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { firstOf, scalarToString } from '../../core/value.ts';
import { JsonEvent } from '../../ingest/json-event.ts';
import { textExceedsDepth } from '../../ingest/record-splitter.ts';

const NO_META = { sourcetype: '', source: '', index: '', host: '', time: 0 };
const DEFAULT_FIELDS = new Set(['_time', '_raw', 'sourcetype', 'source', 'index', 'host']);

export class SpathOperator extends Operator {
  constructor(next: Sink, private readonly input: string, private readonly output: string | null, private readonly path: string | null) {
    super(next);
  }
  push(row: Row): void {
    const text = firstOf(row.get(this.input));
    if (text !== null) {
      const doc = parseJson(scalarToString(text));
      if (doc !== undefined) {
        const ev = new JsonEvent(scalarToString(text), NO_META, doc);
        if (this.path !== null) {
          row.set(this.output ?? this.path, ev.get(this.path) ?? subDocument(doc, this.path));
        } else {
          for (const name of ev.fieldNames()) if (!DEFAULT_FIELDS.has(name)) row.set(name, ev.get(name));
        }
      }
    }
    this.next.push(row);
  }
}

function parseJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  // Nested past ingest's limit: not extracted (flattening it would overflow the stack), like invalid JSON.
  if (textExceedsDepth(t)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The JSON text of the object or array at a plain dotted path (`a.b`), or null. */
function subDocument(doc: unknown, path: string): string | null {
  if (/[{}]/.test(path)) return null;
  let node: unknown = doc;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? JSON.stringify(node) : null;
}
