// A set of Sigma documents -> runnable queries on the logical plan. Detection rules become scan leaves whose
// predicate is `sourcetype=<mapped>` AND the detection AND the filters that name the rule (sigma-filters-
// specification.md: a filter's condition is added to the rule's with AND). Rules referenced by a
// correlation run only inside it unless the correlation says `generate: true` (correlation spec, "Generate").

import { fail, SightlineError, type Diagnostic } from '../core/diagnostics.ts';
import type { PlanExpr, PlanNode, QueryPlan } from '../plan/nodes.ts';
import type { SigmaCorrelationRule, SigmaFilter, SigmaRule } from '../backends/sigma/model.ts';
import { lowerCorrelation, type CorrelatedRule } from './correlation.ts';
import { detectionExpr } from './detection.ts';
import { byPlace, type LoadedSigma } from './load.ts';
import { resolveLogsource, type SourceMapping } from './mapping.ts';
import { deadFieldWarnings, type ReadField } from './dead-fields.ts';
import { attackOfTags } from './tags.ts';

export interface SigmaQuery {
  /** The Sigma rule's id, else its name, else its title. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly kind: 'rule' | 'correlation';
  /** Fields that name the entity of an alert: a correlation's group-by (for table/OCSF output). */
  readonly entities: readonly string[];
  readonly level: string;
  readonly tags: readonly string[];
  /** The rule's author: DRL 1.1 asks for it in every view that shows matches of a SigmaHQ rule. */
  readonly author: string;
  /** `tactic` is the first tactic tag; `tactics` all of them, in tag order. */
  readonly attack: { readonly tactic: string; readonly tactics: readonly string[]; readonly technique: string; readonly subtechnique?: string };
  readonly sourcetypes: readonly string[];
  readonly plan: QueryPlan;
  readonly file: string;
}

export interface LowerOptions {
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
}

interface PreparedRule {
  readonly loaded: LoadedSigma;
  readonly doc: SigmaRule;
  readonly mapping: SourceMapping;
  readonly predicate: PlanExpr;
}

/** The error `run` throws, placed in the document's file (condition errors at their span), or null. */
function refusal(loaded: LoadedSigma, run: () => void): Diagnostic | null {
  try {
    run();
    return null;
  } catch (e) {
    if (!(e instanceof SightlineError)) throw e;
    const d = e.diagnostic;
    if (d.file) return d;
    // A condition parse error's span is relative to the condition text: moved into the file. Other errors
    // point at the start of their document.
    const inCondition = d.code === 'SIGMA-BAD-CONDITION' || d.code === 'SIGMA-UNSUPPORTED-AGGREGATION';
    const span = inCondition && d.span && loaded.conditionOffset !== undefined
      ? { start: loaded.conditionOffset + d.span.start, end: loaded.conditionOffset + d.span.end }
      : { start: loaded.offset, end: loaded.offset + 1 };
    return { ...d, file: loaded.file, span };
  }
}

const sourcetypeIs = (st: string): PlanExpr => ({ kind: 'searchMatch', field: 'sourcetype', op: '=', pattern: { text: st, wildcard: false, caseSensitive: false } });

function refs(d: { id?: string; name?: string }): string[] {
  return [d.id, d.name].filter((x) => x !== undefined && x !== null).map(String);
}

/** The queries that could be lowered, one refusal per rule or correlation that could not, and how many loaded. */
export interface LoweredSigma {
  readonly queries: SigmaQuery[];
  readonly refused: Diagnostic[];
  /** Dead-rule warnings of rules that loaded (SIGMA-DEAD-FIELD, SIGMA-ARRAY-PATH; dead-fields.ts). */
  readonly warnings: Diagnostic[];
  /** Detection rules and correlations lowered (a rule used only inside a correlation counts, but has no query). */
  readonly loaded: number;
}

/** Lowers every document that can run; each one that cannot is refused alone (a correlation with its rule). */
export function lowerSigmaEach(docs: readonly LoadedSigma[], opts: LowerOptions = {}): LoweredSigma {
  const refused: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const filters = docs.filter((d) => d.document.kind === 'filter');
  const prepared = new Map<string, PreparedRule>();
  const refusedRefs = new Map<string, string>();
  const rules: PreparedRule[] = [];
  for (const loaded of docs) {
    if (loaded.document.kind !== 'rule') continue;
    const doc = loaded.document.doc;
    const read: ReadField[] = [];
    const problem = refusal(loaded, () => {
      const mapping = resolveLogsource(doc.logsource);
      const field = (f: string) => {
        const splunk = mapping.field(f);
        read.push({ sigma: f, splunk });
        return splunk;
      };
      const ctx = { field, ...(opts.placeholders ? { placeholders: opts.placeholders } : {}) };
      const parts: PlanExpr[] = [sourcetypeIs(mapping.sourcetype), detectionExpr(doc.detection, ctx)];
      for (const fl of filters) {
        const f = fl.document.doc as SigmaFilter;
        if (!f.filter.rules.some((r) => refs(doc).includes(r))) continue;
        if (resolveLogsource(f.logsource).sourcetype !== mapping.sourcetype) continue;
        const { rules: _rules, ...detection } = f.filter as unknown as Record<string, unknown>;
        parts.push(detectionExpr(detection, ctx));
      }
      const p: PreparedRule = { loaded, doc, mapping, predicate: { kind: 'and', items: parts } };
      rules.push(p);
      warnings.push(...deadFieldWarnings(mapping.sourcetype, read, { file: loaded.file, span: { start: loaded.offset, end: loaded.offset + 1 } }));
      for (const r of refs(doc)) prepared.set(r, p);
    });
    if (problem) {
      refused.push(problem);
      for (const r of refs(doc)) refusedRefs.set(r, problem.code);
    }
  }
  const out: SigmaQuery[] = [];
  // A rule a correlation names does not alert alone (unless `generate: true`), even when the correlation is
  // refused: its matches were never meant as alerts.
  const consumed = new Set<string>();
  let correlations = 0;
  for (const loaded of docs) {
    if (loaded.document.kind !== 'correlation') continue;
    const c = loaded.document.doc as SigmaCorrelationRule;
    if (!c.generate) for (const r of c.correlation.rules) consumed.add(r);
    const problem = refusal(loaded, () => {
      const members: CorrelatedRule[] = c.correlation.rules.map((ref) => {
        const p = prepared.get(ref);
        if (!p) {
          const isCorrelation = docs.some((d) => d.document.kind === 'correlation' && refs(d.document.doc).includes(ref));
          const refusedAs = refusedRefs.get(ref);
          if (refusedAs) fail('SIGMA-REFUSED-RULE', `correlation '${c.title}' names rule '${ref}', which was refused (${refusedAs})`);
          fail(isCorrelation ? 'SIGMA-UNSUPPORTED-CORRELATION' : 'SIGMA-UNKNOWN-RULE', isCorrelation ? `correlation '${c.title}' chains correlation '${ref}': chained correlations are not supported` : `correlation '${c.title}' names rule '${ref}', which was not loaded`);
        }
        return { name: p.doc.name ?? ref, predicate: p.predicate, mapping: p.mapping };
      });
      const root = lowerCorrelation(c, members);
      out.push(query(loaded, c, 'correlation', root, [...new Set(members.map((m) => m.mapping.sourcetype))]));
    });
    if (problem) refused.push(problem);
    else correlations++;
  }
  let fieldRefusals = 0;
  for (const p of rules) {
    if (refs(p.doc).some((r) => consumed.has(r))) continue;
    const scan: PlanNode = { kind: 'scan', predicate: p.predicate, earliest: null, latest: null };
    let root: PlanNode = scan;
    const doc = p.doc;
    const problem = doc.fields?.length
      ? refusal(p.loaded, () => {
          // The alert shows the rule's `fields` under the names the Sigma rule uses.
          const pairs = [...new Set(doc.fields ?? [])].map((f) => ({ from: p.mapping.field(f), to: f }));
          const table: PlanNode = { kind: 'table', input: scan, fields: ['_time', ...new Set(pairs.map((x) => x.from))] };
          const renames = pairs.filter((x) => x.from !== x.to && pairs.filter((y) => y.from === x.from).length === 1);
          root = renames.length ? { kind: 'rename', input: table, pairs: renames } : table;
        })
      : null;
    if (problem) {
      refused.push(problem);
      fieldRefusals++;
      continue;
    }
    out.push(query(p.loaded, doc, 'rule', root, [p.mapping.sourcetype]));
  }
  refused.sort(byPlace);
  const refusedFiles = new Set(refused.map((d) => `${d.file}:${d.span?.start}`));
  return { queries: out, refused, warnings: warnings.filter((w) => !refusedFiles.has(`${w.file}:${w.span?.start}`)), loaded: rules.length - fieldRefusals + correlations };
}

/** Lowers every document; throws the first refusal (for a single rule, where nothing runs without it). */
export function lowerSigma(docs: readonly LoadedSigma[], opts: LowerOptions = {}): SigmaQuery[] {
  const { queries, refused } = lowerSigmaEach(docs, opts);
  if (refused.length) throw new SightlineError(refused[0]!);
  return queries;
}

function query(loaded: LoadedSigma, doc: SigmaRule | SigmaCorrelationRule, kind: 'rule' | 'correlation', root: PlanNode, sourcetypes: string[]): SigmaQuery {
  const tags = [...((doc as SigmaRule).tags ?? [])];
  return {
    id: String(doc.id ?? doc.name ?? doc.title),
    title: doc.title,
    description: doc.description ?? '',
    kind,
    entities: kind === 'correlation' ? [...((doc as SigmaCorrelationRule).correlation['group-by'] ?? [])] : [],
    level: doc.level ?? 'medium',
    tags,
    author: doc.author ?? '',
    attack: attackOfTags(tags),
    sourcetypes,
    plan: { root },
    file: loaded.file,
  };
}
