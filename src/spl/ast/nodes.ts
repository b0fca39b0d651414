// The SPL abstract syntax tree. Produced by the parser, read only by plan/lower.ts, lint and the printer.
// Every node carries the span of the text it came from, so diagnostics can point at it.
// Nodes are discriminated unions on `kind`; consumers dispatch with Record<kind, handler> tables.

import type { Span } from '../../core/diagnostics.ts';

// ---------------------------------------------------------------- search-term grammar (search command)

/**
 * A value as written in a search: `foo*`, `"a b"`, `10`. In Splunk search `*` is a wildcard in quoted and
 * unquoted values alike; `quoted` records whether the user wrote quotes (phrases, printing).
 */
export interface SearchValue {
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export type SearchCompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type SearchExpr =
  | { readonly kind: 'term'; readonly value: SearchValue; readonly caseSensitive: boolean; readonly termMode: boolean; readonly span: Span }
  /** `field=value`; `field=CASE(Value)` sets caseSensitive (Search Manual: CASE matches "terms and field values"). */
  | { readonly kind: 'compare'; readonly field: string; readonly op: SearchCompareOp; readonly value: SearchValue; readonly caseSensitive?: boolean; readonly span: Span }
  | { readonly kind: 'in'; readonly field: string; readonly values: readonly SearchValue[]; readonly span: Span }
  | { readonly kind: 'and'; readonly items: readonly SearchExpr[]; readonly span: Span }
  | { readonly kind: 'or'; readonly items: readonly SearchExpr[]; readonly span: Span }
  | { readonly kind: 'not'; readonly expr: SearchExpr; readonly span: Span }
  /** `earliest=-24h@h` / `latest=now` inside a search. */
  | { readonly kind: 'time'; readonly bound: 'earliest' | 'latest'; readonly value: string; readonly span: Span }
  /** `[ search ... ]` inside a search expression: its rows become (f1=v1 AND f2=v2) OR ... */
  | { readonly kind: 'subsearch'; readonly pipeline: Pipeline; readonly span: Span };

// ---------------------------------------------------------------- eval / where expression grammar

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%' | '.'
  | '=' | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'AND' | 'OR' | 'XOR' | 'LIKE';

export type Expr =
  /** A field reference: bare `user`, dotted `properties.status.errorCode`, or single-quoted `'a{}.b'`. */
  | { readonly kind: 'field'; readonly name: string; readonly quoted: boolean; readonly span: Span }
  | { readonly kind: 'string'; readonly value: string; readonly span: Span }
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly span: Span }
  | { readonly kind: 'bool'; readonly value: boolean; readonly span: Span }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'unary'; readonly op: 'NOT' | '-' | '+'; readonly operand: Expr; readonly span: Span }
  /** `x IN ("a", "b")` in eval/where: exact comparison, no wildcards. */
  | { readonly kind: 'in'; readonly expr: Expr; readonly list: readonly Expr[]; readonly span: Span };

// ---------------------------------------------------------------- commands

/** `key=value` options such as `limit=0`, `keepempty=true`, `max_match=5`. */
export interface CommandOption {
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

export interface FieldName {
  readonly name: string;
  readonly span: Span;
}

export interface Aggregation {
  /** Function name in lower case: count, dc, values, list, min, max, sum, avg, earliest, latest, first, last, ... */
  readonly fn: string;
  /** The argument: a field name, an `eval(...)` expression, or none for bare `count`. */
  readonly arg: { readonly kind: 'field'; readonly name: string } | { readonly kind: 'expr'; readonly expr: Expr } | null;
  /** Output name: the AS name or Splunk's default (`count`, `dc(src)`, `values(user)`). */
  readonly as: string;
  readonly span: Span;
}

export interface SortKey {
  readonly field: string;
  readonly descending: boolean;
  /** `num(x)`, `str(x)`, `ip(x)`, `auto(x)`; default auto. */
  readonly type: 'auto' | 'num' | 'str' | 'ip';
  readonly span: Span;
}

export interface Assignment {
  readonly field: string;
  readonly expr: Expr;
  readonly span: Span;
}

/** One `fn(field) [AS out]` of convert; `fn` in lower case, `field` may hold `*` wildcards. */
export interface ConvertCall {
  readonly fn: string;
  readonly field: string;
  readonly as: string | null;
  readonly span: Span;
}

interface CommandBase {
  readonly span: Span;
  /** Span of the command name (absent for the implicit leading search). */
  readonly nameSpan?: Span;
}

export type Command =
  | (CommandBase & { readonly kind: 'search'; readonly expr: SearchExpr | null; readonly implicit: boolean })
  | (CommandBase & { readonly kind: 'where'; readonly expr: Expr })
  | (CommandBase & { readonly kind: 'eval'; readonly assignments: readonly Assignment[] })
  | (CommandBase & {
      readonly kind: 'stats';
      /** stats, eventstats and streamstats share a grammar. */
      readonly variant: 'stats' | 'eventstats' | 'streamstats';
      readonly aggregations: readonly Aggregation[];
      readonly by: readonly FieldName[];
      readonly options: readonly CommandOption[];
    })
  | (CommandBase & { readonly kind: 'table'; readonly fields: readonly FieldName[] })
  | (CommandBase & { readonly kind: 'fields'; readonly remove: boolean; readonly fields: readonly FieldName[] })
  | (CommandBase & { readonly kind: 'rename'; readonly pairs: readonly { readonly from: string; readonly to: string; readonly span: Span }[] })
  | (CommandBase & { readonly kind: 'sort'; readonly limit: number | null; readonly keys: readonly SortKey[] })
  | (CommandBase & { readonly kind: 'head'; readonly count: number; readonly expr: Expr | null; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'tail'; readonly count: number })
  | (CommandBase & { readonly kind: 'dedup'; readonly count: number; readonly fields: readonly FieldName[]; readonly options: readonly CommandOption[]; readonly sortBy: readonly SortKey[] })
  | (CommandBase & { readonly kind: 'bin'; readonly field: string; readonly as: string | null; readonly options: readonly CommandOption[] })
  /** `convert [timeformat=F] fn(field) [AS out] ...`: per-field conversions (ctime, mktime, dur2sec, num, none, ...). */
  | (CommandBase & { readonly kind: 'convert'; readonly timeformat: string | null; readonly conversions: readonly ConvertCall[] })
  | (CommandBase & { readonly kind: 'fillnull'; readonly value: string; readonly fields: readonly FieldName[] })
  | (CommandBase & { readonly kind: 'rex'; readonly field: string; readonly mode: 'extract' | 'sed'; readonly pattern: string; readonly patternSpan: Span; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'spath'; readonly input: string; readonly output: string | null; readonly path: string | null; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'mvexpand'; readonly field: string; readonly limit: number | null })
  /** `makemv [delim=s | tokenizer=re] [allowempty=b] [setsv=b] field`. */
  | (CommandBase & { readonly kind: 'makemv'; readonly field: string; readonly options: readonly CommandOption[] })
  | (CommandBase & {
      readonly kind: 'lookup';
      readonly table: string;
      /** `lookup t key AS eventField` */
      readonly keys: readonly { readonly lookupField: string; readonly eventField: string }[];
      readonly outputMode: 'OUTPUT' | 'OUTPUTNEW' | null;
      readonly outputs: readonly { readonly lookupField: string; readonly eventField: string }[];
      readonly options: readonly CommandOption[];
    })
  | (CommandBase & { readonly kind: 'multisearch' | 'union'; readonly subsearches: readonly Pipeline[]; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'append'; readonly subsearch: Pipeline; readonly options: readonly CommandOption[] })
  /** `join [options] field, ... [subsearch]`. */
  | (CommandBase & { readonly kind: 'join'; readonly fields: readonly FieldName[]; readonly options: readonly CommandOption[]; readonly subsearch: Pipeline })
  | (CommandBase & { readonly kind: 'iplocation'; readonly field: string; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'makeresults'; readonly options: readonly CommandOption[] })
  | (CommandBase & { readonly kind: 'inputlookup'; readonly table: string; readonly options: readonly CommandOption[] })
  /**
   * A command Splunk has that sightline parses but does not execute (tstats, timechart, join, transaction, ...).
   * Kept so that real-world searches parse; the planner reports SPL-UNSUPPORTED-COMMAND with this span.
   */
  | (CommandBase & { readonly kind: 'unsupported'; readonly name: string; readonly argsText: string });

export type CommandKind = Command['kind'];

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly commands: readonly Command[];
  readonly span: Span;
}
