// `sightline convert rule.yml --to spl` for Sigma input: is this file Sigma (rather than a sightline rule)?
// and each query of the file as SPL, printed from its lowered plan (one `search` per line, each led by a ``` comment with its title).

import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { loadSigmaFile } from './load.ts';
import { lowerSigma, type LowerOptions } from './lower.ts';
import { sigmaPlanToSpl } from './to-spl.ts';

/** True when the YAML file's first document looks like Sigma (detection/correlation/filter, no `spl`). */
export function isSigmaFile(path: string): boolean {
  let first: unknown;
  try {
    first = parseAllDocuments(readFileSync(path, 'utf8'))[0]?.toJS();
  } catch {
    return false;
  }
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return false;
  const d = first as Record<string, unknown>;
  return d.spl === undefined && (d.detection !== undefined || d.correlation !== undefined || d.filter !== undefined);
}

/** SPL for every runnable query in a Sigma file; throws SightlineError for what cannot be lowered. */
export function sigmaFileToSpl(path: string, opts: LowerOptions = {}): string {
  return lowerSigma(loadSigmaFile(path), opts)
    .map((q) => `\`\`\` ${q.title.replace(/`/g, "'")} (Sigma ${q.id}) \`\`\`\n${sigmaPlanToSpl(q.plan.root)}\n`)
    .join('');
}
