// SPL eval functions -> ES|QL functions (elastic.co ES|QL function reference). SPL match() finds a regex
// anywhere, ES|QL RLIKE is anchored and uses Lucene syntax, so only patterns Lucene reads the same way are
// translated (no character-class escapes, no lookarounds). Missing entries fail closed.

import type { PlanExpr } from '../../plan/nodes.ts';
import type { EsqlBranch, Code } from './branch.ts';
import { caseArms } from '../branch-common.ts';
import { ipv4NetworkRegex } from './cidr.ts';
import { esqlString } from './quoting.ts';

type Call = Extract<PlanExpr, { kind: 'call' }>;
type Impl = (b: EsqlBranch, args: readonly PlanExpr[], call: Call) => Code;

function literalInt(e: PlanExpr | undefined): number | null {
  return e && e.kind === 'literal' && typeof e.value === 'number' && Number.isInteger(e.value) ? e.value : null;
}

/** A PCRE pattern as an anchored Lucene regex that matches the same strings, or null. */
export function luceneRegex(pcre: string): string | null {
  if (/\(\?|\\[dDwWsSbB]/.test(pcre)) return null;
  let body = pcre;
  const start = body.startsWith('^');
  const end = body.endsWith('$') && !body.endsWith('\\$');
  if (start) body = body.slice(1);
  if (end) body = body.slice(0, -1);
  // Anchors inside the pattern, or an alternation next to an anchor, change meaning once wrapped in `.*`.
  if (/\^|(^|[^\\])\$/.test(body) || ((start || end) && body.includes('|'))) return null;
  // Lucene reserves these characters; a PCRE pattern using them literally must escape them.
  if (/(^|[^\\])[@&<>~#"]/.test(body)) return null;
  return `${start ? '' : '.*'}${body}${end ? '' : '.*'}`;
}

/** `^literal$` with no regex syntax inside: the literal, else null. */
function exactRegex(e: PlanExpr | undefined): string | null {
  if (!e || e.kind !== 'literal' || typeof e.value !== 'string') return null;
  const m = /^\^([^\\^$.|?*+()[\]{}]*)\$$/.exec(e.value);
  return m ? m[1]! : null;
}

/**
 * Some value of X is exactly lit, never null: appending lit adds no distinct value exactly when X holds it.
 * (MV_CONTAINS would say it directly but is a 9.2 technical preview, so it is not emitted.)
 */
function mvHolds(x: string, lit: string): string {
  return `(${x} IS NOT NULL AND MV_COUNT(MV_DEDUPE(MV_APPEND(${x}, ${esqlString(lit)}))) == MV_COUNT(MV_DEDUPE(${x})))`;
}

/**
 * `isnotnull(mvfind(X, "^lit$"))`: some value of X is exactly lit. ES|QL has no index search, so the
 * membership question is asked with mvHolds (an absent X holds nothing: false). mvappend's parts are tested
 * one by one, since their union holds lit when one part does.
 */
function mvFindFound(b: EsqlBranch, e: PlanExpr): Code | null {
  if (e.kind !== 'call' || e.fn !== 'mvfind' || e.args.length !== 2) return null;
  const lit = exactRegex(e.args[1]);
  if (lit === null) return null;
  const parts = e.args[0]!.kind === 'call' && e.args[0]!.fn === 'mvappend' ? e.args[0]!.args : [e.args[0]!];
  const tests = parts.map((p) => {
    const c = b.expr(p);
    if (c.type === 'null') return 'false';
    return mvHolds(c.type === 'mv' ? c.text : b.str(c), lit);
  });
  return { text: tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`, type: 'bool' };
}

const s = (b: EsqlBranch, e: PlanExpr) => b.str(b.expr(e));
const n = (b: EsqlBranch, e: PlanExpr) => b.num(b.expr(e));

const FUNCTIONS: Record<string, Impl> = {
  if: (b, args) => {
    const t = b.expr(args[1]!);
    const f = b.expr(args[2]!);
    // Still addresses printed by TO_STRING(ip) when every branch is one (or null).
    const ipText = [t, f].every((c) => c.ipText || c.type === 'ip' || c.type === 'null');
    return { text: `CASE(${b.bool(args[0]!)}, ${t.text}, ${f.text})`, type: t.type === 'null' ? f.type : t.type, ...(ipText ? { ipText } : {}) };
  },
  case: (b, args) => {
    const { arms, type } = caseArms(b, args);
    return { text: `CASE(${arms.map((a) => `${a.cond}, ${a.value.text}`).join(', ')}, null)`, type };
  },
  coalesce: (b, args) => {
    const codes = args.map((a) => b.expr(a));
    const types = new Set(codes.filter((c) => c.type !== 'null').map((c) => c.type));
    const mixed = types.size > 1;
    return { text: `COALESCE(${codes.map((c) => (mixed ? b.str(c) : c.text)).join(', ')})`, type: mixed ? 'string' : ([...types][0] ?? 'null') };
  },
  match: (b, args, call) => {
    const re = args[1];
    const pattern = re && re.kind === 'literal' && typeof re.value === 'string' ? luceneRegex(re.value) : null;
    if (pattern === null) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'match(): the regex has no equivalent Lucene (RLIKE) pattern', call);
    return { text: `(${s(b, args[0]!)} RLIKE ${esqlString(pattern)})`, type: 'bool' };
  },
  like: (b, args) => ({ text: b.bool({ kind: 'like', expr: args[0]!, pattern: args[1]! }), type: 'bool' }),
  isnull: (b, args) => {
    const found = mvFindFound(b, args[0]!);
    return found ? { text: `NOT ${found.text}`, type: 'bool' } : { text: `(${b.expr(args[0]!).text} IS NULL)`, type: 'bool' };
  },
  isnotnull: (b, args) => mvFindFound(b, args[0]!) ?? { text: `(${b.expr(args[0]!).text} IS NOT NULL)`, type: 'bool' },
  cidrmatch: (b, args, call) => {
    const ip = b.expr(args[1]!);
    if (ip.type !== 'mv') return { text: `CIDR_MATCH(TO_IP(${b.str(ip)}), ${s(b, args[0]!)})`, type: 'bool' };
    // SPL: true when any value is inside the network, null when there is no value. CIDR_MATCH takes one
    // address, so the values (addresses printed by TO_STRING(ip): no spaces) are joined with spaces and the
    // network is matched as the text of one whole value.
    // A refusal is still a condition, so the caller does not report it a second time.
    if (!ip.ipText) return { ...b.bad('XLATE-MULTIVALUE-FIELD', 'cidrmatch() over a multivalue whose values are not known to be IP addresses', call), type: 'bool' };
    const net = args[0]?.kind === 'literal' && typeof args[0].value === 'string' ? ipv4NetworkRegex(args[0].value) : null;
    if (net === null) return { ...b.bad('XLATE-UNSUPPORTED-FUNCTION', 'cidrmatch() over a multivalue is translated for a literal IPv4 network only', call), type: 'bool' };
    return { text: `CASE(${ip.text} IS NULL, null, MV_CONCAT(${ip.text}, " ") RLIKE ${esqlString(`(.* )?${net}( .*)?`)})`, type: 'bool' };
  },
  true: () => ({ text: 'true', type: 'bool', literal: true }),
  false: () => ({ text: 'false', type: 'bool', literal: true }),
  null: () => ({ text: 'null', type: 'null', literal: true }),
  lower: (b, args) => ({ text: `TO_LOWER(${s(b, args[0]!)})`, type: 'string' }),
  upper: (b, args) => ({ text: `TO_UPPER(${s(b, args[0]!)})`, type: 'string' }),
  len: (b, args) => ({ text: `LENGTH(${s(b, args[0]!)})`, type: 'number' }),
  tostring: (b, args, call) => (args.length === 1 ? { text: s(b, args[0]!), type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tostring() with a format', call)),
  tonumber: (b, args, call) => (args.length === 1 ? { text: n(b, args[0]!), type: 'number' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tonumber() with a base', call)),
  split: (b, args) => ({ text: `SPLIT(${s(b, args[0]!)}, ${s(b, args[1]!)})`, type: 'mv' }),
  mvindex: (b, args, call) => {
    const i = literalInt(args[1]);
    if (i === null || args.length > 2) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'mvindex() is translated for one literal index only', call);
    return { text: `MV_SLICE(${b.expr(args[0]!).text}, ${i}, ${i})`, type: 'string' };
  },
  mvcount: (b, args) => ({ text: `MV_COUNT(${b.expr(args[0]!).text})`, type: 'number' }),
  mvjoin: (b, args) => ({ text: `MV_CONCAT(${b.expr(args[0]!).text}, ${s(b, args[1]!)})`, type: 'string' }),
  substr: (b, args, call) => {
    const start = literalInt(args[1]);
    if (start === null || start < 1) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'substr() is translated for a positive literal start only', call);
    return { text: `SUBSTRING(${s(b, args[0]!)}, ${start}${args[2] ? `, ${n(b, args[2])}` : ''})`, type: 'string' };
  },
  trim: (b, args, call) => (args.length === 1 ? { text: `TRIM(${s(b, args[0]!)})`, type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'trim() with characters', call)),
  abs: (b, args) => ({ text: `ABS(${n(b, args[0]!)})`, type: 'number' }),
  floor: (b, args) => ({ text: `FLOOR(${n(b, args[0]!)})`, type: 'number' }),
  ceil: (b, args) => ({ text: `CEIL(${n(b, args[0]!)})`, type: 'number' }),
  round: (b, args) => ({ text: `ROUND(${n(b, args[0]!)}${args[1] ? `, ${n(b, args[1])}` : ''})`, type: 'number' }),
};

export function esqlFunction(b: EsqlBranch, call: Call): Code {
  const impl = FUNCTIONS[call.fn];
  if (!impl) return b.bad('XLATE-UNSUPPORTED-FUNCTION', `${call.fn}() has no ES|QL translation`, call);
  return impl(b, call.args, call);
}
