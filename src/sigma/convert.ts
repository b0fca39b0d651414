// `sightline convert rule.yml --to spl` for Sigma input: is this file Sigma (rather than a sightline rule)?
// and each query of the file as SPL, printed from its lowered plan (one `search` per line, each led by a ``` comment with its title).

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatDiagnostic, SightlineError } from '../core/diagnostics.ts';
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

/**
 * The `convert` command's path for a Sigma input file: SPL to `out` (or `<outDir>/<name>.spl`); a target
 * other than spl, or a Sigma construct sightline cannot lower, is a named error. Returns the exit code.
 */
export function convertSigmaInput(file: string, to: string, outDir: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  if (to !== 'spl') {
    err(`sightline convert: CLI-SIGMA-TARGET: ${file} is a Sigma rule; Sigma input converts to --to spl only\n`);
    return 2;
  }
  let text: string;
  try {
    text = sigmaFileToSpl(file);
  } catch (e) {
    if (!(e instanceof SightlineError)) throw e;
    const d = { ...e.diagnostic, file: e.diagnostic.file ?? file };
    err(`${formatDiagnostic(d, readFileSync(d.file, 'utf8'))}\n`);
    return 2;
  }
  if (outDir) writeFileSync(join(outDir, `${basename(file).replace(/\.ya?ml$/, '')}.spl`), text);
  else out(text);
  return 0;
}
