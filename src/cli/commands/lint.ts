// `sightline lint <rule.yml...>` and `sightline lint --query '<SPL>'`: schema errors, SPL syntax errors, fields
// the sourcetypes never produce and Splunk-invalid constructs (for a Sigma file: why it would be refused, and
// the fields it reads that its sourcetype never has), each as `file:line:col: CODE: message` with a
// caret excerpt and, where one exists, the rewrite. `--fix` writes the rewrites (for --query: prints the SPL).
// Exit code 1 when any error is reported, 2 on usage errors.

import { readFileSync, writeFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { formatDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { lintRuleText, lintSpl } from '../../rules/lint/index.ts';
import { SOURCETYPES } from '../../rules/schema.ts';
import { isSigmaFile } from '../../sigma/convert.ts';
import { loadSigmaSet } from '../../sigma/rule-set.ts';
import { ruleFiles } from '../rule-files.ts';

export default defineCommand({
  meta: { name: 'lint', description: 'Check rule files or a query for errors Splunk would reject, with rewrites' },
  args: {
    rules: { type: 'positional', required: false, valueHint: 'rule.yml|dir...', description: 'rule files, or directories of them' },
    query: { type: 'string', description: 'lint this SPL instead of rule files' },
    sourcetype: { type: 'string', description: 'with --query: the sourcetypes the query reads (comma-separated) when it does not say' },
    fix: { type: 'boolean', default: false, description: 'write the rewrites (rule files in place; --query prints the fixed SPL)' },
  },
  async run({ args }) {
    process.exitCode = runLint({
      paths: args._ as string[],
      query: args.query as string | undefined,
      sourcetypes: args.sourcetype ? String(args.sourcetype).split(',').map((s) => s.trim()) : [],
      fix: Boolean(args.fix),
    });
  },
});

export interface LintRequest {
  readonly paths: readonly string[];
  readonly query?: string;
  readonly sourcetypes: readonly string[];
  readonly fix: boolean;
}

function render(d: Diagnostic, source: string): string {
  const text = formatDiagnostic(d, source);
  const fix = d.fix && d.fix.edits.length === 1 && d.fix.edits[0]!.replacement.length < 20000 ? `\n  fix (${d.fix.description}):\n${indent(d.fix.edits[0]!.replacement)}` : '';
  return text + fix;
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');

/** Returns the exit code: 0 clean (warnings allowed), 1 errors found, 2 usage error. */
export function runLint(req: LintRequest, io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) }): number {
  const err = (t: string) => io.err(t.endsWith('\n') ? t : `${t}\n`);
  const unknown = req.sourcetypes.filter((s) => !(SOURCETYPES as readonly string[]).includes(s));
  if (unknown.length) {
    err(`sightline lint: CLI-BAD-SOURCETYPE: unknown sourcetype ${unknown.join(', ')}\n  hint: use ${SOURCETYPES.join(', ')}`);
    return 2;
  }
  let errors = 0;
  let warnings = 0;
  const count = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  };
  if (req.query !== undefined) {
    const r = lintSpl(req.query, { sourcetypes: req.sourcetypes });
    for (const d of r.diagnostics) err(render({ ...d, file: d.file ?? '<query>' }, req.query));
    count(r.diagnostics);
    if (req.fix && r.fixed !== null) {
      io.out(r.fixed + '\n');
      // The fixed query is what the user takes away: it must lint without errors itself.
      const again = lintSpl(r.fixed, { sourcetypes: req.sourcetypes }).diagnostics.filter((d) => d.severity === 'error');
      if (again.length) err(`sightline lint: the rewrite still has ${again.length} error(s); fix them by hand`);
    }
  } else {
    const { files, missing } = ruleFiles(req.paths);
    if (missing.length > 0) {
      err(`sightline lint: INPUT-NOT-FOUND: no such file or directory: ${missing.join(', ')}`);
      return 2;
    }
    if (files.length === 0) {
      err('sightline lint: CLI-NO-INPUT: give rule files or directories, or --query "<SPL>"');
      return 2;
    }
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        err(`${file}: CLI-READ: ${(e as Error).message}`);
        errors++;
        continue;
      }
      if (isSigmaFile(file)) {
        // A Sigma file: what `detect --sigma` would refuse (errors) and its dead-field warnings.
        const set = loadSigmaSet(file);
        const ds = [...set.refused, ...set.warnings];
        for (const d of ds) err(render(d, text));
        count(ds);
        continue;
      }
      const r = lintRuleText(text, file);
      for (const d of r.diagnostics) err(render(d, text));
      count(r.diagnostics);
      if (req.fix && r.fixed !== null) {
        writeFileSync(file, r.fixed);
        err(`${file}: fixed`);
      }
    }
  }
  err(`sightline lint: ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}
