// Parses a Sigma `condition` string into a small tree: identifiers, and/or/not, parentheses, and the
// quantifiers `1 of <pattern>`, `all of <pattern>`, `1 of them`, `all of them` (sigma-rules-specification.md,
// "Condition"). Precedence as the spec lists it: not binds tighter than and, and tighter than or.
// The deprecated aggregation pipe (`| count() > 5`) is refused with a named error: use a correlation rule.

import { fail } from '../core/diagnostics.ts';

export type Condition =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Condition[] }
  | { readonly kind: 'not'; readonly operand: Condition }
  /** `1 of x*` is an OR, `all of x*` an AND over the matching identifiers; target 'them' means all. */
  | { readonly kind: 'of'; readonly quantifier: 'one' | 'all'; readonly target: string };

interface Token {
  readonly text: string;
  readonly start: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const re = /\s*([()|]|[^\s()|]+)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] === undefined) break;
    out.push({ text: m[1], start: m.index + m[0].length - m[1].length });
  }
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them']);

export function parseCondition(text: string): Condition {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const lower = (t: Token | undefined) => t?.text.toLowerCase();
  const error = (message: string, t: Token | undefined): never =>
    fail('SIGMA-BAD-CONDITION', `${message} in condition '${text}'`, {
      span: t ? { start: t.start, end: t.start + t.text.length } : { start: text.length, end: text.length },
      hint: 'conditions combine detection names with and, or, not, parentheses, 1 of x*, all of them',
    });

  function orExpr(): Condition {
    const items = [andExpr()];
    while (lower(peek()) === 'or') {
      pos++;
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }
  function andExpr(): Condition {
    const items = [notExpr()];
    while (lower(peek()) === 'and') {
      pos++;
      items.push(notExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }
  function notExpr(): Condition {
    if (lower(peek()) === 'not') {
      pos++;
      return { kind: 'not', operand: notExpr() };
    }
    return primary();
  }
  function primary(): Condition {
    const t = peek();
    if (!t) return error('unexpected end', t);
    if (t.text === '|') {
      return fail('SIGMA-UNSUPPORTED-AGGREGATION', `the aggregation pipe of Sigma v1 ('${text.slice(t.start)}') is deprecated`, {
        span: { start: t.start, end: text.length },
        hint: 'write it as a Sigma correlation rule (event_count, value_count)',
      });
    }
    if (t.text === '(') {
      pos++;
      const inner = orExpr();
      if (peek()?.text !== ')') return error("missing ')'", peek());
      pos++;
      return inner;
    }
    const q = lower(t);
    if ((q === '1' || q === 'all' || q === 'any') && lower(tokens[pos + 1]) === 'of') {
      const target = tokens[pos + 2];
      if (!target || target.text === '(' || target.text === ')' || target.text === '|') return error(`'${t.text} of' needs a name pattern or 'them'`, target);
      pos += 3;
      return { kind: 'of', quantifier: q === 'all' ? 'all' : 'one', target: lower(target) === 'them' ? 'them' : target.text };
    }
    if (t.text === ')' || KEYWORDS.has(q!)) return error(`unexpected '${t.text}'`, t);
    pos++;
    return { kind: 'id', name: t.text };
  }

  const tree = orExpr();
  if (pos < tokens.length) {
    const t = tokens[pos]!;
    if (t.text === '|') primary();
    error(`unexpected '${t.text}'`, t);
  }
  return tree;
}

/** Identifiers a quantifier target selects: `them` is every identifier not starting with `_` (spec). */
export function quantifierTargets(target: string, names: readonly string[]): string[] {
  if (target === 'them') return names.filter((n) => !n.startsWith('_'));
  return names.filter((n) => globMatch(target, n));
}

/** `*` glob over identifier names, by dynamic programming (no regex from rule text). */
function globMatch(glob: string, name: string): boolean {
  let row = new Array<boolean>(name.length + 1).fill(false);
  row[0] = true;
  for (const g of glob) {
    const next = new Array<boolean>(name.length + 1).fill(false);
    if (g === '*') {
      let seen = false;
      for (let j = 0; j <= name.length; j++) next[j] = seen ||= row[j]!;
    } else {
      for (let j = 1; j <= name.length; j++) next[j] = row[j - 1]! && name[j - 1] === g;
    }
    row = next;
  }
  return row[name.length]!;
}
