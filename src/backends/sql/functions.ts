// SPL eval functions -> DuckDB SQL, one entry per function. Regexes go through the project's PCRE -> RE2
// translation (src/core/regex.ts), the dialect DuckDB's regexp functions use. Missing entries fail closed.

import { translatePcre } from '../../core/regex.ts';
import { SightlineError } from '../../core/diagnostics.ts';
import type { PlanExpr } from '../../plan/nodes.ts';
import type { SqlBranch, Code } from './branch.ts';
import { sqlString } from './quoting.ts';
import { caseArms } from '../branch-common.ts';

type Call = Extract<PlanExpr, { kind: 'call' }>;
type Impl = (b: SqlBranch, args: readonly PlanExpr[], call: Call) => Code;

function literalInt(e: PlanExpr | undefined): number | null {
  return e && e.kind === 'literal' && typeof e.value === 'number' && Number.isInteger(e.value) ? e.value : null;
}

function regexLiteral(b: SqlBranch, e: PlanExpr | undefined): string {
  if (!e || e.kind !== 'literal' || typeof e.value !== 'string') return b.problems.unsupported('XLATE-UNSUPPORTED-FUNCTION', 'a regex that is not a literal string');
  try {
    return sqlString(translatePcre(e.value));
  } catch (err) {
    if (err instanceof SightlineError) return b.problems.unsupported(err.diagnostic.code, err.diagnostic.message);
    throw err;
  }
}

const s1 = (b: SqlBranch, e: PlanExpr, what: string) => {
  const c = b.expr(e);
  return b.str({ ...c, text: b.scalar(c, what) });
};
const n1 = (b: SqlBranch, e: PlanExpr, what: string) => {
  const c = b.expr(e);
  return b.num({ ...c, text: b.scalar(c, what) });
};

/** An IPv4 CIDR as its first and last address, or null (IPv6 and malformed networks are not translated). */
export function ipv4Range(cidr: string): [number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr.trim());
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return null;
  const base = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const lo = Math.floor(base / size) * size;
  return [lo, lo + size - 1];
}

/** A value as a list: multivalues as they are, a single value as a one-element list, null as []. */
function asList(b: SqlBranch, e: PlanExpr): string {
  const c = b.expr(e);
  if (c.type === 'mv') return `coalesce(${c.text}, [])`;
  if (c.type === 'null') return '[]::VARCHAR[]';
  return `CASE WHEN ${c.text} IS NULL THEN []::VARCHAR[] ELSE [${b.str(c)}] END`;
}

const FUNCTIONS: Record<string, Impl> = {
  cidrmatch: (b, args, call) => {
    const net = args[0] && args[0].kind === 'literal' && typeof args[0].value === 'string' ? ipv4Range(args[0].value) : null;
    if (!net) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'cidrmatch() is translated for a literal IPv4 network only', call);
    // Like the native function: null for a missing address, false for text that is no IPv4 address, and
    // true when any value of a multivalue is inside the network.
    const ip = b.expr(args[1]!);
    const inNet = (v: string) => `coalesce(sl_ip4(${v}) BETWEEN ${net[0]} AND ${net[1]}, false)`;
    if (ip.type === 'mv') return { text: `CASE WHEN ${ip.text} IS NULL THEN NULL ELSE list_bool_or(list_transform(${ip.text}, v -> ${inNet('v')})) END`, type: 'bool' };
    const v = b.str(ip);
    return { text: `CASE WHEN ${v} IS NULL THEN NULL ELSE ${inNet(v)} END`, type: 'bool' };
  },
  mvfind: (b, args) => {
    const v = b.expr(args[0]!);
    const re = regexLiteral(b, args[1]);
    // SPL: index (0-based) of the first value matching the regex, null when none.
    if (v.type === 'mv') return { text: `(list_position(list_transform(${v.text}, x -> regexp_matches(x, ${re})), true) - 1)`, type: 'number' };
    return { text: `CASE WHEN regexp_matches(${b.str(v)}, ${re}) THEN 0 END`, type: 'number' };
  },
  mvappend: (b, args) => {
    const lists = args.map((a) => asList(b, a));
    const joined = lists.reduce((acc, l) => `list_concat(${acc}, ${l})`);
    return { text: `CASE WHEN len(${joined}) = 0 THEN NULL ELSE ${joined} END`, type: 'mv' };
  },
  if: (b, args) => {
    const t = b.expr(args[1]!);
    const f = b.expr(args[2]!);
    const type = t.type === 'null' ? f.type : t.type;
    return { text: `CASE WHEN ${b.bool(args[0]!)} THEN ${t.text} ELSE ${f.text} END`, type };
  },
  case: (b, args) => {
    const { arms, type } = caseArms(b, args);
    return { text: `CASE ${arms.map((a) => `WHEN ${a.cond} THEN ${a.value.text}`).join(' ')} END`, type };
  },
  coalesce: (b, args) => {
    const codes = args.map((a) => b.expr(a));
    const types = new Set(codes.filter((c) => c.type !== 'null').map((c) => c.type));
    if (types.has('mv')) {
      // The first non-null argument may be a multivalue: carry every argument as a list.
      const lists = codes.map((c) => (c.type === 'mv' ? c.text : c.type === 'null' ? 'NULL' : `CASE WHEN ${c.text} IS NULL THEN NULL ELSE [${b.str(c)}] END`));
      return { text: `coalesce(${lists.join(', ')})`, type: 'mv' };
    }
    const mixed = types.size > 1;
    return { text: `coalesce(${codes.map((c) => (mixed ? b.str(c) : c.text)).join(', ')})`, type: mixed ? 'string' : ([...types][0] ?? 'null') };
  },
  match: (b, args) => ({ text: `regexp_matches(${s1(b, args[0]!, 'match()')}, ${regexLiteral(b, args[1])})`, type: 'bool' }),
  like: (b, args) => ({ text: b.bool({ kind: 'like', expr: args[0]!, pattern: args[1]! }), type: 'bool' }),
  isnull: (b, args) => ({ text: `(${b.expr(args[0]!).text} IS NULL)`, type: 'bool' }),
  isnotnull: (b, args) => ({ text: `(${b.expr(args[0]!).text} IS NOT NULL)`, type: 'bool' }),
  true: () => ({ text: 'TRUE', type: 'bool', literal: true }),
  false: () => ({ text: 'FALSE', type: 'bool', literal: true }),
  null: () => ({ text: 'NULL', type: 'null', literal: true }),
  lower: (b, args) => ({ text: `lower(${s1(b, args[0]!, 'lower()')})`, type: 'string' }),
  upper: (b, args) => ({ text: `upper(${s1(b, args[0]!, 'upper()')})`, type: 'string' }),
  len: (b, args) => ({ text: `length(${s1(b, args[0]!, 'len()')})`, type: 'number' }),
  tostring: (b, args, call) => (args.length === 1 ? { text: s1(b, args[0]!, 'tostring()'), type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tostring() with a format', call)),
  tonumber: (b, args, call) => (args.length === 1 ? { text: n1(b, args[0]!, 'tonumber()'), type: 'number' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'tonumber() with a base', call)),
  urldecode: (b, args) => ({ text: `url_decode(${s1(b, args[0]!, 'urldecode()')})`, type: 'string' }),
  split: (b, args) => ({ text: `string_split(${s1(b, args[0]!, 'split()')}, ${s1(b, args[1]!, 'split()')})`, type: 'mv' }),
  mvindex: (b, args, call) => {
    const i = literalInt(args[1]);
    if (i === null || args.length > 2) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'mvindex() is translated for one literal index only', call);
    const v = b.expr(args[0]!);
    if (v.type !== 'mv') return i === 0 || i === -1 ? { text: b.str(v), type: 'string' } : { text: 'NULL', type: 'null', literal: true };
    // SPL indexes from 0 (negative from the end); DuckDB lists from 1 (negative from the end).
    return { text: `${v.text}[${i >= 0 ? i + 1 : i}]`, type: 'string' };
  },
  mvcount: (b, args) => {
    const v = b.expr(args[0]!);
    if (v.type === 'mv') return { text: `nullif(len(${v.text}), 0)`, type: 'number' };
    return { text: `CASE WHEN ${v.text} IS NULL THEN NULL ELSE 1 END`, type: 'number' };
  },
  mvjoin: (b, args) => {
    const v = b.expr(args[0]!);
    const sep = s1(b, args[1]!, 'mvjoin()');
    return { text: v.type === 'mv' ? `array_to_string(${v.text}, ${sep})` : b.str(v), type: 'string' };
  },
  replace: (b, args) => ({ text: `regexp_replace(${s1(b, args[0]!, 'replace()')}, ${regexLiteral(b, args[1])}, ${s1(b, args[2]!, 'replace()')}, 'g')`, type: 'string' }),
  substr: (b, args, call) => {
    const start = literalInt(args[1]);
    if (start === null || start < 1) return b.bad('XLATE-UNSUPPORTED-FUNCTION', 'substr() is translated for a positive literal start only', call);
    const len = args[2] ? `, ${n1(b, args[2], 'substr()')}::BIGINT` : '';
    return { text: `substring(${s1(b, args[0]!, 'substr()')}, ${start}${len})`, type: 'string' };
  },
  trim: (b, args, call) => (args.length === 1 ? { text: `trim(${s1(b, args[0]!, 'trim()')})`, type: 'string' } : b.bad('XLATE-UNSUPPORTED-FUNCTION', 'trim() with characters', call)),
  abs: (b, args) => ({ text: `abs(${n1(b, args[0]!, 'abs()')})`, type: 'number' }),
  floor: (b, args) => ({ text: `floor(${n1(b, args[0]!, 'floor()')})`, type: 'number' }),
  ceil: (b, args) => ({ text: `ceil(${n1(b, args[0]!, 'ceil()')})`, type: 'number' }),
  round: (b, args) => ({ text: `round(${n1(b, args[0]!, 'round()')}${args[1] ? `, ${n1(b, args[1], 'round()')}::INTEGER` : ''})`, type: 'number' }),
};

export function sqlFunction(b: SqlBranch, call: Call): Code {
  const impl = FUNCTIONS[call.fn];
  if (!impl) return b.bad('XLATE-UNSUPPORTED-FUNCTION', `${call.fn}() has no SQL translation`, call);
  return impl(b, call.args, call);
}
