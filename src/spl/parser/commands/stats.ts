// stats, eventstats and streamstats share one grammar: options, aggregations (`count`, `dc(x) as y`,
// `count(eval(...))`), then `by a, b` or `by a b`. Output names default to the call text, as in Splunk
// ("count", "dc(src)", "values(user)").

import type { Aggregation, CommandOption, FieldName } from '../../ast/nodes.ts';
import { isKeyword, isOp } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';
import { parseExpr } from '../expr.ts';

const OPTIONS: Record<'stats' | 'eventstats' | 'streamstats', readonly string[]> = {
  stats: ['allnum', 'delim', 'partitions', 'dedup_splitvals'],
  eventstats: ['allnum'],
  streamstats: ['allnum', 'current', 'window', 'global', 'reset_before', 'reset_after', 'reset_on_change', 'time_window'],
};

const AGGREGATES = new Set([
  'avg', 'c', 'count', 'dc', 'distinct_count', 'earliest', 'earliest_time', 'estdc', 'estdc_error', 'first', 'last', 'latest',
  'latest_time', 'list', 'max', 'mean', 'median', 'min', 'mode', 'range', 'rate', 'rate_avg', 'rate_sum', 'stdev', 'stdevp',
  'sum', 'sumsq', 'values', 'var', 'varp',
]);
/** Percentile families take the percentile in the name: p95, perc99, exactperc50, upperperc90. */
const PERCENTILE = /^(p|perc|exactperc|upperperc)\d+(\.\d+)?$/;

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name) || PERCENTILE.test(name);
}

export const parseStats: CommandParser = ({ cur, name, nameTok }) => {
  const variant = name as 'stats' | 'eventstats' | 'streamstats';
  const options: CommandOption[] = [];
  const aggregations: Aggregation[] = [];
  // Options usually come first, but an option between aggregations is read as one too: no
  // aggregation is ever written `name=value`.
  while (!cur.atCommandEnd() && !isKeyword(cur.peek(), 'by')) {
    if (cur.acceptOp(',')) continue;
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, variant, opt, OPTIONS[variant]);
      options.push(opt);
    } else aggregations.push(parseAggregation(cur));
  }
  if (aggregations.length === 0) {
    throw cur.error('SPL-MISSING-ARGUMENT', `'${variant}' needs at least one aggregation`, nameTok.span, 'for example `stats count by user`');
  }
  let by: FieldName[] = [];
  if (isKeyword(cur.peek(), 'by')) {
    const byTok = cur.next();
    by = readByFields(cur, variant, options);
    if (by.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'by' needs at least one field", byTok.span);
  }
  return { kind: 'stats', variant, aggregations, by, options };
};

/**
 * The by-list. The command's own options may follow it, as the streamstats examples write them
 * (`streamstats count BY host reset_on_change=true`); `span=` and other options belong to
 * tstats/timechart, so they are refused.
 */
function readByFields(cur: Cursor, variant: 'stats' | 'eventstats' | 'streamstats', options: CommandOption[]): FieldName[] {
  const out: FieldName[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    if (atOption(cur) && OPTIONS[variant].includes(cur.peek().text.toLowerCase())) {
      options.push(readOption(cur));
      continue;
    }
    if (atOption(cur)) {
      const t = cur.peek();
      throw cur.error('SPL-BAD-BY-CLAUSE', `'${t.text}=' is not valid in a ${variant} by clause`, t.span, t.text.toLowerCase() === 'span' ? 'bucket time first: `bin _time span=1h | stats ... by _time`' : 'put options before the aggregations');
    }
    out.push(readFieldName(cur));
  }
  return out;
}

function parseAggregation(cur: Cursor): Aggregation {
  const fnTok = cur.peek();
  if (fnTok.kind !== 'ident') throw cur.unexpected('expected an aggregation such as count, dc(x) or values(x)');
  const fn = fnTok.text.toLowerCase();
  if (!isAggregateName(fn)) {
    throw cur.error('SPL-UNKNOWN-AGGREGATE', `'${fnTok.text}' is not a statistical function`, fnTok.span, 'stats functions include count, dc, values, list, min, max, sum, avg, earliest, latest');
  }
  cur.next();
  let arg: Aggregation['arg'] = null;
  let defaultName = fn;
  if (isOp(cur.peek(), '(') && !cur.peek().spaceBefore) {
    const open = cur.next();
    if (isKeyword(cur.peek(), 'eval') && isOp(cur.peek(1), '(')) {
      cur.next();
      const evalOpen = cur.next();
      const expr = parseExpr(cur);
      cur.expectClose(evalOpen, 'eval(');
      arg = { kind: 'expr', expr };
    } else if (cur.peek().kind === 'quoted-field') {
      arg = { kind: 'field', name: cur.next().value };
    } else if (!isOp(cur.peek(), ')')) {
      const w = cur.readWordOrString();
      if (!w) throw cur.unexpected(`expected a field name inside ${fn}( )`);
      arg = { kind: 'field', name: w.text };
    }
    cur.expectClose(open, `${fn}(`);
    defaultName = arg?.kind === 'field' ? `${fn}(${arg.name})` : arg ? cur.text.slice(fnTok.span.start, cur.lastEnd()) : fn;
  }
  let as = defaultName;
  if (isKeyword(cur.peek(), 'as')) {
    cur.next();
    // `AS 'Count of Events'` names the field without its quotes (readFieldName reads 'x', "x" and bare words).
    as = readFieldName(cur, "a name after 'as'").name;
  }
  return { fn, arg, as, span: { start: fnTok.span.start, end: cur.lastEnd() } };
}
