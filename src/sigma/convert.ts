// `sightline convert rule.yml --to spl` for Sigma input: is this file Sigma (rather than a sightline rule)?
// and each query of the file as SPL, printed from its lowered plan (one `search` per line, each led by a ``` comment with its title).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { formatDiagnostic, SightlineError } from '../core/diagnostics.ts';
import { parseAllDocuments } from 'yaml';
import { loadSigmaFile } from './load.ts';
import { lowerSigma, type LowerOptions, type SigmaQuery } from './lower.ts';
import { formatRefusal, loadSigmaSet, sigmaSetSummary, type SigmaSet } from './rule-set.ts';
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

/** One query as SPL, led by a ``` comment with its title and id. */
function queryToSpl(q: SigmaQuery): string {
  return `\`\`\` ${q.title.replace(/`/g, "'")} (Sigma ${q.id}) \`\`\`\n${sigmaPlanToSpl(q.plan.root)}\n`;
}

/** SPL for every runnable query in a Sigma file; throws SightlineError for what cannot be lowered. */
export function sigmaFileToSpl(path: string, opts: LowerOptions = {}): string {
  return lowerSigma(loadSigmaFile(path), opts).map(queryToSpl).join('');
}

/**
 * `convert <folder> --to spl`: every Sigma file under the folder. What can be lowered is written (to `out`, or
 * `<outDir>/<path in the folder>.spl`); each refused rule is listed on `err` with its file, code and reason,
 * then one summary line. Exit 0 when the folder was read; 2 when it cannot be, or with `strict` when any rule
 * is refused (then nothing is written).
 */
export function convertSigmaFolder(dir: string, to: string, opts: { outDir?: string; strict?: boolean }, out: (s: string) => void, err: (s: string) => void): number {
  if (to !== 'spl') {
    err(`sightline convert: CLI-SIGMA-TARGET: ${dir} is a folder of Sigma rules; Sigma input converts to --to spl only\n`);
    return 2;
  }
  let set: SigmaSet;
  try {
    set = loadSigmaSet(dir);
  } catch (e) {
    if (!(e instanceof SightlineError)) throw e;
    err(`sightline convert: ${formatDiagnostic(e.diagnostic)}\n`);
    return 2;
  }
  const strictStop = opts.strict === true && set.refused.length > 0;
  if (!strictStop) {
    const byFile = new Map<string, SigmaQuery[]>();
    for (const q of set.queries) byFile.set(q.file, [...(byFile.get(q.file) ?? []), q]);
    for (const [file, queries] of byFile) {
      const text = queries.map(queryToSpl).join('');
      if (!opts.outDir) {
        out(text);
        continue;
      }
      const target = join(opts.outDir, `${relative(dir, file).replace(/\.ya?ml$/, '')}.spl`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  for (const d of [...set.refused, ...set.warnings]) err(`${formatRefusal(d)}\n`);
  err(`sightline convert: ${sigmaSetSummary(set)}${strictStop ? '; --strict: nothing was written' : ''}\n`);
  return strictStop ? 2 : 0;
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
