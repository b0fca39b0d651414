// An Event backed by one JSON record. The raw text is kept; the object is parsed on the first field access
// (so byte-level prefilters can reject events without parsing) and fields are resolved by walking the path,
// as Splunk's KV_MODE=json names them: objects flatten with `.`, arrays with `{}` and become multivalue.

import type { Event } from '../core/event.ts';
import { fromJson, mv, valuesOf, type Scalar, type Value } from '../core/value.ts';
import { aliasesFor, type AliasTable } from './aliases.ts';

export interface EventMeta {
  readonly sourcetype: string;
  readonly source: string;
  readonly index: string;
  readonly host: string;
  readonly time: number;
}

const DEFAULT_FIELDS = ['_time', '_raw', 'sourcetype', 'source', 'index', 'host'] as const;

export class JsonEvent implements Event {
  readonly _time: number;
  readonly sourcetype: string;
  readonly source: string;
  readonly index: string;
  readonly host: string;
  private obj: unknown;
  private parsed: boolean;
  /** Fields resolved so far, as parallel arrays: most events are asked a few fields, where a Map per event cost more. */
  private memoKeys: string[] | undefined;
  private memoValues: Value[] | undefined;
  private readonly aliases: AliasTable | undefined;
  /** The raw text, or its UTF-8 bytes until someone reads it (events that are never shown never decode it). */
  private rawValue: string | Uint8Array;

  /** `obj` may be passed when the caller already parsed the record (it must be JSON.parse(raw)). */
  constructor(raw: string | Uint8Array, meta: EventMeta, obj?: unknown) {
    this.rawValue = raw;
    this._time = meta.time;
    this.sourcetype = meta.sourcetype;
    this.source = meta.source;
    this.index = meta.index;
    this.host = meta.host;
    this.parsed = obj !== undefined;
    this.obj = obj;
    this.aliases = aliasesFor(meta.sourcetype);
  }

  get _raw(): string {
    const r = this.rawValue;
    if (typeof r === 'string') return r;
    const text = Buffer.from(r.buffer, r.byteOffset, r.byteLength).toString('utf8');
    this.rawValue = text;
    return text;
  }

  /** The raw text as UTF-8 bytes (without decoding it when it was never read). */
  rawBytes(): Uint8Array {
    const r = this.rawValue;
    return typeof r === 'string' ? Buffer.from(r, 'utf8') : r;
  }

  /** The parsed record (parsing it now if needed). */
  record(): unknown {
    if (!this.parsed) {
      this.obj = JSON.parse(this._raw);
      this.parsed = true;
    }
    return this.obj;
  }

  /** The object `field` is resolved against: the whole record here; a projection may answer some fields. */
  protected recordFor(_field: string): unknown {
    return this.record();
  }

  get(field: string): Value {
    switch (field) {
      case '_time': return this._time;
      case '_raw': return this._raw;
      case 'sourcetype': return this.sourcetype;
      case 'source': return this.source;
      case 'index': return this.index;
      case 'host': return this.host;
    }
    const hit = this.memo(field);
    if (hit !== undefined) return hit;
    let v = resolvePath(this.recordFor(field), field);
    if (v === null && this.aliases) {
      const alias = this.aliases[field];
      if (alias) {
        // Marked null while computing, so aliases that refer to each other end instead of recursing.
        this.remember(field, null);
        v = alias((f) => this.get(f), () => this.record());
      }
    }
    this.remember(field, v);
    return v;
  }

  private memo(field: string): Value | undefined {
    const keys = this.memoKeys;
    if (keys) for (let i = 0; i < keys.length; i++) if (keys[i] === field) return this.memoValues![i];
    return undefined;
  }

  private remember(field: string, v: Value): void {
    const keys = (this.memoKeys ??= []);
    const values = (this.memoValues ??= []);
    const i = keys.indexOf(field);
    if (i >= 0) values[i] = v;
    else {
      keys.push(field);
      values.push(v);
    }
  }

  fieldNames(): readonly string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    flattenNames(this.record(), '', names, seen);
    if (this.aliases) for (const a of Object.keys(this.aliases)) if (!seen.has(a) && this.get(a) !== null) names.push(a);
    for (const d of DEFAULT_FIELDS) names.push(d);
    return names;
  }
}

/**
 * Resolves a Splunk JSON field name against a parsed record: `a.b.c`, `a{}.b` (every element's b),
 * `a{}` (the array's values), `a{1}` (one element, 0-based as spath documents for JSON).
 */
export function resolvePath(root: unknown, name: string): Value {
  if (root === null || typeof root !== 'object') return null;
  // Fast path: a top-level key, including keys that themselves contain dots.
  const direct = (root as Record<string, unknown>)[name];
  if (direct !== undefined && !Array.isArray(direct)) return leafValue(direct);
  const steps = splitPath(name);
  if (steps === null) return null;
  const v = steps.every(isKey) ? walkKeys(root, steps as readonly KeyStep[]) : walkSteps(root, steps);
  // Keys may contain dots themselves (Azure claim URIs): retry matching whole keys when the split failed.
  if (v === null && name.includes('.')) return resolveDottedKeys(root, name);
  return v;
}

function walkSteps(root: unknown, steps: readonly Step[]): Value {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const node of current) {
      if (step.kind === 'key') {
        if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
          const child = (node as Record<string, unknown>)[step.key];
          if (child !== undefined) next.push(child);
        }
      } else if (Array.isArray(node)) {
        if (step.kind === 'all') for (const x of node) next.push(x);
        else if (step.index < node.length) next.push(node[step.index]);
      }
    }
    if (next.length === 0) return null;
    current = next;
  }
  const out: Scalar[] = [];
  for (const node of current) {
    // An array reached without `{}` is not a leaf Splunk names that way (it would be `a{}`).
    if (Array.isArray(node)) continue;
    for (const s of valuesOf(leafValue(node))) out.push(s);
  }
  return mv(out);
}

/** walkSteps for a path of plain keys (`a.b.c`): no arrays to fan out over, so no lists to build. */
function walkKeys(root: unknown, steps: readonly KeyStep[]): Value {
  let node = root;
  for (const step of steps) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[step.key];
    if (node === undefined) return null;
  }
  // As walkSteps: an array reached without `{}` is no value; an object is none either.
  return Array.isArray(node) ? null : leafValue(node);
}

/** Slow path: at each object level, try the longest key that is a prefix of the remaining dotted name. */
function resolveDottedKeys(node: unknown, rest: string): Value {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const obj = node as Record<string, unknown>;
  if (!rest.includes('{')) {
    const whole = obj[rest];
    if (whole !== undefined && !Array.isArray(whole)) return leafValue(whole);
  }
  for (let dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
    const key = rest.slice(0, dot);
    const child = obj[key];
    if (child === undefined) continue;
    const tail = rest.slice(dot + 1);
    const v = resolvePath(child, tail);
    if (v !== null) return v;
  }
  return null;
}

function leafValue(j: unknown): Value {
  if (j !== null && typeof j === 'object' && !Array.isArray(j)) return null; // objects are not field values
  return fromJson(j);
}

type KeyStep = { kind: 'key'; key: string };
type Step = KeyStep | { kind: 'all' } | { kind: 'index'; index: number };
const isKey = (s: Step): s is KeyStep => s.kind === 'key';

const pathCache = new Map<string, Step[] | null>();

function splitPath(name: string): Step[] | null {
  const cached = pathCache.get(name);
  if (cached !== undefined) return cached;
  const steps: Step[] = [];
  let i = 0;
  let key = '';
  const flushKey = () => {
    if (key.length > 0) steps.push({ kind: 'key', key });
    key = '';
  };
  while (i < name.length) {
    const c = name[i]!;
    if (c === '.') {
      flushKey();
      i++;
    } else if (c === '{') {
      const close = name.indexOf('}', i);
      if (close < 0) return remember(name, null);
      flushKey();
      const inner = name.slice(i + 1, close);
      if (inner === '') steps.push({ kind: 'all' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else return remember(name, null);
      i = close + 1;
    } else {
      key += c;
      i++;
    }
  }
  flushKey();
  return remember(name, steps);
}

function remember(name: string, steps: Step[] | null): Step[] | null {
  if (pathCache.size > 10_000) pathCache.clear();
  pathCache.set(name, steps);
  return steps;
}

function flattenNames(node: unknown, prefix: string, out: string[], seen: Set<string>): void {
  if (node === null || typeof node !== 'object') {
    if (prefix && !seen.has(prefix)) {
      seen.add(prefix);
      out.push(prefix);
    }
    return;
  }
  if (Array.isArray(node)) {
    for (const x of node) flattenNames(x, `${prefix}{}`, out, seen);
    return;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) flattenNames(v, prefix ? `${prefix}.${k}` : k, out, seen);
}
