// Decides how the server evaluates a rule continuously. Rules whose plan only filters and reshapes events are
// "streaming": each stored event is evaluated once, in journal order. Rules that aggregate, deduplicate or
// keep the first/last N need a set of events, so they run over tumbling windows of event time.

export type RuleMode = { readonly kind: 'streaming' } | { readonly kind: 'windowed'; readonly seconds: number };

interface PlanLike {
  readonly kind: string;
  readonly input?: PlanLike;
  readonly inputs?: readonly PlanLike[];
}

const NEEDS_A_WINDOW = new Set(['aggregate', 'dedup', 'head', 'tail', 'join']);

export function planNeedsWindow(node: PlanLike): boolean {
  if (NEEDS_A_WINDOW.has(node.kind)) return true;
  if (node.input && planNeedsWindow(node.input)) return true;
  return (node.inputs ?? []).some(planNeedsWindow);
}

export const DEFAULT_WINDOW_SECONDS = 3600;

/** The rule-declared window (`realtime.window` or `window`, seconds or "15m"/"1h"/"1d"), else one hour. */
export function declaredWindowSeconds(rule: Readonly<Record<string, unknown>>): number {
  const rt = rule.realtime as Record<string, unknown> | undefined;
  const raw = rt?.window ?? rule.window;
  if (typeof raw === 'number' && raw > 0) return raw;
  if (typeof raw === 'string') {
    const m = /^(\d+)\s*([smhd])$/.exec(raw.trim());
    if (m) return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  }
  return DEFAULT_WINDOW_SECONDS;
}

export function ruleMode(rule: Readonly<Record<string, unknown>>, plan: { root: PlanLike }): RuleMode {
  return planNeedsWindow(plan.root) ? { kind: 'windowed', seconds: declaredWindowSeconds(rule) } : { kind: 'streaming' };
}
