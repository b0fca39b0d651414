// The logical plan: the one representation that executors and translators read. Lowered from the SPL AST by
// plan/lower.ts (and from Sigma by the Sigma loader); translators never look at SPL text.
//
// Execution model (exec/): push-based. A driver reads events once and pushes each into every `scan` leaf of
// every plan it runs (all rules of `detect`, all branches of a multisearch); operators push rows upward and
// flush on end. So one pass over the data serves any number of scans.

import type { Value } from '../core/value.ts';
import type { Span } from '../core/diagnostics.ts';

// ---------------------------------------------------------------- expressions

/**
 * A value pattern from a search: case-insensitive unless `caseSensitive` (CASE()), `*` is a wildcard
 * when `wildcard` is true (the text is then split on `*`). Backends translate this typed value; nobody
 * escapes it ahead of them.
 */
export interface Pattern {
  readonly text: string;
  readonly wildcard: boolean;
  readonly caseSensitive: boolean;
}

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%';

export type PlanExpr =
  /** A field by its Splunk name (`userIdentity.arn`, `resources{}.ARN`, `_time`). */
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: Value | boolean }
  /** An eval function from functions/registry.ts, name in lower case. */
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly PlanExpr[] }
  | { readonly kind: 'arith'; readonly op: ArithOp; readonly left: PlanExpr; readonly right: PlanExpr }
  | { readonly kind: 'concat'; readonly left: PlanExpr; readonly right: PlanExpr }
  | { readonly kind: 'neg'; readonly operand: PlanExpr }
  /** eval/where comparison: exact, case-sensitive, numeric when both sides are numbers. */
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly left: PlanExpr; readonly right: PlanExpr }
  /** eval/where `like(x, "a%")` / `x LIKE "a%"`. */
  | { readonly kind: 'like'; readonly expr: PlanExpr; readonly pattern: PlanExpr }
  /** eval/where `x IN ("a","b")` / `in(x, "a", "b")`: exact comparison. */
  | { readonly kind: 'inList'; readonly expr: PlanExpr; readonly list: readonly PlanExpr[] }
  | { readonly kind: 'and'; readonly items: readonly PlanExpr[] }
  | { readonly kind: 'or'; readonly items: readonly PlanExpr[] }
  | { readonly kind: 'xor'; readonly left: PlanExpr; readonly right: PlanExpr }
  | { readonly kind: 'not'; readonly operand: PlanExpr }
  /**
   * Search-command field comparison (`field=value`, `field!=value`, `field>5`, `field IN (..)` lowers to an
   * `or` of these). Case-insensitive with wildcards; true when ANY value of a multivalue field matches;
   * `!=` is false when the field is missing, unlike `NOT field=value`; `field=*` means "field exists".
   */
  | { readonly kind: 'searchMatch'; readonly field: string; readonly op: CompareOp; readonly pattern: Pattern }
  /** A bare search term or phrase, matched against `_raw`. */
  | { readonly kind: 'searchTerm'; readonly pattern: Pattern; readonly termMode: boolean };

export type PlanExprKind = PlanExpr['kind'];

// ---------------------------------------------------------------- operators

export interface PlanAggregation {
  /** Lower-case aggregate name from functions/aggregate: count, dc, values, list, min, max, sum, avg, ... */
  readonly fn: string;
  /** null for bare `count`. */
  readonly arg: PlanExpr | null;
  readonly as: string;
}

export interface PlanSortKey {
  readonly field: string;
  readonly descending: boolean;
  readonly type: 'auto' | 'num' | 'str' | 'ip';
}

export interface TimeBound {
  /** As written: `-24h@h`, `0`, `1700000000`, `11/27/2026:00:00:00`. Resolved against ExecContext.now. */
  readonly spec: string;
}

/** The convert functions sightline executes (convert docs); the others fail at planning. */
export type ConvertFn = 'ctime' | 'mktime' | 'dur2sec' | 'num' | 'rmcomma' | 'none';

export interface PlanConversion {
  readonly fn: ConvertFn;
  readonly field: string;
  /** Output field; null writes back to the field itself. */
  readonly as: string | null;
}

interface NodeBase {
  /** Where in the source query this operator came from, for runtime errors and explain. */
  readonly span?: Span;
}

export type PlanNode =
  /**
   * The leaf that receives events. `predicate` is the leading search, already lowered; `sourcetypes` lists
   * the sourcetypes the predicate requires (derived, for routing and byte prefilters), null when any.
   */
  | (NodeBase & {
      readonly kind: 'scan';
      readonly predicate: PlanExpr | null;
      readonly earliest: TimeBound | null;
      readonly latest: TimeBound | null;
    })
  | (NodeBase & { readonly kind: 'filter'; readonly input: PlanNode; readonly predicate: PlanExpr })
  | (NodeBase & { readonly kind: 'eval'; readonly input: PlanNode; readonly assignments: readonly { readonly field: string; readonly expr: PlanExpr }[] })
  | (NodeBase & {
      readonly kind: 'aggregate';
      readonly input: PlanNode;
      readonly mode: 'stats' | 'eventstats' | 'streamstats';
      readonly aggregations: readonly PlanAggregation[];
      readonly by: readonly string[];
      /** streamstats `window=N`, `time_window=1h`, `current=f`, stats `allnum` etc. */
      readonly options: Readonly<Record<string, string>>;
      /** streamstats reset_before/reset_after, parsed from their options (which stay in `options` as written). */
      readonly resets?: { readonly before: PlanExpr | null; readonly after: PlanExpr | null };
    })
  /** `table a, b*`: keep these fields in this order (wildcards allowed). */
  | (NodeBase & { readonly kind: 'table'; readonly input: PlanNode; readonly fields: readonly string[] })
  /** `fields a b` / `fields - a b`. */
  | (NodeBase & { readonly kind: 'fields'; readonly input: PlanNode; readonly remove: boolean; readonly fields: readonly string[] })
  | (NodeBase & { readonly kind: 'rename'; readonly input: PlanNode; readonly pairs: readonly { readonly from: string; readonly to: string }[] })
  /** `limit` 10000 by default, 0 for all (sort docs). */
  | (NodeBase & { readonly kind: 'sort'; readonly input: PlanNode; readonly keys: readonly PlanSortKey[]; readonly limit: number })
  | (NodeBase & { readonly kind: 'head'; readonly input: PlanNode; readonly count: number; readonly predicate: PlanExpr | null; readonly keeplast: boolean; readonly null: boolean })
  | (NodeBase & { readonly kind: 'tail'; readonly input: PlanNode; readonly count: number })
  | (NodeBase & {
      readonly kind: 'dedup';
      readonly input: PlanNode;
      readonly fields: readonly string[];
      readonly count: number;
      readonly keepempty: boolean;
      readonly consecutive: boolean;
      readonly sortBy: readonly PlanSortKey[];
    })
  /** `bin _time span=1h` (or bins=N / minspan / aligntime); span kept as written. */
  | (NodeBase & { readonly kind: 'bin'; readonly input: PlanNode; readonly field: string; readonly as: string; readonly options: Readonly<Record<string, string>> })
  /**
   * `convert timeformat=F ctime(f) AS g ...`: per-field value conversions applied left to right. Fields may
   * hold `*` wildcards; `none(f)` names fields the wildcard conversions skip. timeformat is already defaulted.
   */
  | (NodeBase & { readonly kind: 'convert'; readonly input: PlanNode; readonly timeformat: string; readonly conversions: readonly PlanConversion[] })
  | (NodeBase & { readonly kind: 'fillnull'; readonly input: PlanNode; readonly value: string; readonly fields: readonly string[] })
  | (NodeBase & {
      readonly kind: 'rex';
      readonly input: PlanNode;
      readonly field: string;
      readonly mode: 'extract' | 'sed';
      readonly pattern: string;
      readonly maxMatch: number;
    })
  | (NodeBase & { readonly kind: 'spath'; readonly input: PlanNode; readonly inputField: string; readonly output: string | null; readonly path: string | null })
  | (NodeBase & { readonly kind: 'mvexpand'; readonly input: PlanNode; readonly field: string; readonly limit: number | null })
  /**
   * `makemv`: the field's text split at every `delim` or made of every match of `tokenizer` (exactly one is
   * set); empty values are dropped unless allowempty.
   */
  | (NodeBase & { readonly kind: 'makemv'; readonly input: PlanNode; readonly field: string; readonly delim: string | null; readonly tokenizer: string | null; readonly allowempty: boolean })
  | (NodeBase & {
      readonly kind: 'lookup';
      readonly input: PlanNode;
      readonly table: string;
      readonly keys: readonly { readonly lookupField: string; readonly eventField: string }[];
      /** Empty outputs means every non-key column of the table. */
      readonly outputs: readonly { readonly lookupField: string; readonly eventField: string }[];
      readonly overwrite: boolean;
    })
  | (NodeBase & { readonly kind: 'iplocation'; readonly input: PlanNode; readonly field: string; readonly prefix: string; readonly allFields: boolean })
  /**
   * Several inputs merged. `multisearch`: streaming branches interleaved. `union`: the same, for streaming
   * branches. `append`: rows of inputs[1..] after all rows of inputs[0].
   */
  | (NodeBase & { readonly kind: 'union'; readonly mode: 'multisearch' | 'union' | 'append'; readonly inputs: readonly PlanNode[]; readonly maxout: number | null })
  /**
   * `join fields [subsearch]`: each input row meets the subsearch rows with equal values of every join field
   * (at most `max` of them, 0 = all); a match copies the subsearch row's fields onto a copy of the input row
   * (replacing its own only when `overwrite`). `type` inner drops input rows without a match, left keeps
   * them. The subsearch keeps at most `maxout` rows.
   */
  | (NodeBase & {
      readonly kind: 'join';
      readonly input: PlanNode;
      readonly subsearch: PlanNode;
      readonly fields: readonly string[];
      readonly type: 'inner' | 'left';
      readonly max: number;
      readonly overwrite: boolean;
      readonly maxout: number;
    })
  | (NodeBase & { readonly kind: 'makeresults'; readonly count: number; readonly annotate: boolean })
  | (NodeBase & { readonly kind: 'inputlookup'; readonly table: string });

export type PlanNodeKind = PlanNode['kind'];

/** The streamstats options the planner accepts and exec runs (the others fail with SPL-UNSUPPORTED-OPTION). */
export const STREAMSTATS_OPTIONS: readonly string[] = ['window', 'time_window', 'current', 'global', 'reset_on_change', 'reset_before', 'reset_after'];

/** A complete lowered query plus what the planner learned about it. */
export interface QueryPlan {
  readonly root: PlanNode;
  /** The SPL text the plan came from (for diagnostics only; consumers must not parse it). */
  readonly source?: string;
}
