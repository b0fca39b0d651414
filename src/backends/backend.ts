// The shared contract of every translator: a target reads a QueryPlan (never SPL text) and returns query
// text plus diagnostics. Constructs a target cannot express are collected with `unsupported()` and make the
// translation fail (fail closed): a caller never receives a weaker query.

import type { Diagnostic, Span } from '../core/diagnostics.ts';
import type { PlanExpr, PlanNode, QueryPlan } from '../plan/nodes.ts';

export type Target = 'sigma' | 'kql' | 'esql' | 'sql';
export const TARGETS: readonly Target[] = ['sigma', 'kql', 'esql', 'sql'];

/** Rule metadata a target may print (Sigma needs most of it; query languages use id/title in comments). */
export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly severity?: string;
  readonly technique?: string;
  readonly tactic?: string;
  readonly falsePositives?: readonly string[];
  readonly references?: readonly string[];
  /** Sigma correlation `timespan` for stats branches (e.g. `1h`); the rule's search window. */
  readonly window?: string;
  readonly date?: string;
}

export interface TranslateOptions {
  /** SQL: the raw log files DuckDB reads (paths or globs). */
  readonly sqlInput?: readonly string[];
  /** SQL: directories searched for `lookup` CSV tables, in order (as the native engine's lookupDirs). */
  readonly lookupDirs?: readonly string[];
}

export interface TranslatedQuery {
  /** Which branch of the rule (0-based) and which sourcetype it reads. */
  readonly branch: number;
  readonly sourcetype: string;
  readonly text: string;
}

export interface Translation {
  readonly target: Target;
  readonly ok: boolean;
  /** The whole output as one file (queries joined the way the target joins them). */
  readonly text: string;
  /** When the target runs several separate queries (ES|QL over several data streams): each one as a file of
   *  its own, header comment included, ready to paste. Absent for a single query. */
  readonly queries?: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Collects the constructs a target cannot express; translation continues so every problem is reported. */
export class Problems {
  readonly list: Diagnostic[] = [];
  /** The span of the plan node being translated: problems inside its expressions are reported there. */
  context: Span | undefined;

  /** Records an error and returns a marker that makes the output visibly unusable. */
  unsupported(code: string, message: string, at?: { span?: Span } | Span | null, hint?: string): string {
    const span = (at && 'start' in at ? at : at?.span) ?? this.context;
    this.list.push({ code, message, severity: 'error', ...(span ? { span } : {}), ...(hint ? { hint } : {}) });
    return `UNSUPPORTED ${code}`;
  }

  /** A limit of the target the translation states but cannot remove (it still translates). */
  warning(code: string, message: string, span?: Span): void {
    this.list.push({ code, message, severity: 'warning', ...(span ? { span } : {}) });
  }

  note(code: string, message: string, span?: Span): void {
    this.list.push({ code, message, severity: 'info', ...(span ? { span } : {}) });
  }

  get failed(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
}

export type ExprHandlers<K extends PlanExpr['kind'], R> = { [P in K]: (e: Extract<PlanExpr, { kind: P }>) => R };
export type NodeHandlers<R> = { [P in PlanNode['kind']]: (n: Extract<PlanNode, { kind: P }>) => R };

/** Dispatches an expression through an exhaustive handler table. */
export function dispatchExpr<R>(table: ExprHandlers<PlanExpr['kind'], R>, e: PlanExpr): R {
  return (table[e.kind] as (x: PlanExpr) => R)(e);
}

export function dispatchNode<R>(table: NodeHandlers<R>, n: PlanNode, missing?: (n: PlanNode) => R): R {
  const handler = table[n.kind] as ((x: PlanNode) => R) | undefined;
  // A plan kind newer than this backend (the type check catches it; this keeps a stale build failing closed).
  if (!handler && missing) return missing(n);
  return handler!(n);
}

export type Translator = (plan: QueryPlan, meta: RuleMeta, opts?: TranslateOptions) => Translation;
