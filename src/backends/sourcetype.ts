// Finds the one sourcetype a scan reads. Every target selects data by table / index / logsource rather than
// by Splunk's `sourcetype` and `index` fields, so those conditions are evaluated here, per candidate
// sourcetype, and removed from the predicate. A scan that could read several sourcetypes is not translated.

import type { PlanExpr, Pattern } from '../plan/nodes.ts';
import type { Problems } from './backend.ts';
import type { ScanNode } from './branches.ts';
import { loadMappingData } from './mapping-data.ts';

/** The sourcetypes every target maps (log-sources.md). */
export const KNOWN_SOURCETYPES = [
  'aws:cloudtrail',
  'azure:monitor:aad:signin',
  'o365:management:activity',
  'azure:activity',
  'google:gcp:pubsub:message',
  'gws:reports:admin',
  'gws:reports:login',
] as const;

type Folded = PlanExpr | boolean;

function indexOf(sourcetype: string): string | undefined {
  return loadMappingData<{ index: Record<string, string> }>('sourcetypes.yml').index[sourcetype];
}

/** Splunk search matching of a literal against a pattern: case-insensitive, `*` matches any run. */
export function patternMatches(p: Pattern, value: string): boolean {
  const parts = p.wildcard ? p.text.split('*') : [p.text];
  const norm = (s: string) => (p.caseSensitive ? s : s.toLowerCase());
  const v = norm(value);
  if (parts.length === 1) return v === norm(parts[0]!);
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = norm(parts[i]!);
    if (i === 0) {
      if (!v.startsWith(part)) return false;
      pos = part.length;
    } else if (i === parts.length - 1) {
      return v.length - part.length >= pos && v.endsWith(part);
    } else {
      const at = v.indexOf(part, pos);
      if (at < 0) return false;
      pos = at + part.length;
    }
  }
  return true;
}

/** Replaces sourcetype conditions by their truth value for `st`, drops index conditions, folds constants. */
function specialise(e: PlanExpr, st: string, seen: { sourcetype: boolean }): Folded {
  switch (e.kind) {
    case 'searchMatch':
      if (e.field === 'sourcetype' && (e.op === '=' || e.op === '!=')) {
        seen.sourcetype = true;
        const m = patternMatches(e.pattern, st);
        return e.op === '=' ? m : !m;
      }
      // index is where Splunk stored the events: judged against the sourcetype's index, then dropped.
      if (e.field === 'index' && (e.op === '=' || e.op === '!=')) {
        const idx = indexOf(st);
        const m = idx !== undefined && patternMatches(e.pattern, idx);
        return e.op === '=' ? m : !m;
      }
      return e;
    case 'and': {
      const items: PlanExpr[] = [];
      for (const item of e.items) {
        const f = specialise(item, st, seen);
        if (f === false) return false;
        if (f !== true) items.push(f);
      }
      return items.length === 0 ? true : items.length === 1 ? items[0]! : { kind: 'and', items };
    }
    case 'or': {
      const items: PlanExpr[] = [];
      for (const item of e.items) {
        const f = specialise(item, st, seen);
        if (f === true) return true;
        if (f !== false) items.push(f);
      }
      return items.length === 0 ? false : items.length === 1 ? items[0]! : { kind: 'or', items };
    }
    case 'not': {
      const f = specialise(e.operand, st, seen);
      return typeof f === 'boolean' ? !f : { kind: 'not', operand: f };
    }
    default:
      return e;
  }
}

export function resolveSourcetype(scan: ScanNode, problems: Problems): { sourcetype: string; predicate: PlanExpr | null } | null {
  if (!scan.predicate) {
    problems.unsupported('XLATE-NO-SOURCETYPE', 'the search names no sourcetype, so no target table can be chosen', scan, 'add sourcetype="..." to the search');
    return null;
  }
  const seen = { sourcetype: false };
  const candidates: { st: string; pred: Folded }[] = [];
  for (const st of KNOWN_SOURCETYPES) {
    const pred = specialise(scan.predicate, st, seen);
    if (pred !== false) candidates.push({ st, pred });
  }
  if (!seen.sourcetype) {
    problems.unsupported('XLATE-NO-SOURCETYPE', 'the search names no sourcetype, so no target table can be chosen', scan, 'add sourcetype="..." to the search');
    return null;
  }
  if (candidates.length === 0) {
    problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `the search matches none of the mapped sourcetypes (${KNOWN_SOURCETYPES.join(', ')})`, scan);
    return null;
  }
  if (candidates.length > 1) {
    problems.unsupported('XLATE-MULTIPLE-SOURCETYPES', `one search reads several sourcetypes (${candidates.map((c) => c.st).join(', ')})`, scan,
      'write one multisearch branch per sourcetype');
    return null;
  }
  const only = candidates[0]!;
  return { sourcetype: only.st, predicate: only.pred === true ? null : (only.pred as PlanExpr) };
}
