// A Sigma string value as pieces: literal text, `*` (any run of characters) and `?` (one character), with
// `\*`, `\?` and `\\` as escapes (sigma-rules-specification.md, "Wildcards" / "Escaping"); any other
// backslash is literal. Pieces become a plan `searchMatch` pattern when that is exact (only `*`, no literal
// `*`), otherwise a `match()` regex built from escaped literals, which RE2 runs without backtracking.

import type { PlanExpr } from '../plan/nodes.ts';

export type Piece = { readonly kind: 'lit'; readonly text: string } | { readonly kind: 'star' } | { readonly kind: 'one' };

export function parseSigmaString(value: string): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  const flush = () => {
    if (lit) out.push({ kind: 'lit', text: lit });
    lit = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const next = value[i + 1];
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      lit += next;
      i++;
    } else if (c === '*' || c === '?') {
      flush();
      out.push({ kind: c === '*' ? 'star' : 'one' });
    } else lit += c;
  }
  flush();
  return out;
}

export function literalPieces(text: string): Piece[] {
  return text === '' ? [] : [{ kind: 'lit', text }];
}

/** The plain text of pieces without wildcards, or null when there is a wildcard. */
export function plainText(pieces: readonly Piece[]): string | null {
  return pieces.every((p) => p.kind === 'lit') ? pieces.map((p) => (p as { text: string }).text).join('') : null;
}

const RE_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** An RE2 pattern for the pieces; `anchored` for a field value, unanchored for a keyword in _raw. */
export function piecesToRegex(pieces: readonly Piece[], caseSensitive: boolean, anchored: boolean): string {
  const body = pieces.map((p) => (p.kind === 'star' ? '.*' : p.kind === 'one' ? '.' : p.text.replace(RE_SPECIAL, '\\$&'))).join('');
  const flags = caseSensitive ? '(?s)' : '(?is)';
  return anchored ? `${flags}^${body}$` : `${flags}${body}`;
}

const field = (name: string): PlanExpr => ({ kind: 'field', name });
const lit = (value: string): PlanExpr => ({ kind: 'literal', value });

/** Field equals the Sigma pattern: searchMatch when its wildcard semantics are exact, else match(). */
export function piecesMatch(fieldName: string, pieces: readonly Piece[], caseSensitive: boolean): PlanExpr {
  const onlyStars = pieces.every((p) => p.kind === 'star' || (p.kind === 'lit' && !p.text.includes('*')));
  const hasStar = pieces.some((p) => p.kind === 'star');
  const nonEmpty = pieces.length > 0;
  if (onlyStars && nonEmpty && !(hasStar && pieces.every((p) => p.kind === 'star'))) {
    const text = pieces.map((p) => (p.kind === 'star' ? '*' : (p as { text: string }).text)).join('');
    return { kind: 'searchMatch', field: fieldName, op: '=', pattern: { text, wildcard: hasStar, caseSensitive } };
  }
  // Guarded: match() is null on a missing field, and `not` of the selection must then be true.
  const present: PlanExpr = { kind: 'call', fn: 'isnotnull', args: [field(fieldName)] };
  return { kind: 'and', items: [present, { kind: 'call', fn: 'match', args: [field(fieldName), lit(piecesToRegex(pieces, caseSensitive, true))] }] };
}
