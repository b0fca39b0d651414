// One Sigma field condition (`Field|mod1|mod2: value(s)`) -> a plan expression, per the modifiers appendix
// (sigma-appendix-modifiers.md v2.1.0). Value transforms run in the order written (expand, windash, utf16*,
// base64*), then contains/startswith/endswith put wildcards around the result; `all` links the list with
// AND; `cased` makes matching case-sensitive; `re` is case-sensitive unless `i` is given. Unknown or
// unsupported modifiers are named errors (fail closed).

import { fail } from '../core/diagnostics.ts';
import { compileRegex } from '../core/regex.ts';
import type { CompareOp, PlanExpr } from '../plan/nodes.ts';
import type { SigmaValue } from '../backends/sigma/model.ts';
import { literalPieces, parseSigmaString, piecesMatch, piecesToRegex, type Piece } from './value-pattern.ts';

export interface ModifierContext {
  /** Sigma field -> Splunk field (throws SIGMA-UNMAPPED-FIELD). */
  readonly field: (sigmaField: string) => string;
  /** Values for `expand` placeholders (`%name%`). */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
}

const VALUE_TRANSFORMS = new Set(['windash', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'contains', 'startswith', 'endswith', 'expand']);
const MATCHERS = new Set(['re', 'cidr', 'exists', 'fieldref', 'gt', 'gte', 'lt', 'lte', 'neq']);
const FLAGS = new Set(['all', 'cased', 'i', 'm', 's']);
const TIME_PARTS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const NUMERIC_OP: Record<string, CompareOp> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };
const WINDASH = ['-', '/', '\u2013', '\u2014', '\u2015'];
/** Cap on windash permutations: 5^n grows fast, a runaway expansion is refused, not truncated. */
const MAX_VARIANTS = 256;

const f = (name: string): PlanExpr => ({ kind: 'field', name });
const lit = (value: string | number): PlanExpr => ({ kind: 'literal', value });
const call = (fn: string, ...args: PlanExpr[]): PlanExpr => ({ kind: 'call', fn, args });
const or = (items: PlanExpr[]): PlanExpr => (items.length === 1 ? items[0]! : { kind: 'or', items });
const and = (items: PlanExpr[]): PlanExpr => (items.length === 1 ? items[0]! : { kind: 'and', items });

function bad(code: string, message: string, hint?: string): never {
  return fail(code, message, hint ? { hint } : {});
}

/** Parses `Field|mod|mod`: the field name and the modifier list, checked against the appendix. */
export function splitKey(key: string): { field: string; modifiers: string[] } {
  const [field = '', ...modifiers] = key.split('|');
  for (const m of modifiers) {
    if (TIME_PARTS.has(m)) bad('SIGMA-UNSUPPORTED-MODIFIER', `time modifier '${m}' in '${key}' is not supported`, 'compare the event time in a correlation or SPL rule instead');
    if (!VALUE_TRANSFORMS.has(m) && !MATCHERS.has(m) && !FLAGS.has(m)) bad('SIGMA-UNKNOWN-MODIFIER', `unknown modifier '${m}' in '${key}'`, 'see sigma-appendix-modifiers.md');
  }
  const matchers = modifiers.filter((m) => MATCHERS.has(m) && m !== 'neq');
  if (matchers.length > 1) bad('SIGMA-BAD-MODIFIER', `'${key}' combines ${matchers.join(' and ')}`);
  if (modifiers.some((m) => m === 'i' || m === 'm' || m === 's') && !modifiers.includes('re')) bad('SIGMA-BAD-MODIFIER', `'${key}': i, m and s are sub-modifiers of re`);
  return { field, modifiers };
}

function windash(text: string): string[] {
  let variants = [''];
  for (const ch of text) {
    variants = WINDASH.includes(ch) ? variants.flatMap((v) => WINDASH.map((d) => v + d)) : variants.map((v) => v + ch);
    if (variants.length > MAX_VARIANTS) bad('SIGMA-VALUE-EXPANSION', `windash of '${text}' makes more than ${MAX_VARIANTS} variants`);
  }
  return variants;
}

function utf16(text: string, mode: 'le' | 'be' | 'bom'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (mode === 'le') return le;
  if (mode === 'bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.from(le);
  be.swap16();
  return be;
}

/** The three shifted encodings whose stable middle appears wherever the value sits in a base64 string. */
export function base64Offsets(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const enc = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const start = [0, 2, 3][shift]!;
    const end = enc.length - [0, 3, 2][(bytes.length + shift) % 3]!;
    out.push(enc.slice(start, end));
  }
  return out;
}

/** Expands one string value through the transform modifiers into pattern variants (OR-linked). */
function transformString(raw: string, modifiers: readonly string[], ctx: ModifierContext, key: string): Piece[][] {
  const encodes = modifiers.some((m) => m === 'base64' || m === 'base64offset');
  let texts = [raw];
  let bytes: Buffer[] | null = null;
  let encoded = false;
  for (const m of modifiers) {
    switch (m) {
      case 'expand': {
        texts = texts.flatMap((t) =>
          t.replace(/%([A-Za-z0-9_.-]+)%/g, '\u0000$1\u0000').split('\u0000').reduce<string[]>((acc, part, i) => {
            if (i % 2 === 0) return acc.map((a) => a + part);
            const vals = ctx.placeholders?.[part];
            if (!vals || vals.length === 0) bad('SIGMA-UNRESOLVED-PLACEHOLDER', `'${key}': no values for placeholder %${part}%`, 'give placeholder values (sightline reads them from a YAML map name -> list)');
            return acc.flatMap((a) => vals.map((v) => a + v));
          }, ['']),
        );
        break;
      }
      case 'windash':
        texts = texts.flatMap(windash);
        break;
      case 'utf16le':
      case 'wide':
      case 'utf16be':
      case 'utf16':
        if (!encodes) bad('SIGMA-UNSUPPORTED-MODIFIER', `'${key}': ${m} without base64 would match raw UTF-16 bytes, which JSON logs never hold`);
        bytes = texts.map((t) => utf16(t, m === 'utf16be' ? 'be' : m === 'utf16' ? 'bom' : 'le'));
        break;
      case 'base64':
      case 'base64offset': {
        if (texts.some((t) => /(^|[^\\])[*?]/.test(t))) bad('SIGMA-BAD-MODIFIER', `'${key}': a wildcard inside a value to encode with ${m}`);
        const src = bytes ?? texts.map((t) => Buffer.from(parseSigmaString(t).map((p) => (p as { text: string }).text).join(''), 'utf8'));
        texts = m === 'base64' ? src.map((b) => b.toString('base64')) : src.flatMap(base64Offsets);
        bytes = null;
        encoded = true;
        break;
      }
      default:
        break;
    }
  }
  // contains/startswith/endswith wrap the final (possibly encoded) values in wildcards, wherever they are written.
  const lead = modifiers.includes('contains') || modifiers.includes('endswith');
  const trail = modifiers.includes('contains') || modifiers.includes('startswith');
  const star: Piece = { kind: 'star' };
  return texts.map((t) => [...(lead ? [star] : []), ...(encoded ? literalPieces(t) : parseSigmaString(t)), ...(trail ? [star] : [])]);
}

/** `Field|mods: value` for one value. */
function valueExpr(sigmaField: string, modifiers: readonly string[], value: SigmaValue, ctx: ModifierContext, key: string): PlanExpr {
  const field = ctx.field(sigmaField);
  const cased = modifiers.includes('cased');
  const neq = modifiers.includes('neq');
  const present = call('isnotnull', f(field));
  // Function conditions are null on a missing field; guarded so they are false instead, and `not` of them
  // is true there, as for any Sigma selection that does not match.
  const guarded = (e: PlanExpr): PlanExpr => and([present, e]);
  const negate = (e: PlanExpr): PlanExpr => (neq ? and([present, { kind: 'not', operand: e }]) : e);
  if (modifiers.includes('exists')) {
    if (typeof value !== 'boolean') bad('SIGMA-BAD-VALUE', `'${key}': exists takes true or false`);
    return value ? present : call('isnull', f(field));
  }
  if (value === null) {
    // A null value: the field is absent or null (sigma-rules-specification.md, "Null values").
    return neq ? present : call('isnull', f(field));
  }
  const numeric = modifiers.find((m) => m in NUMERIC_OP);
  if (numeric) {
    const n = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(n) || String(value).trim() === '') bad('SIGMA-BAD-VALUE', `'${key}': ${numeric} needs a number, got ${JSON.stringify(value)}`);
    return { kind: 'searchMatch', field, op: NUMERIC_OP[numeric]!, pattern: { text: String(n), wildcard: false, caseSensitive: false } };
  }
  if (modifiers.includes('cidr')) {
    if (typeof value !== 'string' || !/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(value)) bad('SIGMA-BAD-VALUE', `'${key}': cidr needs a network like 10.0.0.0/8, got ${JSON.stringify(value)}`);
    return negate(guarded(call('cidrmatch', lit(value), f(field))));
  }
  if (modifiers.includes('re')) {
    if (typeof value !== 'string') bad('SIGMA-BAD-VALUE', `'${key}': re needs a string`);
    const flags = ['i', 'm', 's'].filter((x) => modifiers.includes(x)).join('');
    const pattern = flags ? `(?${flags})${value}` : value;
    compileRegex(pattern); // refuses patterns RE2 cannot run, at load time with its own error code
    return negate(guarded(call('match', f(field), lit(pattern))));
  }
  if (modifiers.includes('fieldref')) {
    if (typeof value !== 'string') bad('SIGMA-BAD-VALUE', `'${key}': fieldref names a field`);
    if (modifiers.some((m) => VALUE_TRANSFORMS.has(m))) bad('SIGMA-UNSUPPORTED-MODIFIER', `'${key}': fieldref combined with ${modifiers.filter((m) => VALUE_TRANSFORMS.has(m)).join(', ')}`);
    const other = ctx.field(value);
    const side = (n: string): PlanExpr => (cased ? f(n) : call('lower', f(n)));
    const eq: PlanExpr = { kind: 'compare', op: '=', left: side(field), right: side(other) };
    return negate(and([present, call('isnotnull', f(other)), eq]));
  }
  const text = typeof value === 'string' ? value : String(value);
  const variants = transformString(text, modifiers, ctx, key);
  return negate(or(variants.map((p) => piecesMatch(field, p, cased))));
}

/** `Field|mods: value-or-list` -> plan expression. `all` ANDs the list (a single value may not carry it). */
export function fieldCondition(key: string, raw: SigmaValue | readonly SigmaValue[], ctx: ModifierContext): PlanExpr {
  const { field, modifiers } = splitKey(key);
  const values: readonly SigmaValue[] = Array.isArray(raw) ? raw : [raw as SigmaValue];
  if (values.length === 0) bad('SIGMA-BAD-VALUE', `'${key}' has an empty value list`);
  for (const v of values) if (v !== null && typeof v === 'object') bad('SIGMA-BAD-VALUE', `'${key}': a nested map or list is not a Sigma value`);
  if (modifiers.includes('all') && values.length < 2) bad('SIGMA-BAD-MODIFIER', `'${key}': all on a single value`, 'the modifiers appendix forbids it: use a new selection');
  if (field === '') return keywordCondition(values, modifiers, key);
  const items = values.map((v) => valueExpr(field, modifiers, v, ctx, key));
  // neq: the field differs from every listed value, so the list is linked with AND.
  return modifiers.includes('all') || modifiers.includes('neq') ? and(items) : or(items);
}

/** Keywords (a list of strings, or a `|mods` key without field): substrings of the whole event (_raw). */
export function keywordCondition(values: readonly SigmaValue[], modifiers: readonly string[], key = 'keywords'): PlanExpr {
  const allowed = new Set(['all', 'cased', 'windash', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'contains', 'startswith', 'endswith']);
  for (const m of modifiers) if (!allowed.has(m)) bad('SIGMA-UNSUPPORTED-MODIFIER', `'${key}': ${m} on keywords (no field)`);
  const cased = modifiers.includes('cased');
  const items = values.map((v) => {
    if (v === null || typeof v === 'boolean') bad('SIGMA-BAD-VALUE', `keyword ${JSON.stringify(v)} is not a string or number`);
    const variants = transformString(String(v), modifiers, { field: (x) => x }, key);
    return or(variants.map((p) => call('match', f('_raw'), lit(piecesToRegex(p, cased, false)))));
  });
  return modifiers.includes('all') ? and(items) : or(items);
}
