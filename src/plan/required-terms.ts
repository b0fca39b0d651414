// Literal text every event matching a scan predicate must contain in `_raw`, for byte-level prefilters that
// skip events before parsing them. The result is a conjunction of clauses; each clause is a list of
// alternatives, at least one of which must occur (case-insensitively unless caseSensitive). NOT yields
// nothing (absence cannot be required), OR yields one clause made of one clause of each branch.
// Bare terms always count. Field values count only for fields the caller vouches appear verbatim in
// _raw (`fieldValueInRaw`): aliases and default fields (sourcetype, index, ...) do not, and numbers may
// be written differently (1 vs 1.0), so numeric values and text JSON might escape are never required.

import type { Pattern, PlanExpr } from './nodes.ts';

export interface RequiredTerm {
  readonly text: string;
  readonly caseSensitive: boolean;
}

export type RequiredTerms = readonly (readonly RequiredTerm[])[];

export interface RequiredTermsOptions {
  /** Whether a field's values appear verbatim in `_raw` (e.g. JSON keys of the record itself). */
  readonly fieldValueInRaw?: (field: string) => boolean;
}

export function requiredTerms(predicate: PlanExpr | null, opts: RequiredTermsOptions = {}): RequiredTerms {
  return predicate === null ? [] : derive(predicate, opts);
}

function derive(e: PlanExpr, opts: RequiredTermsOptions): RequiredTerm[][] {
  switch (e.kind) {
    case 'searchTerm': {
      const t = longestLiteral(e.pattern);
      return t ? [[t]] : [];
    }
    case 'searchMatch': {
      if (e.op !== '=' || !opts.fieldValueInRaw?.(e.field)) return [];
      const t = longestLiteral(e.pattern);
      return t && isRawSafe(t.text) ? [[t]] : [];
    }
    case 'and':
      return e.items.flatMap((i) => derive(i, opts));
    case 'or': {
      const clause: RequiredTerm[] = [];
      for (const item of e.items) {
        const sub = derive(item, opts);
        const best = sub[0];
        if (!best) return [];
        clause.push(...best);
      }
      return [clause];
    }
    default:
      return [];
  }
}

function longestLiteral(p: Pattern): RequiredTerm | null {
  const parts = p.wildcard ? p.text.split('*') : [p.text];
  let best = '';
  for (const s of parts) if (s.length > best.length) best = s;
  return best.length === 0 ? null : { text: best, caseSensitive: p.caseSensitive };
}

/**
 * Text every JSON encoder writes verbatim: letters, digits, space and . _ : @ - (encoders differ on the
 * rest: "/" may be written "\/", and some escape < > & ' + or all non-ASCII as \uXXXX). Not a number.
 */
function isRawSafe(text: string): boolean {
  return /^[A-Za-z0-9 ._:@-]+$/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}
