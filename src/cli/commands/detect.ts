// `sightline detect <paths...> [--rules DIR] [--sigma DIR [--strict]] [--format table|json|csv|ocsf] [--suppress 1h]`:
// loads every rule, runs them in one pass over the files through the fast scan path (prefilter; --no-fast reads
// every event), prints alerts on stdout and a summary on stderr. Exit 0 (alerts are output, not failure; with
// --fail-on-alert any alert exits 1); 2 on usage errors or SPL rules that cannot run. A Sigma rule that cannot run
// is refused alone (listed with its file, code and reason, counted in the Sigma summary line) and the rest run;
// --strict makes a refusal exit 2.

import { readFileSync } from 'node:fs';
import { catalogDir } from '../../app/catalog-dirs.ts';
import { defineCommand } from 'citty';
import { SightlineError, formatDiagnostic } from '../../core/diagnostics.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { expandPaths } from '../../ingest/glob.ts';
import { readEvents, type MalformedInput } from '../../ingest/read.ts';
import { formatAlerts, FORMATS, type AlertFormat } from '../../rules/format.ts';
import { loadRules, type Rule } from '../../rules/load.ts';
import { runRulesOverFiles, runRulesWithSummary, type RunSummary } from '../../rules/run.ts';
import { newReadCounts } from '../../ingest/read-counts.ts';
import type { Alert } from '../../rules/alert.ts';
import { parseWindow } from '../../rules/suppress.ts';
import { mergeAlerts, sigmaRuleView, teeEvents } from '../../sigma/detect.ts';
import { formatRefusal, loadSigmaSet, sigmaSetSummary, type SigmaSet } from '../../sigma/rule-set.ts';
import { startSigma, type SigmaRun } from '../../sigma/run.ts';
import { createProgress, inputBytes, type Progress } from '../output/progress.ts';

/** How many malformed inputs and warnings are listed before the rest are only counted. */
const MALFORMED_SHOWN = 5;

export default defineCommand({
  meta: { name: 'detect', description: 'Run every rule over log files in one pass and print alerts' },
  args: {
    paths: { type: 'positional', required: false, valueHint: 'paths...', description: 'log files, directories, globs or - for stdin' },
    rules: { type: 'string', default: catalogDir('rules'), valueHint: 'dir', description: 'directory of rule files (default: ./rules if present, else the bundled catalog)' },
    sigma: { type: 'string', valueHint: 'path', description: 'also run the Sigma rules (detection, correlation, filter) in this file or directory' },
    strict: { type: 'boolean', default: false, description: 'with --sigma: exit 2 without running when any Sigma rule is refused' },
    format: { type: 'string', default: 'table', description: 'table | json (one alert per line) | csv | ocsf (Detection Finding per line)' },
    suppress: { type: 'string', description: 'drop repeats of the same rule + entity within this window (e.g. 1h); off by default' },
    untuned: { type: 'boolean', default: false, description: 'ignore the rules\' allowlists' },
    now: { type: 'string', description: 'epoch seconds used as now() and for relative times' },
    fast: { type: 'boolean', default: true, description: 'use the fast scan path (prefilter, workers); --no-fast reads every event with the plain reader' },
    'fail-on-alert': { type: 'boolean', default: false, description: 'exit 1 when there is any alert (for CI and scripts)' },
  },
  async run({ args }) {
    process.exitCode = await runDetect({
      paths: args._ as string[],
      rulesDir: String(args.rules),
      ...(args.sigma ? { sigmaDir: String(args.sigma) } : {}),
      strict: args.strict === true,
      format: String(args.format),
      suppress: args.suppress as string | undefined,
      tuned: !args.untuned,
      now: args.now as string | undefined,
      fast: args.fast !== false,
      failOnAlert: Boolean(args['fail-on-alert']),
    });
  },
});

export interface DetectRequest {
  readonly paths: readonly string[];
  readonly rulesDir: string;
  /** Sigma rules run beside the SPL rules, in the same pass. */
  readonly sigmaDir?: string;
  /** Any refused Sigma rule makes the run exit 2 (before reading the logs); by default refusals are listed and the rest run. */
  readonly strict?: boolean;
  readonly format: string;
  readonly suppress?: string;
  readonly tuned: boolean;
  readonly now?: string;
  /** The fast scan path (default); false reads every event through the ingest reader (for debugging). */
  readonly fast?: boolean;
  /** Exit 1 when any alert is output (a finding), as lint does for errors. */
  readonly failOnAlert?: boolean;
}

/** A diagnostic with its source line and caret when it names a readable file. */
function formatWithSource(d: Diagnostic): string {
  let source: string | undefined;
  try {
    source = d.file && d.span ? readFileSync(d.file, 'utf8') : undefined;
  } catch {
    source = undefined;
  }
  return formatDiagnostic(d, source);
}

export async function runDetect(
  req: DetectRequest,
  out: (s: string) => void = (s) => void process.stdout.write(s),
  errOut: (s: string) => void = (s) => void process.stderr.write(s),
  /** The bytes-read bar (stderr, terminals only), as search shows it. */
  progressFor: (totalBytes: number) => Progress = createProgress,
): Promise<number> {
  const err = (t: string) => errOut(t.endsWith('\n') ? t : `${t}\n`);
  if (!(FORMATS as readonly string[]).includes(req.format)) {
    err(`sightline detect: CLI-BAD-FORMAT: unknown --format ${JSON.stringify(req.format)}\n  hint: use ${FORMATS.join(', ')}`);
    return 2;
  }
  if (req.paths.length === 0) {
    err('sightline detect: CLI-NO-INPUT: give log files or directories to scan');
    return 2;
  }
  const window = req.suppress !== undefined ? parseWindow(req.suppress) : undefined;
  if (window === null) {
    err(`sightline detect: CLI-BAD-WINDOW: --suppress wants a window like 30m, 1h or 1d, got ${JSON.stringify(req.suppress)}`);
    return 2;
  }
  const now = req.now !== undefined ? Number(req.now) : undefined;
  if (now !== undefined && !Number.isFinite(now)) {
    err(`sightline detect: CLI-BAD-NOW: --now must be epoch seconds, got ${JSON.stringify(req.now)}`);
    return 2;
  }
  let rules: Rule[];
  try {
    rules = await loadRules(req.rulesDir);
  } catch (e) {
    if (e instanceof SightlineError) {
      err(formatWithSource(e.diagnostic));
      return 2;
    }
    err(`sightline detect: CLI-RULES: cannot read rules from ${req.rulesDir}: ${(e as Error).message}`);
    return 2;
  }
  const malformed: MalformedInput[] = [];
  const warnings: Diagnostic[] = [];
  let sigma: { run: SigmaRun; views: Map<string, Rule>; set: SigmaSet } | null = null;
  if (req.sigmaDir !== undefined) {
    let set: SigmaSet;
    try {
      set = loadSigmaSet(req.sigmaDir);
    } catch (e) {
      if (!(e instanceof SightlineError)) throw e;
      err(formatWithSource(e.diagnostic));
      return 2;
    }
    if (req.strict && set.refused.length > 0) {
      for (const d of set.refused) err(formatRefusal(d));
      err(`sightline detect: ${sigmaSetSummary(set)}; --strict: nothing was run`);
      return 2;
    }
    const run = startSigma(set.queries, { ...(now !== undefined ? { now } : {}), onWarning: (d) => void warnings.push(d) });
    sigma = { run, views: new Map(set.queries.map((q) => [q.id, sigmaRuleView(q)])), set };
  }
  let result: { alerts: Alert[]; summary: RunSummary };
  const progress = progressFor(inputBytes(expandPaths(req.paths).files));
  const onProgress = (bytes: number) => progress.update(bytes);
  try {
    const runOpts = {
      tuned: req.tuned,
      ...(now !== undefined ? { now } : {}),
      ...(window !== undefined ? { suppressSeconds: window } : {}),
      onWarning: (d: Diagnostic) => void warnings.push(d),
    };
    const onMalformed = (m: MalformedInput) => void malformed.push(m);
    // Sigma rules need every event, but the prefilter knows only the SPL rules' terms (and workers keep only
    // events those accept): with --sigma, as with --no-fast, every event is read and offered to both.
    if (req.fast === false || sigma) {
      const counts = newReadCounts();
      const read = readEvents([...req.paths], { onMalformed, onProgress, counts });
      result = await runRulesWithSummary(rules, sigma ? teeEvents(read, sigma.run) : read, { ...runOpts, counts });
    } else {
      result = await runRulesOverFiles(rules, req.paths, { ...runOpts, onMalformed, onProgress });
    }
  } catch (e) {
    progress.stop();
    if (!(e instanceof SightlineError)) throw e;
    err(`sightline detect: ${formatDiagnostic(e.diagnostic)}`);
    return 2;
  }
  progress.stop();
  const { summary } = result;
  const sigmaResult = sigma?.run.end();
  const alerts = sigmaResult ? mergeAlerts(result.alerts, sigmaResult.alerts) : result.alerts;
  out(formatAlerts(alerts, req.format as AlertFormat, new Map([...(sigma?.views ?? []), ...rules.map((r): [string, Rule] => [r.id, r])])));
  for (const f of summary.failed) err(formatWithSource(f.diagnostic));
  for (const m of malformed.slice(0, MALFORMED_SHOWN)) err(`  malformed: ${m.source}:${m.line} (byte ${m.offset}): ${m.message}`);
  for (const w of warnings.slice(0, MALFORMED_SHOWN)) err(`  warning: ${formatDiagnostic(w)}`);
  const st = [...summary.sourcetypes].map(([s, n]) => `${s}=${n}`).join(', ') || 'none';
  const perRule = new Map<string, number>();
  for (const a of result.alerts) perRule.set(a.rule_id, (perRule.get(a.rule_id) ?? 0) + 1);
  const byRule = [...perRule].map(([id, n]) => `${id}=${n}`).join(', ');
  // With the prefilter, lines no rule can match are never parsed: lines read counts every input line, events
  // parsed only those some rule could match, and the sourcetypes are those of the events the rules saw.
  const lines = summary.read ? `${summary.read.lines} lines read, ` : '';
  err(
    `sightline detect: ${lines}${summary.events} events parsed (${st}), ${malformed.length} malformed; ` +
      `${summary.ran.length} rules run, ${summary.skipped.length} skipped (no events for their sourcetypes)` +
      `${summary.failed.length ? `, ${summary.failed.length} failed` : ''}; ` +
      `${summary.alerts} alerts${window !== undefined ? ` (${summary.suppressed} suppressed within ${req.suppress})` : ''}` +
      `${byRule ? ` (${byRule})` : ''}` +
      `${warnings.length ? `; ${warnings.length} warnings` : ''}`,
  );
  const untimed = summary.read ? [...summary.read.untimed].filter(([, n]) => n > 0) : [];
  if (untimed.length > 0) {
    const total = untimed.reduce((n, [, k]) => n + k, 0);
    err(
      `sightline detect: notice: ${total} events had no time field of their own (${untimed.map(([s, n]) => `${s}=${n}`).join(', ')}); ` +
        `their _time is the previous event's time, or the file's modification time (docs/ingest.md)`,
    );
  }
  if (sigma && sigmaResult) {
    for (const d of [...sigma.set.refused, ...sigma.set.warnings]) err(formatRefusal(d));
    err(`sightline detect: ${sigmaSetSummary(sigma.set)}; ${sigmaResult.ran.length} run, ${sigmaResult.skipped.length} skipped (no data for their sourcetypes); ${sigmaResult.alerts.length} alerts`);
  }
  if (summary.failed.length > 0) return 2;
  return req.failOnAlert && alerts.length > 0 ? 1 : 0;
}
