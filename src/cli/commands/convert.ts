// `sightline convert <rule.yml...> --to sigma|kql|esql|sql|spl [--out DIR] [--check] [--input a,b]`: translates rules from
// their logical plan. A construct the target cannot express is an error with its code and position in the
// rule file (exit 2), never a weaker query; --check runs the target's validator (exit 1 on findings).
// A Sigma rule file as input converts to spl (src/sigma/convert.ts); so does a folder of Sigma rules, where each
// rule that cannot be converted is listed and the rest are written (--strict: any refusal exits 2). The translation itself is the app layer's
// (src/app/convert-rule.ts), shared with the web catalog; this file is the command line around it.

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { formatDiagnostic, SightlineError, type Diagnostic } from '../../core/diagnostics.ts';
import { DEFAULT_SQL_INPUT } from '../../backends/sql/index.ts';
import { loadRuleFile, type Rule } from '../../rules/load.ts';
import { checkRule } from '../../app/check-rule.ts';
import { convertRule, CONVERT_TARGETS, type ConvertOutput, type ConvertTarget } from '../../app/convert-rule.ts';
import { convertSigmaFolder, convertSigmaInput, isSigmaFile } from '../../sigma/convert.ts';
import { ruleFiles } from '../rule-files.ts';

const EXTENSION: Record<ConvertTarget, string> = { sigma: 'yml', kql: 'kql', esql: 'esql', sql: 'sql', spl: 'spl' };

export default defineCommand({
  meta: { name: 'convert', description: 'Translate rules to Sigma, KQL, ES|QL, SQL or SPL' },
  args: {
    rules: { type: 'positional', required: false, valueHint: 'rule.yml|dir...', description: 'rule files (sightline or Sigma), or directories of them' },
    to: { type: 'string', required: true, valueHint: 'target', description: 'sigma | kql | esql | sql | spl' },
    out: { type: 'string', valueHint: 'dir', description: 'write <rule-id>.<ext> files into this directory instead of stdout' },
    check: { type: 'boolean', default: false, description: 'validate the output (Sigma schemas, Kusto analyser, ES|QL checker, DuckDB binder)' },
    untuned: { type: 'boolean', default: false, description: 'leave the rule\'s allowlists out of the query' },
    input: { type: 'string', description: `--to sql: comma-separated log files or globs the query reads (default ${DEFAULT_SQL_INPUT.join(',')})` },
    'sql-input': { type: 'string', description: 'older name of --input' },
    strict: { type: 'boolean', default: false, description: 'a folder of Sigma rules: exit 2 and write nothing when any rule is refused' },
  },
  async run({ args }) {
    process.exitCode = await runConvert(convertRequest(args));
  },
});

/** The request for parsed CLI arguments; `--input` wins over its older name `--sql-input`. */
export function convertRequest(args: { _: readonly unknown[]; to: unknown; out?: unknown; check?: unknown; untuned?: unknown; input?: unknown; 'sql-input'?: unknown; strict?: unknown }): ConvertRequest {
  const input = args.input ?? args['sql-input'];
  return {
    files: args._.map(String),
    to: String(args.to),
    ...(args.out ? { out: String(args.out) } : {}),
    check: Boolean(args.check),
    tuned: !args.untuned,
    ...(args.strict ? { strict: true } : {}),
    ...(input ? { sqlInput: String(input).split(',').filter((p) => p !== '') } : {}),
  };
}

export interface ConvertRequest {
  readonly files: readonly string[];
  readonly to: string;
  readonly out?: string;
  readonly check?: boolean;
  readonly tuned?: boolean;
  readonly sqlInput?: readonly string[];
  /** A folder of Sigma rules: any refused rule exits 2 (nothing written) instead of being listed. */
  readonly strict?: boolean;
}

/** A sightline rule file: its YAML has a top-level `spl:` key (every rule has one; no Sigma rule does). */
function isSightlineRule(path: string): boolean {
  try {
    return /^spl:/m.test(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A diagnostic with its SPL span moved to the rule file, printed with the file line and a caret. */
function describe(d: Diagnostic, rule: Rule): string {
  if (!d.span) return formatDiagnostic({ ...d, file: rule.file });
  const fileText = readFileSync(rule.file, 'utf8');
  const span = { start: rule.splToFile(d.span.start), end: rule.splToFile(d.span.end) };
  return formatDiagnostic({ ...d, span, file: rule.file }, fileText);
}

export async function runConvert(req: ConvertRequest, out: (s: string) => void = (s) => void process.stdout.write(s)): Promise<number> {
  const err = (t: string) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`);
  if (!(CONVERT_TARGETS as readonly string[]).includes(req.to)) {
    err(`sightline convert: CLI-BAD-TARGET: unknown --to ${JSON.stringify(req.to)}\n  hint: use ${CONVERT_TARGETS.join(', ')}`);
    return 2;
  }
  if (req.files.length === 0) {
    err('sightline convert: CLI-NO-INPUT: give one or more rule files');
    return 2;
  }
  const to = req.to as ConvertTarget;
  if (req.sqlInput && to !== 'sql') {
    err(`sightline convert: CLI-BAD-OPTION: --input names the log files of the SQL query; it has no meaning for --to ${to}`);
    return 2;
  }
  if (req.sqlInput?.length === 0) {
    err('sightline convert: CLI-BAD-OPTION: --input is empty\n  hint: give one or more comma-separated files or globs');
    return 2;
  }
  // A folder of Sigma rules (SigmaHQ's rules/cloud: YAML in subfolders, none of it sightline rules) converts
  // as one set that refuses rules one by one; any other folder stands for the rule files in it.
  // Sigma converts to SPL only, so for other targets every folder is a rule catalog.
  const sigmaFolders = to !== 'spl' ? [] : req.files.filter((f) => isDirectory(f) && !ruleFiles([f]).files.some(isSightlineRule));
  const { files, missing } = ruleFiles(req.files.filter((f) => !sigmaFolders.includes(f)));
  if (missing.length > 0) {
    err(`sightline convert: INPUT-NOT-FOUND: no such file or directory: ${missing.join(', ')}`);
    return 2;
  }
  if (files.length === 0 && sigmaFolders.length === 0) {
    err(`sightline convert: CLI-NO-INPUT: no rule files in ${req.files.join(', ')}`);
    return 2;
  }
  let code = 0;
  if (req.out) mkdirSync(req.out, { recursive: true });
  for (const dir of sigmaFolders) code = Math.max(code, convertSigmaFolder(dir, to, { ...(req.out ? { outDir: req.out } : {}), strict: req.strict === true }, out, err));
  let written = 0;
  for (const file of files) {
    if (isSigmaFile(file)) {
      code = Math.max(code, convertSigmaInput(file, to, req.out, out, err));
      continue;
    }
    let rule: Rule;
    try {
      rule = await loadRuleFile(file);
    } catch (e) {
      if (!(e instanceof SightlineError)) throw e;
      err(formatDiagnostic({ ...e.diagnostic, file }));
      code = 2;
      continue;
    }
    let result: ConvertOutput;
    try {
      result = convertRule(rule, to, { tuned: req.tuned !== false, ...(req.sqlInput ? { sqlInput: req.sqlInput } : {}) });
    } catch (e) {
      if (!(e instanceof SightlineError)) throw e;
      err(describe(e.diagnostic, rule));
      code = 2;
      continue;
    }
    // Warnings (limits of the target that the query cannot remove) are shown even when the translation succeeds.
    for (const d of result.diagnostics) if (d.severity !== 'info' || !result.ok) err(describe(d, rule));
    if (!result.ok) {
      err(`sightline convert: ${rule.id} cannot be translated to ${to} (fail closed: no weaker query is written)`);
      code = 2;
      continue;
    }
    // With --out, a translation that is several queries (ES|QL over several data streams) is one file per
    // query, <rule-id>.<n>.esql, each pasted on its own; stdout shows them in one stream, numbered.
    if (req.out && result.queries) result.queries.forEach((q, i) => writeFileSync(join(req.out!, `${rule.id}.${i + 1}.${EXTENSION[to]}`), q));
    else if (req.out) writeFileSync(join(req.out, `${rule.id}.${EXTENSION[to]}`), result.text);
    if (req.out) written++;
    else out(result.text);
    if (req.check && to !== 'spl') {
      const findings = await checkRule(rule, to, req.tuned !== false);
      for (const f of findings) err(`${rule.file}: CHECK-${to.toUpperCase()}: ${f}`);
      if (findings.length && code === 0) code = 1;
    }
  }
  // With --out nothing else is printed on success: say what was written, so a run is never silent.
  if (req.out && files.length > 0) err(`sightline convert: ${written} of ${files.length} rules written to ${req.out} (${to})`);
  return code;
}
