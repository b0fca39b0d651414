// Translates one branch of a plan into an ES|QL query over an Elastic integration's data stream.
// ES|QL has SQL-like three-valued logic, so eval/where comparisons translate directly; search-style matches
// are case-insensitive (TO_LOWER) and two-valued under NOT (`f IS NULL OR NOT ...`), as in Splunk.

import type { CompareOp, PlanAggregation, PlanExpr, PlanNode } from '../../plan/nodes.ts';
import { dispatchExpr, dispatchNode, type ExprHandlers, type NodeHandlers, type Problems } from '../backend.ts';
import { conditionHandlers, pushNegation, reportUnsupportedNode, searchNumber, sortKeyValue, statsSupported, unsupportedNodes, unsupportedValue, wildcardField } from '../branch-common.ts';
import { patternShape } from '../pattern-shape.ts';
import { Scope, type ColType } from '../scope.ts';
import { lookupField, type SourcetypeMapping } from '../target-mapping.ts';
import { esqlFunction } from './functions.ts';
import { esqlLookup } from './lookup.ts';
import { mapTextField, type MapTextRead } from './map-text-field.ts';
import { esqlIdent, esqlLikePattern, esqlString } from './quoting.ts';

type ValueMap = Readonly<Record<string, string | number | boolean>>;

export interface Code {
  readonly text: string;
  readonly type: ColType | 'null' | 'ip';
  readonly literal?: boolean;
  /** Raw log value -> stored value, when the integration normalises the field (event.outcome...). */
  readonly values?: ValueMap;
  /** Values are addresses printed by TO_STRING(ip): canonical text, no spaces (cidrmatch over a multivalue). */
  readonly ipText?: boolean;
}

const OP: Record<CompareOp, string> = { '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const JOINERS = { and: ' AND ', or: ' OR ' };
const INVERSE: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

export class EsqlBranch {
  readonly scope = new Scope();
  readonly lines: string[] = [];
  private readonly valueMaps = new Map<string, ValueMap>();
  /** Columns whose values are addresses printed by TO_STRING(ip). */
  private readonly ipTextColumns = new Set<string>();
  /** GROK extractions from map-text keywords: emitted once each, just before the line that first reads them. */
  readonly mapText: MapTextRead = { columns: new Map(), pending: [], sources: new Set() };

  constructor(
    readonly problems: Problems,
    readonly sourcetype: string,
    readonly mapping: SourcetypeMapping,
    readonly otherBranchColumns: ReadonlySet<string> = new Set(),
    readonly lookupDirs: readonly string[] = [],
  ) {}

  bad(code: string, message: string, at?: unknown, hint?: string): Code {
    return unsupportedValue(this.problems, code, message, at, hint);
  }

  field(name: string, at?: unknown): Code {
    const r = this.scope.resolve(name);
    if (r.kind === 'column') {
      const values = this.valueMaps.get(name);
      return { text: esqlIdent(name), type: r.type, ...(values ? { values } : {}), ...(this.ipTextColumns.has(name) ? { ipText: true } : {}) };
    }
    // After a projection a field that was not kept is simply null, as in Splunk.
    if (r.kind === 'missing') return { text: 'null', type: 'null', literal: true };
    if (name === 'sourcetype') return { text: esqlString(this.sourcetype), type: 'string', literal: true };
    const extracted = mapTextField(this, name, at);
    if (extracted) return extracted;
    // A field the integration is known not to store: the mapping names the reason.
    const absent: unknown = this.mapping.fields[name];
    if (absent !== null && typeof absent === 'object' && 'absent' in absent) {
      return this.bad('XLATE-UNMAPPED-FIELD', `field '${name}' of ${this.sourcetype} is not stored by the Elastic integration: ${String(absent.absent)}`, at);
    }
    const m = lookupField(this.mapping, name);
    // A `{}` field is read only where the mapping names a multivalued keyword field for it (type mv).
    if (name.includes('{') && !(m.kind === 'entry' && m.type === 'mv')) return this.bad('XLATE-MULTIVALUE-FIELD', `multivalue field '${name}' has no ES|QL mapping`, at);
    if (m.kind === 'entry') return { text: esqlIdent(m.text), type: m.type === 'string' && /(^|\.)ip$/.test(m.text) ? 'ip' : m.type, ...(m.values ? { values: m.values } : {}) };
    return this.bad('XLATE-UNMAPPED-FIELD', `field '${name}' of ${this.sourcetype} has no Elastic field in the ES|QL mapping`, at,
      'add it to src/backends/esql/mapping.yml (flattened fields cannot be read by ES|QL)');
  }

  /** The field's text without reporting problems again (searchMatch already resolved it). */
  private fieldText(name: string): string {
    const r = this.scope.resolve(name);
    if (r.kind === 'column') return esqlIdent(name);
    const column = this.mapText.columns.get(name);
    if (column) return esqlIdent(column);
    const m = lookupField(this.mapping, name);
    return m.kind === 'entry' ? esqlIdent(m.text) : 'null';
  }

  expr(e: PlanExpr): Code {
    return dispatchExpr(this.valueHandlers, e);
  }

  str(c: Code): string {
    if (c.type === 'mv') return this.problems.unsupported('XLATE-MULTIVALUE-FIELD', 'a multivalue used where ES|QL needs a single value');
    return c.type === 'string' || c.type === 'null' ? c.text : `TO_STRING(${c.text})`;
  }

  num(c: Code): string {
    return c.type === 'number' || c.type === 'null' ? c.text : `TO_DOUBLE(${c.text})`;
  }

  /** A raw log value as the integration stores it (value maps), as an ES|QL literal. */
  mapValue(c: Code, raw: string, caseInsensitive: boolean): string | null {
    if (!c.values) return null;
    const key = Object.keys(c.values).find((k) => (caseInsensitive ? k.toLowerCase() === raw.toLowerCase() : k === raw));
    if (key === undefined) {
      this.problems.unsupported('XLATE-UNMAPPED-VALUE', `value '${raw}' has no counterpart in the Elastic field ${c.text}`);
      return 'null';
    }
    const v = c.values[key]!;
    return typeof v === 'string' ? esqlString(v) : String(v);
  }

  private readonly valueHandlers: ExprHandlers<PlanExpr['kind'], Code> = {
    field: (e) => this.field(e.name),
    literal: (e) => {
      const v = e.value;
      if (v === null) return { text: 'null', type: 'null', literal: true };
      if (typeof v === 'string') return { text: esqlString(v), type: 'string', literal: true };
      if (typeof v === 'number') return { text: String(v), type: 'number', literal: true };
      if (typeof v === 'boolean') return { text: String(v), type: 'bool', literal: true };
      return this.bad('XLATE-UNSUPPORTED-LITERAL', 'multivalue literal');
    },
    call: (e) => esqlFunction(this, e),
    arith: (e) => {
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      // _time is a date here; in Splunk it is epoch seconds, so arithmetic reads it as such. TO_LONG(date) is
      // epoch milliseconds (ES|QL TO_LONG), which keeps sub-second differences that DATE_DIFF would truncate.
      const seconds = (c: Code) => (c.type === 'time' ? `(TO_LONG(${c.text}) / 1000.0)` : this.num(c));
      if (l.type === 'time' && r.type === 'time' && e.op === '-') return { text: `((TO_LONG(${l.text}) - TO_LONG(${r.text})) / 1000.0)`, type: 'number' };
      return { text: `(${seconds(l)} ${e.op} ${seconds(r)})`, type: 'number' };
    },
    concat: (e) => ({ text: `CONCAT(${this.str(this.expr(e.left))}, ${this.str(this.expr(e.right))})`, type: 'string' }),
    neg: (e) => ({ text: `-(${this.num(this.expr(e.operand))})`, type: 'number' }),
    ...conditionHandlers((e) => this.bool(e)),
  };

  bool(e: PlanExpr, negated = false): string {
    switch (e.kind) {
      case 'and':
      case 'or':
      case 'not':
      case 'literal':
        return pushNegation(this, e, negated, JOINERS);
      case 'compare': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const op = negated ? INVERSE[e.op] : e.op;
        if (l.type === 'time' && r.type === 'time') return `(${l.text} ${OP[op]} ${r.text})`;
        if (l.type === 'time' || r.type === 'time') return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', 'comparison of _time with a non-time value');
        const mapped = l.values && r.literal && typeof firstLiteral(e.right) === 'string' ? this.mapValue(l, firstLiteral(e.right) as string, false) : null;
        if (mapped !== null) return `(${l.text} ${OP[op]} ${mapped})`;
        if (l.type === 'number' || r.type === 'number') return `(${this.num(l)} ${OP[op]} ${this.num(r)})`;
        return `(${this.str(l)} ${OP[op]} ${this.str(r)})`;
      }
      case 'inList': {
        const t = this.expr(e.expr);
        const items = e.list.map((i) => this.expr(i));
        if (items.some((i) => !i.literal)) return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', 'IN with non-literal values');
        const test = `${this.str(t)} IN (${items.map((i) => this.str(i)).join(', ')})`;
        return negated ? `NOT (${test})` : `(${test})`;
      }
      case 'like': {
        const t = this.expr(e.expr);
        const p = firstLiteral(e.pattern);
        if (typeof p !== 'string') return this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', 'like() with a computed pattern');
        const test = `${this.str(t)} LIKE ${esqlString(likeToEsql(p))}`;
        return negated ? `NOT (${test})` : `(${test})`;
      }
      case 'searchMatch': {
        const m = this.searchMatch(e);
        if (!negated) return m;
        // Splunk: NOT field=value is true when the field is missing.
        return m.startsWith('UNSUPPORTED') ? m : `(${this.fieldText(e.field)} IS NULL OR NOT ${m})`;
      }
      case 'searchTerm':
        return this.problems.unsupported('XLATE-RAW-TERM', `bare search term '${e.pattern.text}': Elastic keeps no searchable _raw in these data streams`, null,
          'match a named field instead');
      case 'call': {
        const c = esqlFunction(this, e);
        if (c.type !== 'bool') return this.problems.unsupported('XLATE-NOT-BOOLEAN', `${e.fn}() used as a condition`);
        return negated ? `NOT (${c.text})` : c.text;
      }
      case 'xor':
      case 'field':
      case 'arith':
      case 'concat':
      case 'neg':
        return this.problems.unsupported('XLATE-NOT-BOOLEAN', `'${e.kind}' used as a condition`);
    }
  }

  private searchMatch(e: Extract<PlanExpr, { kind: 'searchMatch' }>): string {
    const f = this.field(e.field);
    if (f.type === 'time') return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', `search comparison on ${e.field}`);
    if (e.op === '=' || e.op === '!=') {
      const shape = patternShape(e.pattern);
      let m: string;
      if (shape.kind === 'exists') m = `(${f.text} IS NOT NULL)`;
      else if (f.values) {
        if (shape.kind !== 'exact') return this.problems.unsupported('XLATE-UNMAPPED-VALUE', `wildcard match on normalised field ${f.text}`);
        m = `(${f.text} == ${this.mapValue(f, shape.text, !e.pattern.caseSensitive)})`;
      } else if (f.type === 'number' || f.type === 'bool') {
        if (shape.kind !== 'exact') return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', `wildcard match on ${f.type} field ${f.text}`);
        if (f.type === 'number' && !Number.isFinite(Number(shape.text))) m = 'false';
        else m = `(${f.text} == ${f.type === 'number' ? Number(shape.text) : shape.text.toLowerCase() === 'true'})`;
      } else {
        const cs = e.pattern.caseSensitive;
        const v = cs ? this.str(f) : `TO_LOWER(${this.str(f)})`;
        const norm = (s: string) => (cs ? s : s.toLowerCase());
        m = shape.kind === 'exact' ? `(${v} == ${esqlString(norm(shape.text))})` : `(${v} LIKE ${esqlString(esqlLikePattern(e.pattern.text.split('*').map(norm)))})`;
      }
      if (e.op === '=') return m;
      return shape.kind === 'exists' ? 'false' : `(${f.text} IS NOT NULL AND NOT ${m})`;
    }
    const n = searchNumber(this.problems, e);
    return typeof n === 'string' ? n : `(${this.num(f)} ${OP[e.op]} ${n})`;
  }

  // ------------------------------------------------------------ operators

  op(n: PlanNode): void {
    this.problems.context = n.span ?? this.problems.context;
    const mark = this.lines.length;
    dispatchNode(this.nodeHandlers, n, this.unsupportedNode);
    // Extractions the operator's expressions asked for go before its own lines.
    this.lines.splice(mark, 0, ...this.takeExtractions());
  }

  /** GROK lines requested since the last call (each map-text key is extracted once per query). */
  takeExtractions(): string[] {
    return this.mapText.pending.splice(0);
  }

  private unsupportedNode = (n: PlanNode): void => reportUnsupportedNode(this.problems, 'ES|QL', n);

  /** Gives a new column its type (ip as string) and keeps the value map of a normalised field. */
  define(name: string, c: Code): void {
    this.scope.define(name, c.type === 'null' ? 'string' : c.type === 'ip' ? 'string' : c.type);
    if (c.values) this.valueMaps.set(name, c.values);
    else this.valueMaps.delete(name);
    if (c.ipText || c.type === 'ip') this.ipTextColumns.add(name);
    else this.ipTextColumns.delete(name);
  }

  /** The value a field has where an eval does not assign it: its column, its log field, or null. */
  private currentValue(name: string): Code {
    const r = this.scope.resolve(name);
    if (r.kind === 'column') return this.field(name);
    if (r.kind === 'missing') return { text: 'null', type: 'null', literal: true };
    const m = lookupField(this.mapping, name);
    return m.kind === 'entry' && !name.includes('{') ? this.field(name) : { text: 'null', type: 'null', literal: true };
  }

  /**
   * One branch's eval inside a query that reads several branches at once (rows tagged by `tag`): each
   * assignment applies to that branch's rows only, every other row keeps its value.
   */
  branchEval(n: Extract<PlanNode, { kind: 'eval' }>, tag: string, index: number): void {
    this.problems.context = n.span ?? this.problems.context;
    const mark = this.lines.length;
    for (const a of n.assignments) {
      const raw = this.expr(a.expr);
      const c: Code = raw.type === 'ip' ? { ...raw, text: `TO_STRING(${raw.text})`, type: 'string', ipText: true } : raw;
      const current = this.currentValue(a.field);
      const keep: Code = current.type === 'ip' ? { ...current, text: `TO_STRING(${current.text})`, type: 'string', ipText: true } : current;
      // CASE needs one type: a branch value of another type than the kept one makes both text, as in Splunk.
      const mixed = c.type !== 'null' && keep.type !== 'null' && c.type !== keep.type;
      this.lines.push(`| EVAL ${esqlIdent(a.field)} = CASE(${tag} == ${index}, ${mixed ? this.str(c) : c.text}, ${mixed ? this.str(keep) : keep.text})`);
      const type = mixed ? 'string' : c.type === 'null' ? keep.type : c.type;
      const ipText = (c.ipText || c.type === 'null') && (keep.ipText || keep.type === 'null');
      this.define(a.field, { text: esqlIdent(a.field), type, ...(ipText ? { ipText } : {}) });
    }
    this.lines.splice(mark, 0, ...this.takeExtractions());
  }

  private readonly nodeHandlers: NodeHandlers<void> = {
    ...unsupportedNodes(this.unsupportedNode),
    filter: (n) => {
      this.lines.push(`| WHERE ${this.bool(n.predicate)}`);
    },
    eval: (n) => {
      for (const a of n.assignments) {
        const raw = this.expr(a.expr);
        // Splunk fields are text: an ip-typed Elastic field becomes a string column.
        const c: Code = raw.type === 'ip' ? { ...raw, text: `TO_STRING(${raw.text})`, type: 'string', ipText: true } : raw;
        this.lines.push(`| EVAL ${esqlIdent(a.field)} = ${c.text}`);
        this.define(a.field, c);
      }
    },
    aggregate: (n) => this.aggregate(n),
    table: (n) => this.project(n.fields, n),
    fields: (n) => {
      if (!n.remove) return this.project(n.fields, n);
      const drop = n.fields.filter((f) => this.scope.resolve(f).kind === 'column');
      if (n.fields.some((f) => f.includes('*'))) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', 'wildcard field lists are not translated', n);
      if (drop.length) this.lines.push(`| DROP ${drop.map(esqlIdent).join(', ')}`);
      for (const f of n.fields) this.scope.drop(f);
    },
    rename: (n) => {
      for (const p of n.pairs) {
        if (p.from.includes('*') || p.to.includes('*')) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', 'wildcard rename', n);
        const c = this.field(p.from, n);
        if (this.scope.resolve(p.from).kind === 'column') this.lines.push(`| RENAME ${esqlIdent(p.from)} AS ${esqlIdent(p.to)}`);
        else this.lines.push(`| EVAL ${esqlIdent(p.to)} = ${c.text}`);
        this.scope.drop(p.from);
        this.define(p.to, c);
      }
    },
    sort: (n) => {
      const keys = n.keys.map((k) => `${sortKeyValue(this, k, n)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`);
      this.lines.push(`| SORT ${keys.join(', ')}`);
      if (n.limit > 0) this.lines.push(`| LIMIT ${n.limit}`);
    },
    head: (n) => {
      if (n.predicate) return void this.problems.unsupported('XLATE-UNSUPPORTED-COMMAND', 'head with a condition', n);
      this.lines.push(`| LIMIT ${n.count}`);
    },
    lookup: (n) => esqlLookup(this, n),
  };

  private project(fields: readonly string[], n: PlanNode): void {
    const evals: string[] = [];
    const cols: [string, ColType][] = [];
    for (const f of fields) {
      if (wildcardField(this.problems, f, n)) continue;
      const r = this.scope.resolve(f);
      if (r.kind === 'source' && this.otherBranchColumns.has(f) && lookupField(this.mapping, f).kind === 'none') {
        evals.push(`${esqlIdent(f)} = TO_STRING(null)`);
        cols.push([f, 'string']);
        continue;
      }
      const c = this.field(f, n);
      if (c.type === 'null') evals.push(`${esqlIdent(f)} = TO_STRING(null)`);
      else if (r.kind !== 'column' && c.text !== esqlIdent(f)) evals.push(`${esqlIdent(f)} = ${c.text}`);
      cols.push([f, c.type === 'null' || c.type === 'ip' ? 'string' : c.type]);
      if (c.ipText || c.type === 'ip') this.ipTextColumns.add(f);
      else this.ipTextColumns.delete(f);
    }
    if (evals.length) this.lines.push(`| EVAL ${evals.join(', ')}`);
    this.lines.push(`| KEEP ${cols.map(([f]) => esqlIdent(f)).join(', ')}`);
    this.scope.project(cols);
  }

  private aggregate(n: Extract<PlanNode, { kind: 'aggregate' }>): void {
    if (!statsSupported(this.problems, n, 'ES|QL')) return;
    const by = n.by.map((f) => ({ name: f, code: this.field(f, n), column: this.scope.resolve(f).kind === 'column' }));
    // BY keys that are log fields get their Splunk names first, so the output columns keep them.
    const renames = by.filter((b) => !b.column && b.code.text !== esqlIdent(b.name));
    if (renames.length) this.lines.push(`| EVAL ${renames.map((b) => `${esqlIdent(b.name)} = ${b.code.text}`).join(', ')}`);
    // Splunk drops events whose BY fields are missing; ES|QL would make a null group.
    if (by.length) this.lines.push(`| WHERE ${by.map((b) => `${esqlIdent(b.name)} IS NOT NULL`).join(' AND ')}`);
    const aggs = n.aggregations.map((a) => this.aggregation(a, n));
    this.lines.push(`| STATS ${aggs.map((a) => a.text).join(', ')}${by.length ? ` BY ${by.map((b) => esqlIdent(b.name)).join(', ')}` : ''}`);
    const post = aggs.filter((a) => a.post).map((a) => a.post!);
    if (post.length) this.lines.push(`| EVAL ${post.join(', ')}`);
    this.scope.project([...by.map((b) => [b.name, b.code.type === 'null' || b.code.type === 'ip' ? 'string' : b.code.type] as [string, ColType]), ...aggs.map((a) => [a.name, a.type] as [string, ColType])]);
    for (const b of by) if (b.code.values) this.valueMaps.set(b.name, b.code.values);
    for (const b of by) this.ipTextColumns[b.code.ipText || b.code.type === 'ip' ? 'add' : 'delete'](b.name);
    for (const a of aggs) this.ipTextColumns[a.ipText ? 'add' : 'delete'](a.name);
  }

  private aggregation(a: PlanAggregation, n: PlanNode): { name: string; text: string; type: ColType; post?: string; ipText?: boolean } {
    const name = esqlIdent(a.as);
    const arg = a.arg ? this.expr(a.arg) : null;
    switch (a.fn) {
      case 'count':
        return { name: a.as, text: arg ? `${name} = COUNT(${arg.text})` : `${name} = COUNT(*)`, type: 'number' };
      case 'dc':
      case 'distinct_count':
        if (!arg) break;
        // COUNT_DISTINCT is exact below its precision threshold; 40000 is the maximum.
        return { name: a.as, text: `${name} = COUNT_DISTINCT(${arg.text}, 40000)`, type: 'number' };
      case 'values':
        if (!arg) break;
        // VALUES of a multivalue column collects each of its values, as Splunk's values() does.
        return {
          name: a.as, text: `${name} = VALUES(${arg.type === 'mv' ? arg.text : this.str(arg)})`, type: 'mv', post: `${name} = MV_SORT(${name})`,
          ...(arg.ipText || arg.type === 'ip' ? { ipText: true } : {}),
        };
      case 'min':
      case 'max':
        // The earliest/latest time stays a date.
        if (arg?.type === 'time') return { name: a.as, text: `${name} = ${a.fn.toUpperCase()}(${arg.text})`, type: 'time' };
      // falls through
      case 'sum':
      case 'avg':
        if (!arg) break;
        return { name: a.as, text: `${name} = ${a.fn.toUpperCase()}(${this.num(arg)})`, type: 'number' };
    }
    this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', `aggregate ${a.fn}() has no ES|QL translation`, n);
    return { name: a.as, text: `${name} = COUNT(*)`, type: 'number' };
  }
}

function firstLiteral(e: PlanExpr): string | number | null {
  return e.kind === 'literal' && (typeof e.value === 'string' || typeof e.value === 'number') ? e.value : null;
}

/** SQL LIKE (`%`, `_`) as an ES|QL LIKE pattern (`*`, `?`). */
function likeToEsql(p: string): string {
  let out = '';
  for (const ch of p) out += ch === '%' ? '*' : ch === '_' ? '?' : ch === '*' || ch === '?' || ch === '\\' ? `\\${ch}` : ch;
  return out;
}
