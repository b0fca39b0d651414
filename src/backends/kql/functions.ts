// SPL eval functions -> KQL, one entry per function (log-sources.md section 5 lists Microsoft's mapping).
// A function missing here fails the translation with XLATE-UNSUPPORTED-FUNCTION.

import type { PlanExpr } from '../../plan/nodes.ts';
import type { KqlBranch, Code } from './branch.ts';
import { kqlString } from './quoting.ts';
import { firstIndexApply } from './json-multivalue.ts';
import { translatePcre } from '../../core/regex.ts';
import { SightlineError } from '../../core/diagnostics.ts';

type Call = Extract<PlanExpr, { kind: 'call' }>;
type Impl = (b: KqlBranch, args: readonly PlanExpr[], call: Call) => Code;

const BOOLEAN = new Set(['match', 'like', 'isnull', 'isnotnull', 'cidrmatch', 'true', 'false']);

function literalInt(e: PlanExpr | undefined): number | null {
  return e && e.kind === 'literal' && typeof e.value === 'number' && Number.isInteger(e.value) ? e.value : null;
}

/** A typed null matching `like` (KQL iif/case need both branches of one type). */
function nullOf(c: Code): string {
  return c.type === 'number' ? 'real(null)' : c.type === 'bool' ? 'bool(null)' : c.type === 'string' ? '""' : c.type === 'time' ? 'datetime(null)' : 'dynamic(null)';
}

function branches(b: KqlBranch, values: readonly PlanExpr[]): Code[] {
  const codes = values.map((v) => b.expr(v));
  // KQL's coalesce/iif/case need one type: with a multivalue among the values every value becomes one
  // (a single value a one-element array, as Splunk's single value is a one-value multivalue).
  if (codes.some((c) => c.type === 'mv')) return codes.map((c) => asMultivalue(b, c));
  const typed = codes.find((c) => c.type !== 'null');
  const mixed = codes.some((c) => c.type !== 'null' && typed && c.type !== typed.type);
  return codes.map((c) => {
    if (c.type === 'null' && typed) return { text: nullOf(typed), type: typed.type };
    if (mixed) return { text: b.str(c), type: 'string' };
    return c;
  });
}

/** A value in the multivalue representation: a dynamic array of its values, null when it has none. */
function asMultivalue(b: KqlBranch, c: Code): Code {
  if (c.type === 'mv') return c;
  if (c.type === 'null') return { text: 'dynamic(null)', type: 'mv', literal: true };
  // Elements are strings, like every multivalue here (per-value tests cast them `to typeof(string)`).
  if (c.type === 'string' || c.type === 'number') return { text: `iif(${b.present(c)}, pack_array(${b.str(c)}), dynamic(null))`, type: 'mv' };
  return b.bad('XLATE-MULTIVALUE-FIELD', `a ${c.type} value mixed with a multivalue`);
}

/** A PCRE as RE2 for `matches regex`; null (the problem reported) when the safe regex module refuses it. */
function pcreForKql(b: KqlBranch, pcre: string): string | null {
  try {
    return translatePcre(pcre);
  } catch (err) {
    if (err instanceof SightlineError) {
      b.problems.unsupported(err.diagnostic.code, err.diagnostic.message);
      return null;
    }
    throw err;
  }
}

/** `^literal$` with no regex syntax inside: the literal, else null. */
function exactRegex(e: PlanExpr | undefined): string | null {
  if (!e || e.kind !== 'literal' || typeof e.value !== 'string') return null;
  const m = /^\^([^\\^$.|?*+()[\]{}]*)\$$/.exec(e.value);
  return m ? m[1]! : null;
}

/** A value as a dynamic array: multivalues as they are, a single value packed, a missing one empty. */
function asArray(b: KqlBranch, e: PlanExpr): string {
  const c = b.expr(e);
  if (c.type === 'mv' || c.type === 'dynamic') return `coalesce(${c.text}, dynamic([]))`;
  if (c.type === 'null') return 'dynamic([])';
  return `iif(${b.present(c)}, pack_array(${b.str(c)}), dynamic([]))`;
}

const FUNCTIONS: Record<string, Impl> = {
  mvappend: (b, args) => {
    const arrays = args.map((a) => asArray(b, a));
    const joined = arrays.length === 1 ? arrays[0]! : `array_concat(${arrays.join(', ')})`;
    return { text: `iif(array_length(${joined}) == 0, dynamic(null), ${joined})`, type: 'mv' };
  },
  mvfind: (b, args, call) => {
    // An anchored literal is array_index_of's first index. Any other regex: the first index whose value matches
    // (the native mvfind tests each value with the regex, unanchored, as `matches regex` does), by mv-apply.
    const lit = exactRegex(args[1]);
    if (lit === null) {
      const re = args[1];
      if (!re || re.kind !== 'literal' || typeof re.value !== 'string') return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'mvfind() with a computed regex', call);
      const pattern = pcreForKql(b, re.value);
      if (pattern === null) return { text: 'dynamic(null)', type: 'null' };
      const arr = asArray(b, args[0]!);
      return { text: b.withHelper('__sl_find', (column) => firstIndexApply(arr, '__sl_v', `__sl_v matches regex ${kqlString(pattern)}`, column)), type: 'number' };
    }
    const arr = asArray(b, args[0]!);
    return { text: `iif(array_index_of(${arr}, ${kqlString(lit)}) >= 0, array_index_of(${arr}, ${kqlString(lit)}), long(null))`, type: 'number' };
  },
  null: () => ({ text: 'dynamic(null)', type: 'null', literal: true }),
  if: (b, args) => {
    const [t, f] = branches(b, [args[1]!, args[2]!]);
    return { text: `iif(${b.bool(args[0]!)}, ${t!.text}, ${f!.text})`, type: t!.type };
  },
  case: (b, args) => {
    const conds: string[] = [];
    const values: PlanExpr[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      conds.push(b.bool(args[i]!));
      values.push(args[i + 1]!);
    }
    const codes = branches(b, [...values, { kind: 'literal', value: null }]);
    const parts = conds.map((c, i) => `${c}, ${codes[i]!.text}`);
    return { text: `case(${parts.join(', ')}, ${codes[codes.length - 1]!.text})`, type: codes[0]!.type };
  },
  coalesce: (b, args) => {
    const codes = branches(b, args);
    return { text: `coalesce(${codes.map((c) => c.text).join(', ')})`, type: codes[0]!.type };
  },
  lower: (b, args) => ({ text: `tolower(${b.str(b.expr(args[0]!))})`, type: 'string' }),
  upper: (b, args) => ({ text: `toupper(${b.str(b.expr(args[0]!))})`, type: 'string' }),
  // len() of a missing value is null in Splunk; KQL's strlen("") is 0, and "" is how KQL holds a missing string.
  len: (b, args) => {
    const c = b.expr(args[0]!);
    return { text: `iif(${b.present(c)}, strlen(${b.str(c)}), long(null))`, type: 'number' };
  },
  tostring: (b, args, call) => (args.length === 1 ? { text: b.str(b.expr(args[0]!)), type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tostring() with a format', call)),
  tonumber: (b, args, call) => (args.length === 1 ? { text: b.num(b.expr(args[0]!)), type: 'number' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tonumber() with a base', call)),
  urldecode: (b, args) => ({ text: `url_decode(${b.str(b.expr(args[0]!))})`, type: 'string' }),
  split: (b, args) => ({ text: `split(${b.str(b.expr(args[0]!))}, ${b.str(b.expr(args[1]!))})`, type: 'mv' }),
  mvindex: (b, args, call) => {
    const i = literalInt(args[1]);
    if (i === null || i < 0 || args.length > 2) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'mvindex() is translated for one non-negative literal index only', call);
    const mvArg = b.expr(args[0]!);
    if (mvArg.type !== 'mv' && mvArg.type !== 'dynamic') {
      // A single value is a one-element multivalue: index 0 is the value itself.
      return i === 0 ? { text: b.str(mvArg), type: 'string' } : { text: '""', type: 'string', literal: true };
    }
    return { text: `tostring(${mvArg.text}[${i}])`, type: 'string' };
  },
  mvcount: (b, args) => {
    const c = b.expr(args[0]!);
    if (c.type === 'mv' || c.type === 'dynamic') return { text: `array_length(${c.text})`, type: 'number' };
    return { text: `iif(${b.present(c)}, 1, int(null))`, type: 'number' };
  },
  mvjoin: (b, args) => ({ text: `strcat_array(${b.expr(args[0]!).text}, ${b.str(b.expr(args[1]!))})`, type: 'string' }),
  replace: (b, args) => ({ text: `replace_regex(${b.str(b.expr(args[0]!))}, ${b.str(b.expr(args[1]!))}, ${b.str(b.expr(args[2]!))})`, type: 'string' }),
  substr: (b, args, call) => {
    const start = literalInt(args[1]);
    if (start === null || start < 1) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'substr() is translated for a positive literal start only', call);
    const len = args[2] ? `, ${b.num(b.expr(args[2]))}` : '';
    // SPL substr is 1-based, KQL substring 0-based.
    return { text: `substring(${b.str(b.expr(args[0]!))}, ${start - 1}${len})`, type: 'string' };
  },
  trim: (b, args, call) => (args.length === 1 ? { text: `trim(${kqlString('\\s+')}, ${b.str(b.expr(args[0]!))})`, type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'trim() with characters', call)),
  abs: (b, args) => ({ text: `abs(${b.num(b.expr(args[0]!))})`, type: 'number' }),
  floor: (b, args) => ({ text: `floor(${b.num(b.expr(args[0]!))}, 1)`, type: 'number' }),
  ceil: (b, args) => ({ text: `ceiling(${b.num(b.expr(args[0]!))})`, type: 'number' }),
  round: (b, args) => ({ text: `round(${b.num(b.expr(args[0]!))}${args[1] ? `, ${b.num(b.expr(args[1]))}` : ''})`, type: 'number' }),
};

export function kqlFunction(b: KqlBranch, call: Call): Code {
  if (BOOLEAN.has(call.fn)) return { text: b.bool(call), type: 'bool' };
  const impl = FUNCTIONS[call.fn];
  if (!impl) return b.bad('XLATE-UNSUPPORTED-FUNCTION', `${call.fn}() has no KQL translation`, call);
  return impl(b, call.args, call);
}
