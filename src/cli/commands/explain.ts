// `sightline explain '<SPL>'`: prints the parse tree (AST s-expression) and the logical plan the executor
// and translators read, so a user can see how sightline understood a query before running it.
// Invalid SPL exits 2 with `line:col: CODE: message` and a caret under the offending text.

import { defineCommand } from 'citty';
import { SightlineError, formatDiagnostic } from '../../core/diagnostics.ts';
import { parseSplStrict, toSexpr } from '../../spl/index.ts';
import { lowerPipeline } from '../../plan/lower.ts';
import { displayPlan } from '../../plan/display.ts';

export interface ExplainRequest {
  readonly spl: string;
  readonly macros?: string;
  readonly planOnly?: boolean;
}

/** Returns the text to print and the exit code (0 ok, 2 invalid query). */
export async function explain(req: ExplainRequest): Promise<{ text: string; code: number }> {
  try {
    const macros = req.macros ? (await import('../../spl/macros.ts')).loadMacros(req.macros) : undefined;
    const ast = parseSplStrict(req.spl, macros ? { macros } : {});
    const plan = lowerPipeline(ast, req.spl);
    const parts = req.planOnly ? [] : ['AST:', toSexpr(ast), ''];
    parts.push('Plan:', displayPlan(plan));
    return { text: parts.join('\n'), code: 0 };
  } catch (err) {
    if (err instanceof SightlineError) return { text: formatDiagnostic(err.diagnostic, req.spl) + '\n', code: 2 };
    throw err;
  }
}

export default defineCommand({
  meta: { name: 'explain', description: 'Print the parse tree and logical plan of a query' },
  args: {
    spl: { type: 'positional', required: true, description: 'the SPL query' },
    macros: { type: 'string', description: 'macro definitions file (macros.conf or YAML)' },
    'plan-only': { type: 'boolean', default: false, description: 'print only the plan' },
  },
  async run({ args }) {
    const { text, code } = await explain({ spl: String(args.spl), ...(args.macros ? { macros: String(args.macros) } : {}), planOnly: Boolean(args['plan-only']) });
    (code === 0 ? process.stdout : process.stderr).write(text);
    process.exitCode = code;
  },
});
