// Translates one branch (scan + operators) of a plan into a KQL tabular expression over a Sentinel table.
// Filters are emitted in negation normal form with explicit emptiness guards, because KQL strings have no
// null (a missing value is ""), while Splunk's `NOT x="a"` over a missing x is not true (spl-semantics.md).
// A multivalue is a dynamic array of strings (null when empty); per-value tests are counted by mv-apply lines
// placed before the operator that needs them (json-multivalue.ts).

import type { PlanExpr, PlanNode, CompareOp } from '../../plan/nodes.ts';
import { SightlineError } from '../../core/diagnostics.ts';
import { translatePcre } from '../../core/regex.ts';
import { dispatchExpr, dispatchNode, type ExprHandlers, type NodeHandlers, type Problems } from '../backend.ts';
import { conditionHandlers, pushNegation, reportUnsupportedNode, searchNumber, sortKeyValue, unsupportedNodes, unsupportedValue, wildcardField } from '../branch-common.ts';
import { Scope, type ColType } from '../scope.ts';
import { patternShape, globToRegex } from '../pattern-shape.ts';
import { lookupField, type SourcetypeMapping } from '../target-mapping.ts';
import { kqlIdent, kqlMember, kqlString } from './quoting.ts';
import { kqlFunction } from './functions.ts';
import { kqlLookup } from './lookup.ts';
import { kqlAggregate } from './aggregate.ts';
import { countValuesApply, jsonSteps, multivalueApply } from './json-multivalue.ts';

export interface Code {
  readonly text: string;
  readonly type: ColType | 'null';
  /** A literal (needs no emptiness guard). */
  readonly literal?: boolean;
}

const JOINERS = { and: ' and ', or: ' or ' };
const INVERSE: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const KQL_OP: Record<CompareOp, string> = { '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class KqlBranch {
  readonly scope = new Scope();
  readonly lines: string[] = [];
  /**
   * While one operator is translated: the lines it needs first (mv-apply steps that compute per-value tests or
   * multivalue JSON fields) and the helper columns they add, dropped again after the operator.
   */
  private preludes: string[] = [];
  private helpers: string[] = [];
  private helperCount = 0;
  /** Multivalue JSON fields already computed for the current operator (field name -> helper column). */
  private readonly mvColumns = new Map<string, string>();

  constructor(
    readonly problems: Problems,
    readonly sourcetype: string,
    readonly mapping: SourcetypeMapping,
    /** Columns other branches of the union create; absent here, so they project as empty. */
    readonly otherBranchColumns: ReadonlySet<string> = new Set(),
    readonly lookupDirs: readonly string[] = [],
  ) {}

  // ------------------------------------------------------------ fields

  field(name: string, at?: unknown): Code {
    const r = this.scope.resolve(name);
    if (r.kind === 'column') return { text: kqlIdent(name), type: r.type };
    // After a projection a field that was not kept is simply null, as in Splunk.
    if (r.kind === 'missing') return { text: 'dynamic(null)', type: 'null', literal: true };
    if (name === 'sourcetype') return { text: kqlString(this.sourcetype), type: 'string', literal: true };
    const m = lookupField(this.mapping, name);
    if (m.kind === 'none' && name.includes('{')) return this.jsonMultivalue(name) ?? this.bad('XLATE-MULTIVALUE-FIELD', `multivalue field '${name}' has no KQL mapping`, at);
    if (m.kind === 'entry') return { text: m.text, type: m.type };
    if (m.kind === 'json') return { text: jsonScalar(`parse_json(${m.column})${m.path.map(kqlMember).join('')}`), type: 'string' };
    return this.bad('XLATE-UNMAPPED-FIELD', `field '${name}' of ${this.sourcetype} has no column in the KQL mapping`, at,
      'add it to src/backends/kql/mapping.yml if the Sentinel table has it');
  }

  /** `prefix.a{}.b{}` under a JSON-text column: a helper column computed before the operator (json-multivalue.ts). */
  private jsonMultivalue(name: string): Code | null {
    const known = this.mvColumns.get(name);
    if (known) return { text: known, type: 'mv' };
    for (const [prefix, column] of Object.entries(this.mapping.json_prefixes ?? {})) {
      if (!name.startsWith(`${prefix}.`)) continue;
      const steps = jsonSteps(name.slice(prefix.length + 1));
      if (!steps) return null;
      const helper = this.helper('__sl_mv');
      this.preludes.push(multivalueApply(column, steps, helper));
      this.mvColumns.set(name, helper);
      return { text: helper, type: 'mv' };
    }
    return null;
  }

  /** A helper column computed by a line before the current operator (`build` gets the column's name). */
  withHelper(stem: string, build: (column: string) => string): string {
    const column = this.helper(stem);
    this.preludes.push(build(column));
    return column;
  }

  /** A new helper column name for the current operator. */
  private helper(stem: string): string {
    const name = `${stem}${++this.helperCount}`;
    this.helpers.push(name);
    return name;
  }

  bad(code: string, message: string, at?: unknown, hint?: string): Code {
    return unsupportedValue(this.problems, code, message, at, hint);
  }

  // ------------------------------------------------------------ values

  expr(e: PlanExpr): Code {
    return dispatchExpr(this.valueHandlers, e);
  }

  /** A string view of a value (non-string types through tostring()). */
  str(c: Code): string {
    // tostring() of an array is its JSON text: a multivalue is never silently turned into one string.
    if (c.type === 'mv') return this.problems.unsupported('XLATE-MULTIVALUE-FIELD', 'a multivalue used where KQL needs a single value');
    return c.type === 'string' || c.type === 'null' ? c.text : `tostring(${c.text})`;
  }

  num(c: Code): string {
    return c.type === 'number' ? c.text : `todouble(${c.text})`;
  }

  /** KQL has no null string: "is missing" is isempty() for strings, isnull() for other types. */
  present(c: Code): string {
    return c.type === 'string' ? `isnotempty(${c.text})` : `isnotnull(${c.text})`;
  }

  private readonly valueHandlers: ExprHandlers<PlanExpr['kind'], Code> = {
    field: (e) => this.field(e.name),
    literal: (e) => {
      const v = e.value;
      if (v === null) return { text: 'dynamic(null)', type: 'null', literal: true };
      if (typeof v === 'string') return { text: kqlString(v), type: 'string', literal: true };
      if (typeof v === 'number') return { text: String(v), type: 'number', literal: true };
      if (typeof v === 'boolean') return { text: String(v), type: 'bool', literal: true };
      return this.bad('XLATE-UNSUPPORTED-LITERAL', 'multivalue literal');
    },
    call: (e) => kqlFunction(this, e),
    arith: (e) => {
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      // _time is a datetime here: the difference of two times is Splunk's difference in seconds.
      if (l.type === 'time' && r.type === 'time' && e.op === '-') return { text: `((${l.text} - ${r.text}) / 1s)`, type: 'number' };
      // Other arithmetic on a time reads it as Splunk does, as epoch seconds (floor(_time / 86400) is the day).
      if (l.type === 'time' || r.type === 'time') return { text: `(${this.num(epochSeconds(l))} ${e.op} ${this.num(epochSeconds(r))})`, type: 'number' };
      if (e.op === '+' && (l.type === 'string' || r.type === 'string') && (l.literal || r.literal) && !(l.type === 'number' || r.type === 'number')) {
        return this.bad('XLATE-UNSUPPORTED-OPERATOR', '`+` on strings: use `.` to concatenate');
      }
      return { text: `(${this.num(l)} ${e.op} ${this.num(r)})`, type: 'number' };
    },
    concat: (e) => {
      const l = this.expr(e.left);
      const r = this.expr(e.right);
      // Splunk: concatenating a null gives null; KQL strcat would treat "" as a value.
      return { text: `iif(${this.present(l)} and ${this.present(r)}, strcat(${this.str(l)}, ${this.str(r)}), "")`, type: 'string' };
    },
    neg: (e) => ({ text: `-(${this.num(this.expr(e.operand))})`, type: 'number' }),
    ...conditionHandlers((e) => this.bool(e)),
  };

  // ------------------------------------------------------------ conditions

  /** A condition that is true exactly when Splunk's is true (negation pushed to the leaves). */
  bool(e: PlanExpr, negated = false): string {
    switch (e.kind) {
      case 'and':
      case 'or':
      case 'not':
      case 'literal':
        return pushNegation(this, e, negated, JOINERS);
      case 'compare':
        return this.compare(e.op, e.left, e.right, negated);
      case 'inList':
        return this.inList(e.expr, e.list, negated);
      case 'like': {
        const value = this.expr(e.expr);
        if (e.pattern.kind !== 'literal' || typeof e.pattern.value !== 'string') return this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', 'like() with a computed pattern');
        // like() (function and operator alike, plan/lower-expr.ts) tests the first value of a multivalue
        // (src/exec/compile-expr.ts: firstOf); the multivalue is null when it has no value.
        const c: Code = value.type === 'mv' ? { text: `tostring(${value.text}[0])`, type: 'string' } : value;
        const m = `${this.str(c)} matches regex ${kqlString(likeToRegex(e.pattern.value))}`;
        return negated ? `(${this.present(c)} and not(${m}))` : `(${m})`;
      }
      case 'searchMatch': {
        const m = this.searchMatch(e);
        return negated ? `not(${m})` : m;
      }
      case 'searchTerm':
        return this.problems.unsupported('XLATE-RAW-TERM', `bare search term '${e.pattern.text}' matches _raw, which Sentinel tables do not have`, null,
          'match a named field instead');
      case 'call':
        return this.boolCall(e, negated);
      case 'xor': {
        // Splunk's XOR is null when either side is null (src/exec/compile-expr.ts); bool(x, true) holds exactly
        // when x is false, so "one true and the other false" (or, negated, "both true or both false") is exact.
        const [a, b] = [e.left, e.right];
        return negated
          ? `((${this.bool(a)} and ${this.bool(b)}) or (${this.bool(a, true)} and ${this.bool(b, true)}))`
          : `((${this.bool(a)} and ${this.bool(b, true)}) or (${this.bool(a, true)} and ${this.bool(b)}))`;
      }
      case 'field':
      case 'arith':
      case 'concat':
      case 'neg':
        return this.problems.unsupported('XLATE-NOT-BOOLEAN', `'${e.kind}' used as a condition`);
    }
  }

  private boolCall(e: Extract<PlanExpr, { kind: 'call' }>, negated: boolean): string {
    const arg = (i: number) => this.expr(e.args[i] ?? { kind: 'literal', value: null });
    switch (e.fn) {
      case 'match': {
        const s = arg(0);
        const re = e.args[1];
        if (!re || re.kind !== 'literal' || typeof re.value !== 'string') return this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', 'match() with a computed regex');
        let pattern: string;
        try {
          pattern = translatePcre(re.value);
        } catch (err) {
          if (err instanceof SightlineError) return this.problems.unsupported(err.diagnostic.code, err.diagnostic.message);
          throw err;
        }
        // On a multivalue, match() holds when any value matches (src/functions/scalar/comparison.ts anyValue).
        if (s.type === 'mv') return this.anyValue(s, '__sl_v', `__sl_v matches regex ${kqlString(pattern)}`, negated);
        const m = `${this.str(s)} matches regex ${kqlString(pattern)}`;
        return negated ? `(${this.present(s)} and not(${m}))` : `(${m})`;
      }
      case 'isnull':
      case 'isnotnull': {
        const c = arg(0);
        const wantPresent = (e.fn === 'isnotnull') !== negated;
        return wantPresent ? this.present(c) : `not(${this.present(c)})`;
      }
      case 'like':
        return this.bool({ kind: 'like', expr: e.args[0]!, pattern: e.args[1]! }, negated);
      case 'cidrmatch': {
        const ip = arg(1);
        const cidr = arg(0);
        // An IPv6 network cannot be tested with ipv4_is_in_range: fail closed rather than never match.
        if (!cidr.literal || cidr.text.includes(':')) return this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', 'cidrmatch() is translated for a literal IPv4 network only');
        // ipv4_is_in_range is null for a value that is not an IPv4 address (an IPv6 one): Splunk says false.
        const inRange = (v: string) => `coalesce(ipv4_is_in_range(${v}, ${cidr.text}), false)`;
        if (ip.type === 'mv') {
          // Any value in the network (Splunk's cidrmatch over a multivalue): the matching values are counted
          // before the operator; a null or empty array counts 0 and keeps its row (countValuesApply).
          const column = this.helper('__sl_cidr');
          this.preludes.push(countValuesApply(ip.text, '__sl_ip', inRange('__sl_ip'), column));
          return negated ? `(${this.present(ip)} and ${column} == 0)` : `(${column} > 0)`;
        }
        const m = inRange(this.str(ip));
        return negated ? `(${this.present(ip)} and not(${m}))` : m;
      }
      case 'true':
        return String(!negated);
      case 'false':
        return String(negated);
      default:
        return this.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', `${e.fn}() used as a condition has no KQL translation`);
    }
  }

  private compare(op: CompareOp, left: PlanExpr, right: PlanExpr, negated: boolean): string {
    const l = this.expr(left);
    const r = this.expr(right);
    if (l.type === 'mv' || r.type === 'mv') return this.compareAny(op, l, r, negated);
    const effective = negated ? INVERSE[op] : op;
    if (l.type === 'time' && r.type === 'time') {
      const guards = [l, r].filter((c) => !c.literal).map((c) => `isnotnull(${c.text})`);
      return `(${[...guards, `${l.text} ${KQL_OP[effective]} ${r.text}`].join(' and ')})`;
    }
    if (l.type === 'time' || r.type === 'time') return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', 'comparison of _time with a non-time value');
    const numeric = l.type === 'number' || r.type === 'number';
    let test: string;
    if (numeric) test = `${this.num(l)} ${KQL_OP[effective]} ${this.num(r)}`;
    else if (effective === '=' || effective === '!=') test = `${this.str(l)} ${KQL_OP[effective]} ${this.str(r)}`;
    else test = `strcmp(${this.str(l)}, ${this.str(r)}) ${KQL_OP[effective]} 0`;
    // Comparisons with a missing operand are never true in Splunk; KQL would compare against "".
    const guards = [l, r].filter((c) => !c.literal).map((c) => (numeric ? `isnotnull(${this.num(c)})` : this.present(c)));
    const needGuard = effective !== '=' || numeric || (!l.literal && !r.literal);
    return needGuard && guards.length ? `(${[...guards, test].join(' and ')})` : `(${test})`;
  }

  /**
   * eval/where comparison with a multivalue operand: true when any value compares true (src/exec/compare-values.ts
   * evalCompare), so NOT is "present and no value compares true", not the inverse operator. Only a literal other
   * side is translated: the per-value count runs inside mv-apply, whose subquery sees the expanded values only.
   */
  private compareAny(op: CompareOp, l: Code, r: Code, negated: boolean): string {
    const [mv, other] = l.type === 'mv' ? [l, r] : [r, l];
    if (!other.literal || other.type === 'mv') return this.problems.unsupported('XLATE-MULTIVALUE-FIELD', 'a multivalue compared with a value that is not a literal');
    if (other.type === 'null') return 'false';
    const v = '__sl_v';
    const numeric = other.type === 'number';
    const value = numeric ? `todouble(${v})` : v;
    const [a, b] = l.type === 'mv' ? [value, other.text] : [other.text, value];
    const cmp = numeric || op === '=' || op === '!=' ? `${a} ${KQL_OP[op]} ${b}` : `strcmp(${a}, ${b}) ${KQL_OP[op]} 0`;
    return this.anyValue(mv, v, numeric ? `isnotnull(${value}) and ${cmp}` : cmp, negated);
  }

  /** `any value passes test` (or, negated, `present and no value passes`), counted before the operator. */
  private anyValue(mv: Code, value: string, test: string, negated: boolean): string {
    const column = this.helper('__sl_any');
    this.preludes.push(countValuesApply(mv.text, value, test, column));
    return negated ? `(${this.present(mv)} and ${column} == 0)` : `(${column} > 0)`;
  }

  private inList(target: PlanExpr, list: readonly PlanExpr[], negated: boolean): string {
    const t = this.expr(target);
    const items = list.map((i) => this.expr(i));
    if (items.some((i) => !i.literal)) return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', 'IN with non-literal values');
    const numeric = items.every((i) => i.type === 'number');
    const set = `(${items.map((i) => i.text).join(', ')})`;
    // A multivalue is in the list when any of its values is (the native inList compares each with `=`).
    if (t.type === 'mv') return this.anyValue(t, '__sl_v', `${numeric ? 'todouble(__sl_v)' : '__sl_v'} in ${set}`, negated);
    const lhs = numeric ? this.num(t) : this.str(t);
    return negated ? `(${this.present(t)} and ${lhs} !in ${set})` : `(${lhs} in ${set})`;
  }

  /** Splunk search `field=value`: case-insensitive, wildcards, `!=` needs the field to exist. */
  private searchMatch(e: Extract<PlanExpr, { kind: 'searchMatch' }>): string {
    const f = this.field(e.field);
    if (f.type === 'time') return this.problems.unsupported('XLATE-UNSUPPORTED-OPERATOR', `search comparison on ${e.field}`);
    if (f.type === 'mv') return this.searchMatchAny(e, f);
    const s = this.str(f);
    if (e.op === '!=') return patternShape(e.pattern).kind === 'exists' ? 'false' : `(isnotempty(${s}) and not(${this.searchTest(s, e)}))`;
    return `(${this.searchTest(s, e)})`;
  }

  /** The test of one string value against a search comparison, unparenthesised (`!=` tested as `=`: the caller negates). */
  private searchTest(s: string, e: Extract<PlanExpr, { kind: 'searchMatch' }>): string {
    if (e.op === '=' || e.op === '!=') {
      const cs = e.pattern.caseSensitive;
      const shape = patternShape(e.pattern);
      switch (shape.kind) {
        case 'exists': return `isnotempty(${s})`;
        case 'exact': return `${s} ${cs ? '==' : '=~'} ${kqlString(shape.text)}`;
        case 'prefix': return `${s} ${cs ? 'startswith_cs' : 'startswith'} ${kqlString(shape.text)}`;
        case 'suffix': return `${s} ${cs ? 'endswith_cs' : 'endswith'} ${kqlString(shape.text)}`;
        case 'contains': return `${s} ${cs ? 'contains_cs' : 'contains'} ${kqlString(shape.text)}`;
        case 'glob': return `${s} matches regex ${kqlString((cs ? '' : '(?i)') + globToRegex(shape.parts))}`;
      }
    }
    const n = searchNumber(this.problems, e);
    return typeof n === 'string' ? n : `todouble(${s}) ${KQL_OP[e.op]} ${n}`;
  }

  /**
   * Search on a multivalue: `=` and the ordered comparisons hold when any value matches, `!=` when the field
   * exists and no value matches (src/exec/compare-values.ts compileSearchMatch; spl-semantics.md "Multivalue
   * fields in search"). The matching values are counted per row by an mv-apply before the operator.
   */
  private searchMatchAny(e: Extract<PlanExpr, { kind: 'searchMatch' }>, f: Code): string {
    if (e.op === '!=' && patternShape(e.pattern).kind === 'exists') return 'false';
    return this.anyValue(f, '__sl_v', this.searchTest('__sl_v', e), e.op === '!=');
  }

  // ------------------------------------------------------------ operators

  op(n: PlanNode): void {
    this.problems.context = n.span ?? this.problems.context;
    const start = this.lines.length;
    this.preludes = [];
    this.helpers = [];
    this.mvColumns.clear();
    dispatchNode(this.nodeHandlers, n, this.unsupportedNode);
    // Helper columns go before the operator's lines, and away after them unless it projected them out.
    if (this.preludes.length) this.lines.splice(start, 0, ...this.preludes);
    const projects = n.kind === 'table' || n.kind === 'aggregate' || (n.kind === 'fields' && !n.remove);
    if (this.helpers.length && !projects) this.lines.push(`| project-away ${this.helpers.join(', ')}`);
  }

  private unsupportedNode = (n: PlanNode): void => reportUnsupportedNode(this.problems, 'KQL', n);

  private readonly nodeHandlers: NodeHandlers<void> = {
    ...unsupportedNodes(this.unsupportedNode),
    filter: (n) => void this.lines.push(`| where ${this.bool(n.predicate)}`),
    eval: (n) => {
      for (const a of n.assignments) {
        const c = this.expr(a.expr);
        this.lines.push(`| extend ${kqlIdent(a.field)} = ${c.text}`);
        this.scope.define(a.field, c.type === 'null' ? 'string' : c.type);
      }
    },
    aggregate: (n) => kqlAggregate(this, n),
    table: (n) => this.project(n.fields, n),
    fields: (n) => {
      if (!n.remove) return this.project(n.fields, n);
      for (const f of n.fields) {
        if (f.includes('*')) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', `fields - ${f}: wildcard field lists are not translated`, n);
        const r = this.scope.resolve(f);
        if (r.kind === 'column') this.lines.push(`| project-away ${kqlIdent(f)}`);
        this.scope.drop(f);
      }
    },
    rename: (n) => {
      for (const p of n.pairs) {
        if (p.from.includes('*') || p.to.includes('*')) return void this.problems.unsupported('XLATE-WILDCARD-FIELDS', 'wildcard rename', n);
        const r = this.scope.resolve(p.from);
        const c = this.field(p.from, n);
        if (r.kind === 'column') this.lines.push(`| project-rename ${kqlIdent(p.to)} = ${kqlIdent(p.from)}`);
        else this.lines.push(`| extend ${kqlIdent(p.to)} = ${c.text}`);
        this.scope.drop(p.from);
        this.scope.define(p.to, c.type === 'null' ? 'string' : c.type);
      }
    },
    sort: (n) => {
      // Splunk sorts a multivalue by its first value with the key's own type rules; a dynamic sort key is not that.
      const mv = n.keys.find((k) => this.field(k.field, n).type === 'mv');
      if (mv) return void this.problems.unsupported('XLATE-MULTIVALUE-FIELD', `sort by the multivalue field '${mv.field}'`, n);
      const keys = n.keys.map((k) => `${sortKeyValue(this, k, n)} ${k.descending ? 'desc' : 'asc'}`);
      this.lines.push(`| sort by ${keys.join(', ')}`);
      if (n.limit > 0) this.lines.push(`| take ${n.limit}`);
    },
    head: (n) => {
      if (n.predicate) return void this.problems.unsupported('XLATE-UNSUPPORTED-COMMAND', 'head with a condition', n);
      this.lines.push(`| take ${n.count}`);
    },
    lookup: (n) => kqlLookup(this, n),
  };

  private project(fields: readonly string[], n: PlanNode): void {
    const items: string[] = [];
    const cols: [string, ColType][] = [];
    for (const f of fields) {
      if (wildcardField(this.problems, f, n)) continue;
      const r = this.scope.resolve(f);
      // A field absent here (not kept earlier, or another branch's): leave it out; a union fills it with
      // null, and a single query simply has no such column (null in Splunk's terms).
      if (r.kind === 'missing' || (r.kind === 'source' && this.otherBranchColumns.has(f) && lookupField(this.mapping, f).kind === 'none')) continue;
      const c = this.field(f, n);
      items.push(r.kind === 'column' ? kqlIdent(f) : `${kqlIdent(f)} = ${c.text}`);
      cols.push([f, c.type === 'null' ? 'string' : c.type]);
    }
    this.lines.push(`| project ${items.join(', ')}`);
    this.scope.project(cols);
  }
}

/** A datetime as Splunk's _time, epoch seconds (a real: sub-second precision is kept); other values as they are. */
function epochSeconds(c: Code): Code {
  return c.type === 'time' ? { text: `((${c.text} - datetime(1970-01-01)) / 1s)`, type: 'number' } : c;
}

/**
 * A single JSON value as Splunk extracts it: objects and arrays are not field values (they have deeper names),
 * so they read as missing (""), while tostring() would give their JSON text.
 */
function jsonScalar(value: string): string {
  return `tostring(iif(gettype(${value}) in ("array", "dictionary"), dynamic(null), ${value}))`;
}

/** SQL LIKE (`%`, `_`) as an anchored RE2 regex. */
export function likeToRegex(p: string): string {
  let out = '^';
  for (const ch of p) {
    if (ch === '%') out += '.*';
    else if (ch === '_') out += '.';
    else out += /[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
  }
  return out + '$';
}
