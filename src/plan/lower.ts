// SPL AST -> logical plan. The leading search becomes the `scan` leaf (predicate + time bounds); every later
// command wraps the plan built so far. Generating commands (makeresults, inputlookup, multisearch, union)
// start a pipeline instead of a scan. Anything sightline cannot execute faithfully fails closed here, with
// the command's span: SPL-UNSUPPORTED-COMMAND, SPL-IPLOCATION-NO-DB, SPL-UNKNOWN-FUNCTION, ...

import { fail, SightlineError, type Span } from '../core/diagnostics.ts';
import { compileRegex } from '../core/regex.ts';
import { getAggregate } from '../functions/registry.ts';
import type { Aggregation, Assignment, Command, CommandKind, Pipeline } from '../spl/ast/nodes.ts';
import { parseEvalExpression } from '../spl/index.ts';
import { lowerConvert } from './lower-convert.ts';
import { lowerExpr } from './lower-expr.ts';
import { boolOption, checkOptions, hasOption, intOption, optionRecord, unsupportedOption } from './lower-options.ts';
import { lowerSearch, splitLeadingSearch } from './lower-search.ts';
import { STREAMSTATS_OPTIONS, type PlanAggregation, type PlanExpr, type PlanNode, type QueryPlan } from './nodes.ts';

/** join's right side: at most 50,000 rows (join docs). */
const JOIN_MAXOUT = 50_000;

/** Splunk's documented defaults: sort keeps 10000 rows, head/tail 10, append subsearches 10,000 rows. */
export const SORT_DEFAULT_LIMIT = 10000;
export const APPEND_DEFAULT_MAXOUT = 10000;

/** Commands allowed in a multisearch branch ("allows only streaming operations"); table is transforming. */
const STREAMING = new Set<CommandKind>(['search', 'where', 'eval', 'fields', 'rename', 'rex', 'spath', 'bin', 'lookup', 'mvexpand', 'convert']);

const SUPPORTED =
  'search, where, eval, stats, eventstats, streamstats, table, fields, rename, sort, head, tail, dedup, bin/bucket, convert, fillnull, rex, spath, mvexpand, makemv, lookup, inputlookup, makeresults, multisearch, union, append, join';

export function lowerPipeline(ast: Pipeline, source?: string): QueryPlan {
  return source === undefined ? { root: lowerCommands(ast) } : { root: lowerCommands(ast), source };
}

function lowerCommands(p: Pipeline): PlanNode {
  const [first, ...rest] = p.commands;
  if (!first) fail('SPL-EMPTY-QUERY', 'the query is empty', { span: p.span });
  let node = lowerFirst(first);
  for (const cmd of rest) node = lowerNext(cmd, node);
  return node;
}

function lowerFirst(cmd: Command): PlanNode {
  switch (cmd.kind) {
    case 'search': {
      const { predicate, time } = splitLeadingSearch(cmd.expr);
      return {
        kind: 'scan',
        predicate,
        earliest: time.earliest === null ? null : { spec: time.earliest },
        latest: time.latest === null ? null : { spec: time.latest },
        span: cmd.span,
      };
    }
    case 'makeresults':
      checkOptions(cmd.options, ['count', 'annotate'], 'makeresults');
      if (boolOption(cmd.options, 'annotate', false)) unsupportedOption(cmd.options, 'annotate', 'makeresults');
      return { kind: 'makeresults', count: intOption(cmd.options, 'count', 1), annotate: boolOption(cmd.options, 'annotate', false), span: cmd.span };
    case 'inputlookup':
      checkOptions(cmd.options, [], 'inputlookup');
      return { kind: 'inputlookup', table: cmd.table, span: cmd.span };
    case 'multisearch':
    case 'union':
      return lowerUnion(cmd, null);
    case 'unsupported':
      return unsupportedCommand(cmd);
    default:
      return lowerNext(cmd, null);
  }
}

type Lowerer<K extends CommandKind> = (cmd: Command & { readonly kind: K }, input: PlanNode) => PlanNode;
type Lowerers = { [K in CommandKind]: Lowerer<K> };

const NEXT: Lowerers = {
  search: (cmd, input) => {
    const predicate = cmd.expr ? lowerSearch(cmd.expr) : null;
    return predicate ? { kind: 'filter', input, predicate, span: cmd.span } : input;
  },
  where: (cmd, input) => ({ kind: 'filter', input, predicate: lowerExpr(cmd.expr), span: cmd.span }),
  eval: (cmd, input) => ({ kind: 'eval', input, assignments: cmd.assignments.map(lowerAssignment), span: cmd.span }),
  stats: (cmd, input) => {
    checkOptions(cmd.options, cmd.variant === 'streamstats' ? STREAMSTATS_OPTIONS : [], cmd.variant);
    return lowerStats(cmd, input);
  },
  table: (cmd, input) => ({ kind: 'table', input, fields: cmd.fields.map((f) => f.name), span: cmd.span }),
  fields: (cmd, input) => ({ kind: 'fields', input, remove: cmd.remove, fields: cmd.fields.map((f) => f.name), span: cmd.span }),
  rename: (cmd, input) => ({ kind: 'rename', input, pairs: cmd.pairs.map((p) => ({ from: p.from, to: p.to })), span: cmd.span }),
  sort: (cmd, input) => ({ kind: 'sort', input, keys: cmd.keys.map((k) => ({ field: k.field, descending: k.descending, type: k.type })), limit: cmd.limit ?? SORT_DEFAULT_LIMIT, span: cmd.span }),
  head: (cmd, input) => {
    checkOptions(cmd.options, ['limit', 'keeplast', 'null'], 'head');
    return {
      kind: 'head',
      input,
      count: intOption(cmd.options, 'limit', cmd.count),
      predicate: cmd.expr ? lowerExpr(cmd.expr) : null,
      keeplast: boolOption(cmd.options, 'keeplast', false),
      null: boolOption(cmd.options, 'null', false),
      span: cmd.span,
    };
  },
  tail: (cmd, input) => ({ kind: 'tail', input, count: cmd.count, span: cmd.span }),
  dedup: (cmd, input) => {
    checkOptions(cmd.options, ['keepempty', 'consecutive', 'keepevents'], 'dedup');
    if (boolOption(cmd.options, 'keepevents', false)) unsupportedOption(cmd.options, 'keepevents', 'dedup');
    return {
      kind: 'dedup',
      input,
      fields: cmd.fields.map((f) => f.name),
      count: cmd.count,
      keepempty: boolOption(cmd.options, 'keepempty', false),
      consecutive: boolOption(cmd.options, 'consecutive', false),
      sortBy: cmd.sortBy.map((k) => ({ field: k.field, descending: k.descending, type: k.type })),
      span: cmd.span,
    };
  },
  bin: (cmd, input) => {
    checkOptions(cmd.options, ['span'], 'bin');
    if (!hasOption(cmd.options, 'span')) {
      fail('SPL-UNSUPPORTED-OPTION', 'bin without span= is not supported', { span: cmd.span, hint: 'give an explicit span, e.g. bin _time span=1h' });
    }
    return lowerBin(cmd, input);
  },
  convert: (cmd, input) => lowerConvert(cmd, input),
  fillnull: (cmd, input) => ({ kind: 'fillnull', input, value: cmd.value, fields: cmd.fields.map((f) => f.name), span: cmd.span }),
  rex: (cmd, input) => {
    checkOptions(cmd.options, ['max_match'], 'rex');
    try {
      if (cmd.mode === 'extract') compileRegex(cmd.pattern);
    } catch (err) {
      if (err instanceof SightlineError) throw new SightlineError({ ...err.diagnostic, span: cmd.patternSpan });
      throw err;
    }
    return { kind: 'rex', input, field: cmd.field, mode: cmd.mode, pattern: cmd.pattern, maxMatch: intOption(cmd.options, 'max_match', 1), span: cmd.span };
  },
  spath: (cmd, input) => {
    checkOptions(cmd.options, [], 'spath');
    return { kind: 'spath', input, inputField: cmd.input, output: cmd.output, path: cmd.path, span: cmd.span };
  },
  makemv: (cmd, input) => {
    checkOptions(cmd.options, ['delim', 'tokenizer', 'allowempty', 'setsv'], 'makemv');
    // makemv docs: "The makemv command does not apply to internal fields."
    if (cmd.field.startsWith('_')) {
      fail('SPL-MAKEMV-INTERNAL-FIELD', `makemv cannot split the internal field ${cmd.field}`, { span: cmd.span, hint: 'copy it first: | eval f=' + cmd.field + ' | makemv f' });
    }
    // setsv folds the values back into one string: a different command in effect, refused rather than ignored.
    if (boolOption(cmd.options, 'setsv', false)) unsupportedOption(cmd.options, 'setsv', 'makemv');
    const tokenizer = cmd.options.find((o) => o.name === 'tokenizer')?.value ?? null;
    if (tokenizer !== null) checkPattern(tokenizer, cmd.options.find((o) => o.name === 'tokenizer')!.span);
    // makemv docs: delim "Default: a single space (" ")".
    const delim = tokenizer === null ? (cmd.options.find((o) => o.name === 'delim')?.value ?? ' ') : null;
    return { kind: 'makemv', input, field: cmd.field, delim, tokenizer, allowempty: boolOption(cmd.options, 'allowempty', false), span: cmd.span };
  },
  mvexpand: (cmd, input) => {
    // mvexpand docs: "mvexpand command can't be applied to internal fields".
    if (cmd.field.startsWith('_')) {
      fail('SPL-MVEXPAND-INTERNAL-FIELD', `mvexpand cannot expand the internal field ${cmd.field}`, { span: cmd.span, hint: 'copy it first: | eval f=' + cmd.field + ' | mvexpand f' });
    }
    return { kind: 'mvexpand', input, field: cmd.field, limit: cmd.limit, span: cmd.span };
  },
  lookup: (cmd, input) => {
    checkOptions(cmd.options, ['local', 'update'], 'lookup');
    return { kind: 'lookup', input, table: cmd.table, keys: cmd.keys, outputs: cmd.outputs, overwrite: cmd.outputMode !== 'OUTPUTNEW', span: cmd.span };
  },
  multisearch: (cmd) =>
    fail('SPL-GENERATOR-NOT-FIRST', 'multisearch is a generating command and must be the first command', {
      span: cmd.nameSpan ?? cmd.span,
      hint: 'start the query with | multisearch [search ...] [search ...]',
    }),
  union: (cmd, input) => lowerUnion(cmd, input),
  join: (cmd, input) => lowerJoin(cmd, input),
  append: (cmd, input) => {
    // maxtime/timeout only bound Splunk's run time; honouring none of them can only return more rows.
    checkOptions(cmd.options, ['maxout', 'maxtime', 'timeout', 'extendtimerange'], 'append');
    return {
      kind: 'union',
      mode: 'append',
      inputs: [input, lowerCommands(cmd.subsearch)],
      maxout: intOption(cmd.options, 'maxout', APPEND_DEFAULT_MAXOUT),
      span: cmd.span,
    };
  },
  iplocation: (cmd) =>
    fail('SPL-IPLOCATION-NO-DB', 'iplocation needs a GeoIP database, and sightline bundles none', {
      span: cmd.nameSpan ?? cmd.span,
      hint: 'enrich IP addresses with a lookup table of your own instead (| lookup <table> ip AS src_ip)',
    }),
  makeresults: (cmd) => generatorNotFirst(cmd),
  inputlookup: (cmd) => generatorNotFirst(cmd),
  unsupported: (cmd) => unsupportedCommand(cmd),
};

function lowerNext(cmd: Command, input: PlanNode | null): PlanNode {
  if (input === null) {
    fail('SPL-MISSING-GENERATOR', `a query cannot start with ${cmd.kind}`, {
      span: cmd.nameSpan ?? cmd.span,
      hint: 'start with a search (e.g. sourcetype=aws:cloudtrail) or a generating command such as | makeresults',
    });
  }
  return (NEXT[cmd.kind] as Lowerer<CommandKind>)(cmd as never, input);
}

/** Expression kinds whose value is a boolean; eval docs: "booleans cannot be assigned" to fields. */
const BOOLEAN_KINDS = new Set<PlanExpr['kind']>(['compare', 'like', 'inList', 'and', 'or', 'xor', 'not', 'searchMatch', 'searchTerm']);

function lowerAssignment(a: Assignment): { field: string; expr: PlanExpr } {
  const expr = lowerExpr(a.expr);
  if (BOOLEAN_KINDS.has(expr.kind) || (expr.kind === 'literal' && typeof expr.value === 'boolean')) {
    fail('SPL-EVAL-BOOLEAN', `eval cannot assign a boolean to ${a.field}`, {
      span: a.span,
      hint: `wrap the condition in if(): eval ${a.field}=if(<condition>, 1, 0)`,
    });
  }
  return { field: a.field, expr };
}

/** The rewrite to suggest for refused commands that real detections use. */
const REWRITES: Readonly<Record<string, string>> = {
  tstats:
    'tstats reads accelerated data-model summaries, which raw files do not have; search the events instead: ' +
    '`| tstats count from datamodel=Authentication where Authentication.action=failure by Authentication.user` ' +
    'becomes `<source search> action=failure | stats count by user` with the add-on field names',
  transaction: 'group with stats instead: `| stats min(_time) as firstTime max(_time) as lastTime values(...) by <fields>`, then filter on lastTime-firstTime',
  collect: 'collect writes to a summary index, which sightline does not keep; save the results with `sightline search --format=csv ... > file.csv` instead',
  outputlookup: 'sightline does not write lookup files from a search; save the results with `sightline search --format=csv ... > table.csv` and use the file as a lookup',
  outputcsv: 'sightline does not write files from a search; save the results with `sightline search --format=csv ... > file.csv`',
  anomalydetection: 'anomalydetection has no documented algorithm to reproduce; use eventstats avg/stdev and a where threshold',
  timechart: 'bucket time and aggregate instead: `| bin _time span=1h | stats count by _time`',
};

function unsupportedCommand(cmd: Extract<Command, { kind: 'unsupported' }>): never {
  return fail('SPL-UNSUPPORTED-COMMAND', `sightline does not execute the ${cmd.name} command`, {
    span: cmd.nameSpan ?? cmd.span,
    hint: REWRITES[cmd.name] ?? `supported commands: ${SUPPORTED}`,
  });
}

function generatorNotFirst(cmd: Command): never {
  return fail('SPL-GENERATOR-NOT-FIRST', `${cmd.kind} is a generating command and must be the first command`, {
    span: cmd.nameSpan ?? cmd.span,
    hint: 'to add rows to existing results use | append [| ' + cmd.kind + ' ...]',
  });
}

function lowerUnion(cmd: Extract<Command, { kind: 'multisearch' | 'union' }>, input: PlanNode | null): PlanNode {
  checkOptions(cmd.options, cmd.kind === 'union' ? ['maxout', 'maxtime', 'timeout'] : [], cmd.kind);
  const subs = cmd.subsearches.map(lowerCommands);
  if (cmd.kind === 'multisearch') {
    if (cmd.subsearches.length < 2) fail('SPL-MULTISEARCH-ARITY', 'multisearch requires at least two subsearches', { span: cmd.span });
    for (const sub of cmd.subsearches) {
      for (const c of sub.commands) {
        if (!STREAMING.has(c.kind)) {
          fail('SPL-MULTISEARCH-NOT-STREAMING', `multisearch allows only streaming commands in its subsearches, not ${c.kind === 'unsupported' ? c.name : c.kind}`, {
            span: c.nameSpan ?? c.span,
            hint: 'move the command after the multisearch, or combine the searches with | append [...]',
          });
        }
      }
    }
  }
  const inputs = input ? [input, ...subs] : subs;
  const maxout = cmd.kind === 'union' && hasOption(cmd.options, 'maxout') ? intOption(cmd.options, 'maxout', 0) : null;
  return { kind: 'union', mode: cmd.kind, inputs, maxout, span: cmd.span };
}

/**
 * join: "A maximum of 50,000 rows in the right-side dataset can be joined with the left-side dataset" (join,
 * Search Reference 9.4). type defaults to inner, max to 1, overwrite to true; usetime/earlier (time-ordered
 * matching) are refused, as is a join without fields (the "fields common to both" rule is not run).
 */
function lowerJoin(cmd: Extract<Command, { kind: 'join' }>, input: PlanNode): PlanNode {
  checkOptions(cmd.options, ['type', 'max', 'overwrite', 'usetime', 'earlier'], 'join');
  if (boolOption(cmd.options, 'usetime', false)) unsupportedOption(cmd.options, 'usetime', 'join');
  if (cmd.fields.length === 0) {
    fail('SPL-JOIN-NO-FIELDS', 'join without a field list is not supported', { span: cmd.nameSpan ?? cmd.span, hint: 'name the fields to join on: join user [search ...]' });
  }
  const typeOpt = cmd.options.find((o) => o.name === 'type');
  const type = (typeOpt?.value ?? 'inner').toLowerCase();
  if (type !== 'inner' && type !== 'left' && type !== 'outer') {
    fail('SPL-BAD-OPTION', `join type=${typeOpt?.value} is not inner, outer or left`, { span: typeOpt?.span ?? cmd.span });
  }
  return {
    kind: 'join',
    input,
    subsearch: lowerCommands(cmd.subsearch),
    fields: cmd.fields.map((f) => f.name),
    type: type === 'inner' ? 'inner' : 'left',
    max: intOption(cmd.options, 'max', 1),
    overwrite: boolOption(cmd.options, 'overwrite', true),
    maxout: JOIN_MAXOUT,
    span: cmd.span,
  };
}

function lowerStats(cmd: Extract<Command, { kind: 'stats' }>, input: PlanNode): PlanNode {
  const options = optionRecord(cmd.options);
  const before = resetExpr(cmd, 'reset_before');
  const after = resetExpr(cmd, 'reset_after');
  return {
    kind: 'aggregate',
    input,
    mode: cmd.variant,
    aggregations: cmd.aggregations.map(lowerAggregation),
    by: cmd.by.map((f) => f.name),
    options,
    ...(before || after ? { resets: { before, after } } : {}),
    span: cmd.span,
  };
}

/** A regex option compiles now, so a bad pattern fails at plan time, pointing at the option. */
function checkPattern(pattern: string, span: Span): void {
  try {
    compileRegex(pattern);
  } catch (err) {
    if (err instanceof SightlineError) throw new SightlineError({ ...err.diagnostic, span });
    throw err;
  }
}

/** streamstats `reset_before="(<eval-expression>)"`: the expression, parsed and lowered once here. */
function resetExpr(cmd: Extract<Command, { kind: 'stats' }>, name: 'reset_before' | 'reset_after'): PlanExpr | null {
  const opt = cmd.options.find((o) => o.name === name);
  if (!opt) return null;
  try {
    return lowerExpr(parseEvalExpression(opt.value));
  } catch (err) {
    // Offsets inside the option text are not offsets in the query: point at the option.
    if (err instanceof SightlineError) throw new SightlineError({ ...err.diagnostic, span: opt.span });
    throw err;
  }
}

function lowerBin(cmd: Extract<Command, { kind: 'bin' }>, input: PlanNode): PlanNode {
  return { kind: 'bin', input, field: cmd.field, as: cmd.as ?? cmd.field, options: optionRecord(cmd.options), span: cmd.span };
}

function lowerAggregation(a: Aggregation): PlanAggregation {
  if (!getAggregate(a.fn)) {
    fail('SPL-UNKNOWN-FUNCTION', `unknown stats function ${a.fn}()`, { span: a.span, hint: 'see docs/functions.md for the stats functions sightline supports' });
  }
  const arg = a.arg === null ? null : a.arg.kind === 'field' ? ({ kind: 'field', name: a.arg.name } as const) : lowerExpr(a.arg.expr);
  return { fn: a.fn, arg, as: a.as };
}
