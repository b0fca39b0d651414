// Translates one branch of a plan into DuckDB CTEs over the records (`rec`: one column per field the query
// reads, record-columns.ts). Each operator is one CTE, so the SQL reads in the same order as the SPL. SQL's three-valued logic already matches Splunk's
// eval/where semantics; search-style matches are made two-valued (`coalesce(..., false)`) because Splunk's
// `NOT field=value` is true when the field is missing.

import type { CompareOp, PlanAggregation, PlanExpr, PlanNode } from '../../plan/nodes.ts';
import { dispatchExpr, dispatchNode, type ExprHandlers, type NodeHandlers, type Problems } from '../backend.ts';
import { conditionHandlers, reportUnsupportedNode, searchNumber, sortKeyValue, statsSupported, unsupportedNodes, unsupportedValue, wildcardField } from '../branch-common.ts';
import { patternShape } from '../pattern-shape.ts';
import { Scope, type ColType } from '../scope.ts';
import { jsonPath, likeEscape, sqlIdent, sqlString } from './quoting.ts';
import { sqlLookup } from './lookup.ts';
import { sqlFunction } from './functions.ts';
import type { SqlSourcetype } from './detect.ts';
import type { RecordColumns, ValueKind } from './record-columns.ts';

export interface Code {
  readonly text: string;
  readonly type: ColType | 'null';
  readonly literal?: boolean;
}

const SQL_OP: Record<CompareOp, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class SqlBranch {
  readonly scope = new Scope();
  readonly ctes: { name: string; sql: string }[] = [];
  /** True after table/fields/stats: the rows no longer carry the reader's columns. */
  projected = false;
  private current: string;

  constructor(
    readonly problems: Problems,
    readonly prefix: string,
    readonly sourcetype: string,
    readonly st: SqlSourcetype | null,
    from: string,
    readonly columns: RecordColumns,
    readonly lookupDirs: readonly string[] = [],
  ) {
    this.current = from;
  }

  get relation(): string {
    return this.current;
  }

  /** Appends a CTE reading the current relation; `body` receives its name. */
  push(sqlFor: (from: string) => string): void {
    const name = `${this.prefix}_${this.ctes.length}`;
    this.ctes.push({ name, sql: sqlFor(this.current) });
    this.current = name;
  }

  bad(code: string, message: string, at?: unknown, hint?: string): Code {
    return unsupportedValue(this.problems, code, message, at, hint);
  }

  // ------------------------------------------------------------ fields

  field(name: string, at?: unknown): Code {
    const r = this.scope.resolve(name);
    if (r.kind === 'column') return { text: sqlIdent(name), type: r.type };
    // After a projection a field that was not kept is simply null, as in Splunk.
    if (r.kind === 'missing') return { text: 'NULL', type: 'null', literal: true };
    return this.sourceField(name, at);
  }

  /** The record column of one JSON path, or the fail-closed diagnostic when the path has no top-level key. */
  private recordValue(kind: ValueKind, path: string, label: string, at?: unknown): Code {
    const col = this.columns.column(kind, path, label);
    if (!col) return this.bad('XLATE-UNMAPPED-FIELD', `field name '${label}' does not start with a key of the record`, at);
    return { text: col, type: kind === 'mv' ? 'mv' : kind === 'time' ? 'number' : 'string' };
  }

  sourceField(name: string, at?: unknown, viaAlias = false): Code {
    if (name === 'sourcetype') return { text: sqlString(this.sourcetype), type: 'string', literal: true };
    if (name === '_time') {
      const paths = this.st?.time ?? [];
      const parts = paths.map((p) => this.recordValue('time', jsonPath(p)!.path, p, at).text);
      return parts.length ? { text: parts.length === 1 ? parts[0]! : `coalesce(${parts.join(', ')})`, type: 'number' } : this.bad('XLATE-UNMAPPED-FIELD', `no time field for ${this.sourcetype}`, at);
    }
    if (name === '_raw') {
      return this.bad('XLATE-UNMAPPED-FIELD', "'_raw': the SQL reads each record once as its parsed fields and keeps no record text", at, 'match a named field instead');
    }
    if (['index', 'source', 'host', 'splunk_server', 'linecount'].includes(name) || name.startsWith('_')) {
      return this.bad('XLATE-UNMAPPED-FIELD', `'${name}' is Splunk index metadata; raw log files do not carry it`, at);
    }
    const p = jsonPath(name);
    if (!p) return this.bad('XLATE-UNMAPPED-FIELD', `field name '${name}' cannot be written as a JSON path`, at);
    if (this.st?.untranslated_aliases?.includes(name)) {
      return this.bad('XLATE-UNMAPPED-FIELD', `'${name}' is a computed add-on field of ${this.sourcetype} that the SQL target does not reproduce`, at,
        'use the raw log field it is computed from');
    }
    const own = this.recordValue(p.multivalue ? 'mv' : 'str', p.path, name, at);
    const alias = this.st?.aliases?.[name];
    if (!alias || viaAlias) return own;
    if (own.type === 'mv') {
      // A multivalue layout bridge (Google's `data.` envelope): the list of the first field that has values;
      // sl_mv gives NULL for none, as the native event consults the alias only when the field has no value.
      const parts = 'first' in alias ? alias.first.map((f) => this.sourceField(f, at, true)) : [];
      if (parts.length === 0 || parts.some((c) => c.type !== 'mv')) {
        return this.bad('XLATE-UNMAPPED-FIELD', `'${name}' of ${this.sourcetype} is multivalue, its add-on alias is not`, at);
      }
      return { text: `coalesce(${[own.text, ...parts.map((c) => c.text)].join(', ')})`, type: 'mv' };
    }
    // An add-on alias applies only when the record has no field of that name (src/ingest/aliases.ts).
    const fallback =
      'constant' in alias ? [sqlString(alias.constant)]
      : 'first' in alias ? alias.first.map((f) => this.sourceField(f, at, true).text)
      : alias.json_paths.map((p) => this.recordValue('str', p, p.replace(/^\$\./, '').replace(/"/g, ''), at).text);
    return { text: `coalesce(${[own.text, ...fallback].join(', ')})`, type: 'string' };
  }

  // ------------------------------------------------------------ values

  expr(e: PlanExpr): Code {
    return dispatchExpr(this.valueHandlers, e);
  }

  num(c: Code): string {
    return c.type === 'number' || c.type === 'null' ? c.text : `TRY_CAST(${c.text} AS DOUBLE)`;
  }

  str(c: Code): string {
    return c.type === 'string' || c.type === 'null' ? c.text : `CAST(${c.text} AS VARCHAR)`;
  }

  scalar(c: Code, what: string): string {
    if (c.type === 'mv') return this.problems.unsupported('XLATE-MULTIVALUE-FIELD', `${what} on a multivalue field is not translated to SQL`);
    return c.text;
  }

  private readonly valueHandlers: ExprHandlers<PlanExpr['kind'], Code> = {
    field: (e) => this.field(e.name),
    literal: (e) => {
      const v = e.value;
      if (v === null) return { text: 'NULL', type: 'null', literal: true };
      if (typeof v === 'string') return { text: sqlString(v), type: 'string', literal: true };
      if (typeof v === 'number') return { text: String(v), type: 'number', literal: true };
      if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', type: 'bool', literal: true };
      return this.bad('XLATE-UNSUPPORTED-LITERAL', 'multivalue literal');
    },
    call: (e) => sqlFunction(this, e),
    arith: (e) => {
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      if (e.op === '+' && l.type === 'string' && r.type === 'string') return this.bad('XLATE-UNSUPPORTED-OPERATOR', '`+` on two strings');
      const op = e.op === '%' ? '%' : e.op;
      return { text: `(${this.num(l)} ${op} ${this.num(r)})`, type: 'number' };
    },
    concat: (e) => ({ text: `(${this.str(this.expr(e.left))} || ${this.str(this.expr(e.right))})`, type: 'string' }),
    neg: (e) => ({ text: `(-${this.num(this.expr(e.operand))})`, type: 'number' }),
    ...conditionHandlers((e) => this.bool(e)),
  };

  // ------------------------------------------------------------ conditions

  bool(e: PlanExpr): string {
    switch (e.kind) {
      case 'and':
        return `(${e.items.map((i) => this.bool(i)).join(' AND ')})`;
      case 'or':
        return `(${this.orItems(e.items).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.bool(e.operand)})`;
      case 'xor':
        return `(${this.bool(e.left)} <> ${this.bool(e.right)})`;
      case 'literal':
        if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
        return this.problems.unsupported('XLATE-NOT-BOOLEAN', 'a literal used as a condition');
      case 'compare': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        const ls = this.scalar(l, 'comparison');
        const rs = this.scalar(r, 'comparison');
        if (l.type === 'number' || r.type === 'number') return `(${this.num({ ...l, text: ls })} ${SQL_OP[e.op]} ${this.num({ ...r, text: rs })})`;
        return `(${this.str({ ...l, text: ls })} ${SQL_OP[e.op]} ${this.str({ ...r, text: rs })})`;
      }
      case 'inList': {
        const t = this.expr(e.expr);
        const items = e.list.map((i) => this.expr(i));
        const numeric = items.every((i) => i.type === 'number');
        const lhs = this.scalar(t, 'IN');
        return `(${numeric ? this.num({ ...t, text: lhs }) : this.str({ ...t, text: lhs })} IN (${items.map((i) => (numeric ? i.text : this.str(i))).join(', ')}))`;
      }
      case 'like': {
        const t = this.expr(e.expr);
        return `(${this.str({ ...t, text: this.scalar(t, 'like') })} LIKE ${this.str(this.expr(e.pattern))})`;
      }
      case 'searchMatch':
        return this.searchMatch(e);
      case 'searchTerm':
        return this.problems.unsupported('XLATE-RAW-TERM', `bare search term '${e.pattern.text}': Splunk matches indexed terms of _raw, which SQL cannot reproduce`, null,
          'match a named field instead');
      case 'call':
        return this.expr(e).text;
      case 'field':
      case 'arith':
      case 'concat':
      case 'neg':
        return this.problems.unsupported('XLATE-NOT-BOOLEAN', `'${e.kind}' used as a condition`);
    }
  }

  /**
   * The terms of an OR. Exact matches of one field (`f=a OR f=b`, `f IN (a, b)` in a search) become one
   * list_contains, so the field is read once per record instead of once per value; a single match of a
   * multivalue or any other term is translated on its own. Both forms are two-valued, so the result is the same.
   */
  private orItems(items: readonly PlanExpr[]): string[] {
    type Match = Extract<PlanExpr, { kind: 'searchMatch' }>;
    const groups = new Map<string, Match[]>();
    const out: (string | Match[])[] = [];
    for (const i of items) {
      const exact = i.kind === 'searchMatch' && i.op === '=' && patternShape(i.pattern).kind === 'exact' && this.field(i.field).type !== 'mv';
      if (!exact) {
        out.push(this.bool(i));
        continue;
      }
      const key = `${i.pattern.caseSensitive ? 'cs' : 'ci'} ${i.field}`;
      let g = groups.get(key);
      if (!g) {
        g = [];
        groups.set(key, g);
        out.push(g);
      }
      g.push(i);
    }
    return out.map((o) => {
      if (typeof o === 'string') return o;
      if (o.length === 1) return this.bool(o[0]!);
      const cs = o[0]!.pattern.caseSensitive;
      const v = this.str(this.field(o[0]!.field));
      const values = [...new Set(o.map((m) => (cs ? m.pattern.text : m.pattern.text.toLowerCase())))];
      return `coalesce(list_contains([${values.map(sqlString).join(', ')}], ${cs ? v : `lower(${v})`}), false)`;
    });
  }

  /** One value against the pattern (case-insensitive unless CASE()). */
  private matchOne(v: string, e: Extract<PlanExpr, { kind: 'searchMatch' }>): string {
    const cs = e.pattern.caseSensitive;
    const lv = cs ? v : `lower(${v})`;
    const norm = (s: string) => (cs ? s : s.toLowerCase());
    const shape = patternShape(e.pattern);
    switch (shape.kind) {
      case 'exists':
        return `(${v} IS NOT NULL)`;
      case 'exact':
        return `(${lv} = ${sqlString(norm(shape.text))})`;
      default: {
        const parts = e.pattern.text.split('*').map((s) => likeEscape(norm(s)));
        return `(${lv} LIKE ${sqlString(parts.join('%'))} ESCAPE '\\')`;
      }
    }
  }

  private searchMatch(e: Extract<PlanExpr, { kind: 'searchMatch' }>): string {
    const f = this.field(e.field);
    if (e.op === '=' || e.op === '!=') {
      if (f.type === 'mv') {
        if (e.op === '!=') return this.problems.unsupported('XLATE-MULTIVALUE-FIELD', `${e.field}!=...: '!=' on a multivalue field is not translated`);
        return `coalesce(len(list_filter(${f.text}, x -> ${this.matchOne('x', e)})) > 0, false)`;
      }
      const v = this.str(f);
      const m = `coalesce(${this.matchOne(v, e)}, false)`;
      return e.op === '=' ? m : `(${v} IS NOT NULL AND NOT ${m})`;
    }
    const n = searchNumber(this.problems, e);
    if (typeof n === 'string') return n;
    return `coalesce(${this.num({ ...f, text: this.scalar(f, 'numeric search') })} ${SQL_OP[e.op]} ${n}, false)`;
  }

  // ------------------------------------------------------------ operators

  op(n: PlanNode): void {
    this.problems.context = n.span ?? this.problems.context;
    dispatchNode(this.nodeHandlers, n, this.unsupportedNode);
  }

  private unsupportedNode = (n: PlanNode): void => reportUnsupportedNode(this.problems, 'SQL', n);

  /** `SELECT *, expr AS name`, or REPLACE when the column already exists. */
  assign(name: string, c: Code): void {
    const exists = this.scope.resolve(name).kind === 'column';
    const item = `${c.text} AS ${sqlIdent(name)}`;
    this.push((from) => (exists ? `SELECT * REPLACE (${item}) FROM ${from}` : `SELECT *, ${item} FROM ${from}`));
    this.scope.define(name, c.type === 'null' ? 'string' : c.type);
  }

  private readonly nodeHandlers: NodeHandlers<void> = {
    ...unsupportedNodes(this.unsupportedNode),
    filter: (n) => {
      const cond = this.bool(n.predicate);
      this.push((from) => `SELECT * FROM ${from} WHERE ${cond}`);
    },
    eval: (n) => {
      for (const a of n.assignments) this.assign(a.field, this.expr(a.expr));
    },
    aggregate: (n) => this.aggregate(n),
    table: (n) => this.project(n.fields, n),
    fields: (n) => {
      if (!n.remove) return this.project(n.fields, n);
      const cols: string[] = [];
      for (const f of n.fields) {
        if (f.includes('*')) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', `fields - ${f}: wildcard field lists are not translated`, n);
        if (this.scope.resolve(f).kind === 'column') cols.push(sqlIdent(f));
        this.scope.drop(f);
      }
      if (cols.length) this.push((from) => `SELECT * EXCLUDE (${cols.join(', ')}) FROM ${from}`);
    },
    rename: (n) => {
      for (const p of n.pairs) {
        if (p.from.includes('*') || p.to.includes('*')) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', 'wildcard rename', n);
        const c = this.field(p.from, n);
        const wasColumn = this.scope.resolve(p.from).kind === 'column';
        if (this.scope.resolve(p.to).kind === 'column') {
          this.push((from) => `SELECT * EXCLUDE (${sqlIdent(p.to)}) FROM ${from}`);
          this.scope.drop(p.to);
        }
        this.assign(p.to, c);
        if (wasColumn) this.push((from) => `SELECT * EXCLUDE (${sqlIdent(p.from)}) FROM ${from}`);
        this.scope.drop(p.from);
      }
    },
    sort: (n) => {
      const keys = n.keys.map((k) => `${sortKeyValue(this, k, n)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`);
      this.push((from) => `SELECT * FROM ${from} ORDER BY ${keys.join(', ')}${n.limit > 0 ? ` LIMIT ${n.limit}` : ''}`);
    },
    head: (n) => {
      if (n.predicate) return void this.problems.unsupported('XLATE-UNSUPPORTED-COMMAND', 'head with a condition', n);
      this.push((from) => `SELECT * FROM ${from} LIMIT ${n.count}`);
    },
    lookup: (n) => sqlLookup(this, n),
  };

  private project(fields: readonly string[], n: PlanNode): void {
    const items: string[] = [];
    const cols: [string, ColType][] = [];
    for (const f of fields) {
      if (wildcardField(this.problems, f, n)) continue;
      const c = this.field(f, n);
      items.push(`${c.text} AS ${sqlIdent(f)}`);
      cols.push([f, c.type === 'null' ? 'string' : c.type]);
    }
    this.push((from) => `SELECT ${items.join(', ')} FROM ${from}`);
    this.scope.project(cols);
    this.projected = true;
  }

  private aggregate(n: Extract<PlanNode, { kind: 'aggregate' }>): void {
    if (!statsSupported(this.problems, n, 'SQL')) return;
    const by = n.by.map((f) => {
      const c = this.field(f, n);
      if (c.type === 'mv') this.problems.unsupported('XLATE-MULTIVALUE-FIELD', `stats BY multivalue field '${f}' is not translated`, n);
      return { name: f, code: c };
    });
    const aggs = n.aggregations.map((a) => this.aggregation(a, n));
    const select = [...by.map((b) => `${b.code.text} AS ${sqlIdent(b.name)}`), ...aggs.map((a) => `${a.text} AS ${sqlIdent(a.name)}`)];
    // Splunk drops events whose BY fields are missing (no null group).
    const where = by.length ? ` WHERE ${by.map((b) => `${b.code.text} IS NOT NULL`).join(' AND ')}` : '';
    const group = by.length ? ` GROUP BY ${by.map((_, i) => i + 1).join(', ')}` : '';
    this.push((from) => `SELECT ${select.join(', ')} FROM ${from}${where}${group}`);
    this.projected = true;
    this.scope.project([...by.map((b) => [b.name, b.code.type === 'null' ? 'string' : b.code.type] as [string, ColType]), ...aggs.map((a) => [a.name, a.type] as [string, ColType])]);
  }

  private aggregation(a: PlanAggregation, n: PlanNode): { name: string; text: string; type: ColType } {
    const arg = a.arg ? this.expr(a.arg) : null;
    const one = (what: string) => (arg ? this.scalar(arg, what) : '');
    switch (a.fn) {
      case 'count':
        return { name: a.as, text: arg ? `count(${one('count()')})` : 'count(*)', type: 'number' };
      case 'dc':
      case 'distinct_count':
        if (!arg) break;
        return { name: a.as, text: `count(DISTINCT ${this.str({ ...arg, text: one('dc()') })})`, type: 'number' };
      case 'values': {
        if (!arg) break;
        const v = this.str({ ...arg, text: one('values()') });
        // Splunk: distinct values in lexicographic order; no values at all means no field.
        return { name: a.as, text: `CASE WHEN count(${v}) = 0 THEN NULL ELSE list_sort(list_distinct(list(${v}))) END`, type: 'mv' };
      }
      case 'list': {
        if (!arg) break;
        const v = this.str({ ...arg, text: one('list()') });
        return { name: a.as, text: `CASE WHEN count(${v}) = 0 THEN NULL ELSE list(${v}) FILTER (WHERE ${v} IS NOT NULL) END`, type: 'mv' };
      }
      case 'min':
      case 'max':
      case 'sum':
      case 'avg':
        if (!arg) break;
        return { name: a.as, text: `${a.fn}(${this.num({ ...arg, text: one(`${a.fn}()`) })})`, type: 'number' };
    }
    this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', `aggregate ${a.fn}() has no SQL translation`, n);
    return { name: a.as, text: 'NULL', type: 'string' };
  }
}
