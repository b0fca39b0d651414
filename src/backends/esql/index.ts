// The ES|QL target: one query per branch over the Elastic integration's data stream (FROM logs-...).
// ES|QL has no union of differently shaped sources, so a multisearch over several data streams gives several
// queries and operators after that union other than sort are not translated (their result would depend on
// all branches together); branches over one data stream are merged into one query (same-source.ts).

import type { QueryPlan } from '../../plan/nodes.ts';
import { Problems, type RuleMeta, type TranslateOptions, type Translation } from '../backend.ts';
import { splitBranches } from '../branches.ts';
import { loadMappingData } from '../mapping-data.ts';
import { otherBranchFields, type SourcetypeMapping } from '../target-mapping.ts';
import type { Span } from '../../core/diagnostics.ts';
import { EsqlBranch } from './branch.ts';
import { emitSameSource, sameSourceBranches } from './same-source.ts';
import { MAP_TEXT_DEPTH } from './map-text.ts';

/**
 * The platform limits of reading a map-text keyword, stated on every query that does (docs/translation.md):
 * the keyword's ignore_above, and what the text form cannot tell apart.
 */
function mapTextWarning(keyword: string, ignoreAbove: number | undefined): { code: string; message: string } {
  const limit = ignoreAbove === undefined ? 'a length limit' : `ignore_above ${ignoreAbove}`;
  return {
    code: 'XLATE-ESQL-MAP-TEXT-LIMITS',
    message: `${keyword} is Java map text with ${limit}: a longer value is not indexed and its keys read as null; the ingest pipeline drops empty-string values (null here); keys are also null when other parameters nest deeper than ${MAP_TEXT_DEPTH} levels, when the key's value is not a scalar without ', ', or when its top-level ', key=' occurs twice; a string parameter that itself contains ', key=value' is indistinguishable from the key`,
  };
}

interface EsqlMapping {
  readonly sourcetypes: Readonly<Record<string, SourcetypeMapping & { readonly from: string }>>;
  /** Keywords holding Java map text, with their `ignore_above` (see map-text.ts). */
  readonly map_text?: Readonly<Record<string, { readonly ignore_above: number }>>;
}

export function esqlMapping(): EsqlMapping {
  return loadMappingData<EsqlMapping>('esql/mapping.yml');
}

export interface EsqlQuery {
  readonly from: string;
  readonly text: string;
}

export function translateEsqlQueries(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): { queries: EsqlQuery[]; problems: Problems } {
  const problems = new Problems();
  const split = splitBranches(plan, problems);
  if (!split) return { queries: [], problems };
  const mapping = esqlMapping();
  const queries: EsqlQuery[] = [];
  /** Prepends the platform-limit warnings (as diagnostics and as comments) and records the query. */
  const finish = (b: EsqlBranch, from: string, lines: string[], span: Span | undefined) => {
    const warnings = [...b.mapText.sources].map((k) => mapTextWarning(k, mapping.map_text?.[k]?.ignore_above));
    for (const w of warnings) problems.list.push({ code: w.code, message: w.message, severity: 'warning', ...(span ? { span } : {}) });
    queries.push({ from, text: [...warnings.map((w) => `// warning ${w.code}: ${w.message}`), ...lines, ...b.lines].join('\n') });
  };
  const merged = sameSourceBranches(split);
  const m0 = mapping.sourcetypes[split.branches[0]!.sourcetype];
  if (merged && m0) {
    const b = new EsqlBranch(problems, split.branches[0]!.sourcetype, m0, new Set(), opts.lookupDirs ?? []);
    problems.context = split.union?.span ?? split.branches[0]!.scan.span;
    emitSameSource(b, split, merged);
    for (const op of [...merged.common, ...split.post]) b.op(op);
    finish(b, m0.from, [`FROM ${m0.from}`], split.branches[0]!.scan.span);
    return { queries, problems };
  }
  for (const br of split.branches) {
    const m = mapping.sourcetypes[br.sourcetype];
    if (!m) {
      problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `no Elastic data stream for ${br.sourcetype}`, br.scan);
      continue;
    }
    const elsewhere = otherBranchFields(split, br, mapping.sourcetypes);
    const b = new EsqlBranch(problems, br.sourcetype, m, elsewhere, opts.lookupDirs ?? []);
    const lines = [`FROM ${m.from}`];
    problems.context = br.scan.span;
    if (br.predicate) {
      const where = `| WHERE ${b.bool(br.predicate)}`;
      lines.push(...b.takeExtractions(), where);
    }
    for (const op of br.ops) b.op(op);
    for (const op of split.post) {
      if (op.kind === 'sort') b.op(op);
      else problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${op.kind}' after the union: ES|QL runs one query per branch`, op);
    }
    finish(b, m.from, lines, br.scan.span);
  }
  if (split.post.some((op) => op.kind === 'sort') && queries.length > 1) problems.note('XLATE-ORDER-PER-QUERY', 'sort after the union orders each branch query separately');
  return { queries, problems };
}

export function translateEsql(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): Translation {
  const { queries, problems } = translateEsqlQueries(plan, meta, opts);
  const header = `// ${meta.id}: ${meta.title}\n// Generated by sightline from the rule's logical plan: ES|QL over the Elastic integrations.\n`;
  const numbered = (i: number) => (queries.length > 1 ? `// query ${i + 1} of ${queries.length}\n` : '');
  const body = queries.map((q, i) => `${numbered(i)}${q.text}\n`).join('\n');
  const separate = queries.length > 1 ? { queries: queries.map((q, i) => `${header}${numbered(i)}${q.text}\n`) } : {};
  return { target: 'esql', ok: !problems.failed, text: header + body, ...separate, diagnostics: problems.list };
}
