// Literal text every event matching a scan predicate must contain in `_raw`, for the byte-level prefilters
// that skip events before parsing them: exec's per-event check (exec/raw-prefilter.ts) and the scan's block
// prefilter (scan/plan-terms.ts) both read this one derivation. The result is a conjunction of clauses; each
// clause lists alternatives, one of which must occur (case-insensitively unless caseSensitive). NOT yields
// nothing (absence cannot be required); OR yields the cross product of its branches' clauses, bounded.
// Bare terms always count. Field values count only for fields the caller vouches appear verbatim in _raw
// (`fieldValueInRaw`): aliases and default fields (sourcetype, index, ...) do not, numbers may be written
// differently (1 vs 1.0), and text a JSON encoder may escape is required only if the caller guards escapes.

import type { Pattern, PlanExpr } from './nodes.ts';

export interface RequiredTerm {
  readonly text: string;
  readonly caseSensitive: boolean;
  /** A bare search term: it must occur in `_raw` itself, not only in a field's value. */
  readonly bare?: boolean;
}

export type RequiredTerms = readonly (readonly RequiredTerm[])[];

export interface RequiredTermsOptions {
  /** Whether a field's values appear verbatim in `_raw` (e.g. JSON keys of the record itself). */
  readonly fieldValueInRaw?: (field: string) => boolean;
  /**
   * Which field-value text the caller can find in raw bytes. Default: only text every JSON encoder writes as
   * itself. The scan prefilter keeps every line holding a `\/` escape, so it may also rely on `/`.
   */
  readonly valueText?: (text: string) => boolean;
  /** Which bare-term text the caller can find in raw bytes. Default: any. */
  readonly termText?: (text: string) => boolean;
  /**
   * How many clauses an OR may yield (its cross product is cut there; fewer clauses stay sound). Default 16.
   * A per-event check that runs after the block prefilter gains little from more than 1 and pays per clause.
   */
  readonly maxOrClauses?: number;
}

/** (a AND b) OR (c AND d) implies four clauses; past this many the rest are dropped (fewer clauses stay sound). */
const MAX_OR_CLAUSES = 16;

export function requiredTerms(predicate: PlanExpr | null, opts: RequiredTermsOptions = {}): RequiredTerms {
  return predicate === null ? [] : derive(predicate, opts);
}

function derive(e: PlanExpr, opts: RequiredTermsOptions): RequiredTerm[][] {
  switch (e.kind) {
    case 'searchTerm': {
      const t = longestLiteral(e.pattern);
      return t && (opts.termText?.(t.text) ?? true) ? [[{ ...t, bare: true }]] : [];
    }
    case 'searchMatch': {
      if (e.op !== '=' || !opts.fieldValueInRaw?.(e.field)) return [];
      const t = longestLiteral(e.pattern);
      return t && !isNumeric(t.text) && (opts.valueText ?? writtenVerbatimByAnyEncoder)(t.text) ? [[t]] : [];
    }
    case 'and':
      return e.items.flatMap((i) => derive(i, opts));
    case 'or': {
      let product: RequiredTerm[][] = [[]];
      for (const item of e.items) {
        const sub = derive(item, opts);
        if (sub.length === 0) return [];
        const next: RequiredTerm[][] = [];
        const max = opts.maxOrClauses ?? MAX_OR_CLAUSES;
        for (const acc of product) for (const clause of sub) if (next.length < max) next.push([...acc, ...clause]);
        product = next;
      }
      return product;
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

function isNumeric(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text);
}

/**
 * Letters, digits, space and . _ : @ - (encoders differ on the rest: "/" may be written "\/", and some escape
 * < > & ' + or all non-ASCII as \uXXXX).
 */
export function writtenVerbatimByAnyEncoder(text: string): boolean {
  return /^[A-Za-z0-9 ._:@-]+$/.test(text);
}

/** Printable ASCII that JSON writes as itself except `/` (which may be `\/`): no quote, no backslash. */
export function printableJsonText(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text) && !/["\\]/.test(text);
}

/** Printable ASCII (the block prefilter compares bytes; other text makes a clause unusable). */
export function printableAscii(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}
