// Sigma v2 documents as typed data: detection rules, correlation rules and filters (sigma-specification
// v2.1.0). Kept independent of the translator so a later Sigma *import* (Sigma -> plan) can reuse them.

export type SigmaLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type SigmaStatus = 'stable' | 'test' | 'experimental' | 'deprecated' | 'unsupported';

export interface SigmaLogsource {
  readonly product?: string;
  readonly service?: string;
  readonly category?: string;
  readonly definition?: string;
}

/** One value of a field condition: strings may hold Sigma wildcards (`*`, `?`) escaped with `\`. */
export type SigmaValue = string | number | boolean | null;

/** A selection: field-with-modifiers -> value(s) (AND across keys, OR across a key's list). */
export type SigmaSelection = Readonly<Record<string, SigmaValue | readonly SigmaValue[]>>;

export interface SigmaDetection {
  readonly [name: string]: SigmaSelection | readonly SigmaSelection[] | string;
}

export interface SigmaRule {
  readonly title: string;
  readonly id?: string;
  readonly name?: string;
  readonly status?: SigmaStatus;
  readonly description?: string;
  readonly references?: readonly string[];
  readonly author?: string;
  readonly date?: string;
  readonly tags?: readonly string[];
  readonly logsource: SigmaLogsource;
  readonly detection: SigmaDetection & { readonly condition: string };
  readonly fields?: readonly string[];
  readonly falsepositives?: readonly string[];
  readonly level?: SigmaLevel;
}

export type SigmaCorrelationType = 'event_count' | 'value_count' | 'value_sum' | 'value_avg' | 'temporal' | 'temporal_ordered' | 'value_percentile';
export type SigmaCountCondition = Partial<Record<'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq', number>> & { readonly field?: string };

export interface SigmaCorrelationRule {
  readonly title: string;
  readonly id?: string;
  readonly name?: string;
  readonly status?: SigmaStatus;
  readonly description?: string;
  readonly author?: string;
  readonly date?: string;
  readonly references?: readonly string[];
  readonly correlation: {
    readonly type: SigmaCorrelationType;
    readonly rules: readonly string[];
    /** Alias -> (rule name -> that rule's field): a group-by name that is a different field per rule. */
    readonly aliases?: Readonly<Record<string, Readonly<Record<string, string>>>>;
    readonly 'group-by'?: readonly string[];
    readonly timespan: string;
    readonly condition?: SigmaCountCondition;
  };
  readonly falsepositives?: readonly string[];
  readonly level?: SigmaLevel;
  readonly generate?: boolean;
}

export interface SigmaFilter {
  readonly title: string;
  readonly id?: string;
  readonly description?: string;
  readonly date?: string;
  readonly logsource: SigmaLogsource;
  readonly filter: { readonly rules: readonly string[]; readonly selection: SigmaSelection | readonly SigmaSelection[]; readonly condition: string };
}

export type SigmaDocument =
  /**
   * substitutes: Sigma field renames for allowlist filters aimed at this rule (a coalesce split's field).
   * feeds: the SPL output fields this rule's events feed (a correlation step); absent = all of them. An allowlist
   * filter on other output fields is not aimed at it.
   */
  | { readonly kind: 'rule'; readonly doc: SigmaRule; readonly substitutes?: Readonly<Record<string, string>>; readonly feeds?: readonly string[] }
  | { readonly kind: 'correlation'; readonly doc: SigmaCorrelationRule }
  | { readonly kind: 'filter'; readonly doc: SigmaFilter };

/** Escapes a literal for a Sigma string value (`*`, `?` and `\` are special). */
export function sigmaLiteral(text: string): string {
  return text.replace(/[\\*?]/g, (c) => `\\${c}`);
}
