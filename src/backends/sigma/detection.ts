// Turns a branch's filter conditions (eval definitions already substituted) into Sigma selections and a
// condition string. Negation is pushed to the leaves first: Splunk's where-comparisons are not true on a
// missing field while Sigma's `not selection` is, so a negated comparison also requires the field to exist.
// coalesce(a, b) is split by which argument is present (`a|exists`, else `not a|exists`), as SPL picks it.

import type { CompareOp, PlanExpr } from '../../plan/nodes.ts';
import type { Problems } from '../backend.ts';
import { sigmaLiteral, type SigmaSelection, type SigmaValue } from './model.ts';

/** A single field condition: the field (with modifiers) matches any of the values. */
interface Leaf {
  readonly key: string;
  readonly values: readonly SigmaValue[];
}

type Tree =
  | { readonly op: 'and' | 'or'; readonly items: readonly Tree[] }
  | { readonly op: 'not'; readonly item: Tree }
  | { readonly op: 'leaf'; readonly leaf: Leaf }
  | { readonly op: 'const'; readonly value: boolean };

const NUMERIC_MOD: Partial<Record<CompareOp, string>> = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const INVERSE: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

const leaf = (key: string, values: readonly SigmaValue[]): Tree => ({ op: 'leaf', leaf: { key, values } });
const not = (item: Tree): Tree => ({ op: 'not', item });
const and = (...items: Tree[]): Tree => ({ op: 'and', items });
const or = (...items: Tree[]): Tree => ({ op: 'or', items });

/** `%`/`_` of SQL LIKE as Sigma wildcards, literal `*`/`?` escaped. */
function likeToSigma(p: string): string {
  let out = '';
  for (const ch of p) out += ch === '%' ? '*' : ch === '_' ? '?' : sigmaLiteral(ch);
  return out;
}

function literalOf(e: PlanExpr): string | number | null {
  if (e.kind !== 'literal') return null;
  return typeof e.value === 'string' || typeof e.value === 'number' ? e.value : null;
}

export class DetectionBuilder {
  private selections: Record<string, SigmaSelection> = {};
  private count = 0;

  constructor(
    private readonly problems: Problems,
    /** Splunk source field -> Sigma field name, or null (reported by the caller's mapper). */
    private readonly fieldName: (splunkField: string) => string | null,
  ) {}

  /** Adds a condition (AND with what was added before); returns nothing, render() builds the detection. */
  private readonly parts: Tree[] = [];

  add(e: PlanExpr): void {
    this.parts.push(this.tree(e, false));
  }

  /**
   * The detection of what was added, for events where the `present` log fields exist and the `missing` ones do
   * not (a coalesce split's variant); callable once per variant. Under those facts a field's `exists` test is a
   * constant and any other test of a missing field is false (a Sigma field condition never matches a field
   * the event lacks), so the variant's detection keeps only what can still differ.
   */
  render(facts: { readonly present: readonly string[]; readonly missing: readonly string[] } = { present: [], missing: [] }): { selections: Record<string, SigmaSelection>; condition: string } | null {
    const names = (fs: readonly string[]) => new Set(fs.map((f) => this.fieldName(f)).filter((f): f is string => f !== null));
    const present = names(facts.present);
    const missing = names(facts.missing);
    const known = (t: Tree): Tree => {
      // A null value matches a missing field (sigma-rules-specification "Null values"): such leaves stay as they are.
      if (t.op === 'leaf' && !t.leaf.values.includes(null)) {
        const [field, ...mods] = t.leaf.key.split('|');
        if (mods.length === 1 && mods[0] === 'exists' && t.leaf.values.length === 1 && typeof t.leaf.values[0] === 'boolean') {
          if (present.has(field!)) return { op: 'const', value: t.leaf.values[0] };
          if (missing.has(field!)) return { op: 'const', value: !t.leaf.values[0] };
        } else if (missing.has(field!)) return { op: 'const', value: false };
        return t;
      }
      if (t.op === 'not') return not(known(t.item));
      if (t.op === 'and' || t.op === 'or') return { op: t.op, items: t.items.map(known) };
      return t;
    };
    const factLeaves = [...[...present].map((f) => leaf(`${f}|exists`, [true])), ...[...missing].map((f) => not(leaf(`${f}|exists`, [true])))];
    const t = simplify(and(...factLeaves, ...this.parts.map(known)));
    this.selections = {};
    this.count = 0;
    if (t.op === 'const') {
      this.problems.unsupported('XLATE-SIGMA-EXPRESSION', t.value ? 'the branch has no field condition: Sigma needs at least one selection' : 'the branch can never match');
      return null;
    }
    const condition = this.renderTree(t, true);
    return { selections: this.selections, condition };
  }

  // ------------------------------------------------------------ expression -> tree

  private sigmaField(e: PlanExpr): string | null {
    if (e.kind !== 'field') {
      this.problems.unsupported('XLATE-SIGMA-EXPRESSION', `a condition on a computed value (${e.kind}${e.kind === 'call' ? ` ${e.fn}()` : ''}) cannot be written as a Sigma field condition`);
      return null;
    }
    return this.fieldName(e.name);
  }

  /** `lower(field)` / `upper(field)`: the field and the case it folds to. */
  private caseFolded(e: PlanExpr): { field: string; fold: (s: string) => string } | null {
    if (e.kind !== 'call' || (e.fn !== 'lower' && e.fn !== 'upper') || e.args[0]?.kind !== 'field') return null;
    return { field: e.args[0].name, fold: e.fn === 'lower' ? (x) => x.toLowerCase() : (x) => x.toUpperCase() };
  }

  /**
   * A test on coalesce(a, b, ...) (optionally inside lower()/upper()): SPL's coalesce returns the first
   * argument that is not null (spl-semantics.md), so the test holds when `a` exists and holds for `a`, or `a`
   * is missing and it holds for `b`, and so on. `build` gets each argument with the same case fold around it
   * and must be false when that argument is missing (every field test here is). Null when `e` is no coalesce.
   */
  private overCoalesce(e: PlanExpr, build: (arg: PlanExpr) => Tree): Tree | null {
    const fold = e.kind === 'call' && (e.fn === 'lower' || e.fn === 'upper') && e.args.length === 1 ? e.fn : null;
    const inner = fold && e.kind === 'call' ? e.args[0]! : e;
    if (inner.kind !== 'call' || inner.fn !== 'coalesce') return null;
    const args = inner.args;
    if (args.length === 0 || args.some((a) => a.kind !== 'field')) return this.fail('coalesce() of computed values has no Sigma field condition');
    const names = args.map((a) => this.fieldName((a as { name: string }).name));
    if (names.some((n) => n === null)) return { op: 'const', value: false };
    return or(...args.map((a, i) => {
      const earlierMissing = names.slice(0, i).map((n) => not(leaf(`${n}|exists`, [true])));
      const chosen = i < args.length - 1 ? [leaf(`${names[i]}|exists`, [true])] : [];
      return and(...earlierMissing, ...chosen, build(fold ? { kind: 'call', fn: fold, args: [a] } : a));
    }));
  }

  /** Whether a value is present: a field, lower()/upper() of one (null in, null out), or coalesce() of fields. */
  private presence(e: PlanExpr): Tree | null {
    const inner = e.kind === 'call' && (e.fn === 'lower' || e.fn === 'upper') && e.args.length === 1 ? e.args[0]! : e;
    if (inner.kind === 'field') {
      const f = this.fieldName(inner.name);
      return f === null ? { op: 'const', value: false } : leaf(`${f}|exists`, [true]);
    }
    if (inner.kind !== 'call' || inner.fn !== 'coalesce') return null;
    if (inner.args.length === 0 || inner.args.some((a) => a.kind !== 'field')) return this.fail('coalesce() of computed values has no Sigma field condition');
    return or(...inner.args.map((a) => this.presence(a)!));
  }

  private fail(message: string): Tree {
    this.problems.unsupported('XLATE-SIGMA-EXPRESSION', message);
    return { op: 'const', value: false };
  }

  tree(e: PlanExpr, negated: boolean): Tree {
    switch (e.kind) {
      case 'and':
      case 'or': {
        const items = e.items.map((i) => this.tree(i, negated));
        return (e.kind === 'and') !== negated ? and(...items) : or(...items);
      }
      case 'not':
        return this.tree(e.operand, !negated);
      case 'literal':
        if (typeof e.value === 'boolean') return { op: 'const', value: e.value !== negated };
        return this.fail('a literal used as a condition');
      case 'searchMatch': {
        const t = this.searchMatch(e);
        return negated ? not(t) : t;
      }
      case 'compare':
        return this.compare(e.op, e.left, e.right, negated);
      case 'inList': {
        const split = this.overCoalesce(e.expr, (arg) => this.tree({ ...e, expr: arg }, negated));
        if (split) return split;
        const folded = this.caseFolded(e.expr);
        const items = e.list.map(literalOf);
        if (folded && items.every((v) => typeof v === 'string')) {
          const f = this.fieldName(folded.field);
          if (f === null) return { op: 'const', value: false };
          const reachable = (items as string[]).filter((v) => v === folded.fold(v)).map(sigmaLiteral);
          const t: Tree = reachable.length ? leaf(f, reachable) : { op: 'const', value: false };
          return negated ? and(leaf(`${f}|exists`, [true]), not(t)) : t;
        }
        const f = this.sigmaField(e.expr);
        const values = e.list.map(literalOf);
        if (f === null || values.some((v) => typeof v !== 'string')) return this.fail('IN with non-string values');
        const t = leaf(`${f}|cased`, (values as string[]).map(sigmaLiteral));
        return negated ? and(leaf(`${f}|exists`, [true]), not(t)) : t;
      }
      case 'like': {
        const f = this.sigmaField(e.expr);
        const p = literalOf(e.pattern);
        if (f === null || typeof p !== 'string') return this.fail('like() with a computed pattern');
        const t = leaf(`${f}|cased`, [likeToSigma(p)]);
        return negated ? and(leaf(`${f}|exists`, [true]), not(t)) : t;
      }
      case 'call':
        return this.call(e, negated);
      case 'searchTerm': {
        // Sigma keywords search the whole event, like a bare term in Splunk.
        const text = e.pattern.wildcard ? e.pattern.text.split('*').map(sigmaLiteral).join('*') : sigmaLiteral(e.pattern.text);
        this.problems.unsupported('XLATE-RAW-TERM', `bare search term '${e.pattern.text}': Splunk matches indexed terms of _raw, Sigma keywords match substrings`);
        return leaf('keywords', [text]);
      }
      case 'field':
      case 'arith':
      case 'concat':
      case 'neg':
      case 'xor':
        return this.fail(`'${e.kind}' used as a condition`);
    }
  }

  private searchMatch(e: Extract<PlanExpr, { kind: 'searchMatch' }>): Tree {
    const f = this.fieldName(e.field);
    if (f === null) return { op: 'const', value: false };
    const mod = e.pattern.caseSensitive ? '|cased' : '';
    if (e.op === '=' || e.op === '!=') {
      const wildOnly = e.pattern.wildcard && e.pattern.text.split('*').every((s) => s === '');
      const eq = wildOnly ? leaf(`${f}|exists`, [true]) : leaf(`${f}${mod}`, [e.pattern.wildcard ? e.pattern.text.split('*').map(sigmaLiteral).join('*') : sigmaLiteral(e.pattern.text)]);
      if (e.op === '=') return eq;
      return wildOnly ? { op: 'const', value: false } : and(leaf(`${f}|exists`, [true]), not(eq));
    }
    const n = Number(e.pattern.text);
    if (!Number.isFinite(n) || e.pattern.text.trim() === '') return this.fail(`search ${e.field}${e.op}${e.pattern.text}: only numeric values are translated`);
    return leaf(`${f}|${NUMERIC_MOD[e.op]}`, [n]);
  }

  private compare(op0: CompareOp, l0: PlanExpr, r0: PlanExpr, negated: boolean): Tree {
    let [op, l, r] = [op0, l0, r0];
    if (l.kind === 'literal' && r.kind !== 'literal') [op, l, r] = [FLIP[op], r, l];
    const split = this.overCoalesce(l, (arg) => this.compare(op, arg, r, negated));
    if (split) return split;
    const k = literalOf(r);
    // if(c, a, b) = k with literal branches is a condition on c (the eval IsAnon=if(match(..),1,0) idiom).
    if (l.kind === 'call' && l.fn === 'if' && k !== null && (op === '=' || op === '!=')) {
      const [c, a, b] = l.args;
      const ka = a ? literalOf(a) : null;
      const kb = b ? literalOf(b) : null;
      if (c && ka !== null && kb !== null && String(ka) !== String(kb) && (String(ka) === String(k) || String(kb) === String(k))) {
        const whenTrue = this.tree(c, false);
        const isA = (String(ka) === String(k)) === (op === '=') !== negated;
        return isA ? whenTrue : not(whenTrue);
      }
    }
    // lower(f) = "abc" is a case-insensitive match of f, which is Sigma's default (upper() likewise).
    const folded = this.caseFolded(l);
    if (folded && typeof k === 'string' && (op === '=' || op === '!=')) {
      const f = this.fieldName(folded.field);
      if (f === null) return { op: 'const', value: false };
      const t: Tree = k === folded.fold(k) ? leaf(f, [sigmaLiteral(k)]) : { op: 'const', value: false };
      return (op === '=') !== negated ? t : and(leaf(`${f}|exists`, [true]), not(t));
    }
    const f = this.sigmaField(l);
    if (f === null) return { op: 'const', value: false };
    if (k === null) return this.fail('a comparison with a non-literal value');
    const eff = negated ? INVERSE[op] : op;
    const exists = leaf(`${f}|exists`, [true]);
    if (typeof k === 'number') {
      if (eff === '=') return and(leaf(`${f}|gte`, [k]), leaf(`${f}|lte`, [k]));
      if (eff === '!=') return or(leaf(`${f}|lt`, [k]), leaf(`${f}|gt`, [k]));
      return leaf(`${f}|${NUMERIC_MOD[eff]}`, [k]);
    }
    const eq = leaf(`${f}|cased`, [sigmaLiteral(k)]);
    if (eff === '=') return eq;
    if (eff === '!=') return and(exists, not(eq));
    return this.fail('string ordering comparisons have no Sigma modifier');
  }

  private call(e: Extract<PlanExpr, { kind: 'call' }>, negated: boolean): Tree {
    const guard = (field: string, t: Tree) => (negated ? and(leaf(`${field}|exists`, [true]), not(t)) : t);
    switch (e.fn) {
      case 'match': {
        const f = this.sigmaField(e.args[0]!);
        const re = e.args[1] ? literalOf(e.args[1]) : null;
        if (f === null || typeof re !== 'string') return this.fail('match() with a computed regex');
        return guard(f, leaf(`${f}|re`, [re]));
      }
      case 'like':
        return this.tree({ kind: 'like', expr: e.args[0]!, pattern: e.args[1]! }, negated);
      case 'cidrmatch': {
        const f = this.sigmaField(e.args[1]!);
        const cidr = e.args[0] ? literalOf(e.args[0]) : null;
        if (f === null || typeof cidr !== 'string') return this.fail('cidrmatch() with a computed network');
        return guard(f, leaf(`${f}|cidr`, [cidr]));
      }
      case 'isnull':
      case 'isnotnull': {
        // isnotnull(mvfind(mvappend(a, b), re)): some value of a or b matches re.
        const found = e.args[0];
        if (found && found.kind === 'call' && found.fn === 'mvfind') {
          const re = found.args[1] ? literalOf(found.args[1]) : null;
          const src = found.args[0];
          const fields = src?.kind === 'field' ? [src] : src?.kind === 'call' && src.fn === 'mvappend' ? src.args : [];
          if (typeof re !== 'string' || fields.length === 0 || fields.some((x) => x.kind !== 'field')) return this.fail('mvfind() over computed values');
          const names = fields.map((x) => this.fieldName((x as { name: string }).name));
          if (names.some((n) => n === null)) return { op: 'const', value: false };
          const any = or(...names.map((n) => leaf(`${n}|re`, [re])));
          return (e.fn === 'isnotnull') !== negated ? any : not(any);
        }
        const present = this.presence(e.args[0]!) ?? (this.sigmaField(e.args[0]!), { op: 'const', value: false } as Tree);
        return (e.fn === 'isnotnull') !== negated ? present : not(present);
      }
      case 'true':
      case 'false':
        return { op: 'const', value: (e.fn === 'true') !== negated };
      default:
        return this.fail(`${e.fn}() used as a condition has no Sigma form`);
    }
  }

  // ------------------------------------------------------------ tree -> selections

  private name(sel: SigmaSelection): string {
    const n = `selection_${++this.count}`;
    this.selections[n] = sel;
    return n;
  }

  private renderTree(t: Tree, top: boolean): string {
    const wrap = (s: string) => (top ? s : `(${s})`);
    switch (t.op) {
      case 'const':
        return this.problems.unsupported('XLATE-SIGMA-EXPRESSION', 'a constant condition inside the detection');
      case 'leaf':
        return this.name({ [t.leaf.key]: t.leaf.values.length === 1 ? t.leaf.values[0]! : t.leaf.values });
      case 'not':
        return `not ${this.renderTree(t.item, false)}`;
      case 'and': {
        // Positive leaves on distinct fields share one selection (a Sigma map is an AND).
        const merged: Record<string, SigmaValue | readonly SigmaValue[]> = {};
        const rest: string[] = [];
        for (const i of t.items) {
          if (i.op === 'leaf' && !(i.leaf.key in merged)) merged[i.leaf.key] = i.leaf.values.length === 1 ? i.leaf.values[0]! : i.leaf.values;
          else rest.push(this.renderTree(i, false));
        }
        const names = Object.keys(merged).length ? [this.name(merged), ...rest] : rest;
        return names.length === 1 ? names[0]! : wrap(names.join(' and '));
      }
      case 'or': {
        // Leaves on one field share one selection (a Sigma value list is an OR).
        const byKey = new Map<string, SigmaValue[]>();
        const rest: string[] = [];
        for (const i of t.items) {
          if (i.op === 'leaf' && !i.leaf.key.endsWith('|exists')) {
            const list = byKey.get(i.leaf.key) ?? [];
            // Two SPL fields may share a Sigma name (operationName.value and operationName): one copy of each value.
            list.push(...i.leaf.values.filter((v) => !list.includes(v)));
            byKey.set(i.leaf.key, list);
          } else rest.push(this.renderTree(i, false));
        }
        const names = [...[...byKey].map(([k, v]) => this.name({ [k]: v.length === 1 ? v[0]! : v })), ...rest];
        return names.length === 1 ? names[0]! : wrap(names.join(' or '));
      }
    }
  }
}

/** Folds constants, flattens nested and/or and drops repeated items (a coalesce split repeats `exists` tests). */
function simplify(t: Tree): Tree {
  if (t.op === 'not') {
    const i = simplify(t.item);
    if (i.op === 'const') return { op: 'const', value: !i.value };
    if (i.op === 'not') return i.item;
    return not(i);
  }
  if (t.op !== 'and' && t.op !== 'or') return t;
  const isAnd = t.op === 'and';
  const items: Tree[] = [];
  for (const raw of t.items) {
    const i = simplify(raw);
    if (i.op === 'const') {
      if (i.value === isAnd) continue;
      return { op: 'const', value: !isAnd };
    }
    for (const x of i.op === t.op ? i.items : [i]) if (!items.some((y) => JSON.stringify(y) === JSON.stringify(x))) items.push(x);
  }
  if (items.length === 0) return { op: 'const', value: isAnd };
  return items.length === 1 ? items[0]! : { op: t.op, items };
}
