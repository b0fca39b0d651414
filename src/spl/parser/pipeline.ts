// Pipeline grammar: commands separated by top-level `|`. Without a leading `|` the first command is the
// implicit search (or an explicit `search`); with one it is a generating command (`| makeresults`).
// Subsearches `[ ... ]` are pipelines of their own. On an error the parser records it and resumes at
// the next `|`, so one search can report several problems.

import { SightlineError, type Diagnostic, type Span } from '../../core/diagnostics.ts';
import type { Command, Pipeline } from '../ast/nodes.ts';
import { isKeyword, isOp } from '../token.ts';
import type { CommandBody } from './command-parser.ts';
import { COMMAND_PARSERS } from './command-table.ts';
import { parseUnsupported, skipToCommandEnd } from './commands/unsupported.ts';
import { type Cursor, describe } from './cursor.ts';
import { SPLUNK_COMMANDS } from './known-commands.ts';
import { SPL_LIMITS } from '../limits.ts';
import { parseSearchExpr } from './search-expr.ts';

export class PipelineParser {
  constructor(
    private readonly cur: Cursor,
    readonly diagnostics: Diagnostic[],
  ) {}

  /** Parses the whole text; the caller checks `diagnostics` for errors. */
  parseTop(): Pipeline {
    const p = this.parsePipeline();
    const t = this.cur.peek();
    if (t.kind !== 'eof') {
      this.diagnostics.push({ code: 'SPL-UNBALANCED-BRACKET', message: "']' has no matching '['", severity: 'error', span: t.span, hint: 'remove it or add the opening [' });
    }
    return p;
  }

  private parsePipeline(): Pipeline {
    const cur = this.cur;
    const start = cur.peek().span.start;
    const commands: Command[] = [];
    if (cur.acceptOp('|')) {
      this.parseNamedCommandsFrom(commands, cur.lastEnd() - 1);
    } else if (cur.atCommandEnd()) {
      const t = cur.peek();
      if (isOp(t, ']') || t.kind === 'eof') {
        this.report(cur.error('SPL-EMPTY-SEARCH', t.kind === 'eof' ? 'the search is empty' : 'the subsearch is empty', t.span));
      }
    } else {
      // A leading `search` word is the command itself, unless it is a field (`search=x`).
      const explicit = isKeyword(cur.peek(), 'search') && !isOp(cur.peek(1), '=');
      const first = this.recover(() => (explicit ? this.parseNamedCommand() : this.parseImplicitSearch()));
      if (first) commands.push(first);
      if (cur.acceptOp('|')) this.parseNamedCommandsFrom(commands, cur.lastEnd() - 1);
    }
    const extra = commands[SPL_LIMITS.maxCommands];
    if (extra) {
      const hint = 'split the search, or fold repeated evals into one `eval a=..., b=...`';
      this.report(cur.error('SPL-TOO-MANY-COMMANDS', `the pipeline has ${commands.length} commands; at most ${SPL_LIMITS.maxCommands} are allowed`, extra.span, hint));
    }
    return { kind: 'pipeline', commands, span: { start, end: Math.max(start, cur.lastEnd()) } };
  }

  /** Parses `cmd | cmd | ...` after a pipe at `pipeStart` was consumed. */
  private parseNamedCommandsFrom(commands: Command[], pipeStart: number): void {
    const cur = this.cur;
    for (;;) {
      if (cur.atCommandEnd()) {
        this.report(cur.error('SPL-EMPTY-COMMAND', "nothing follows this '|'", { start: pipeStart, end: pipeStart + 1 }, 'remove the extra pipe or add a command'));
      } else {
        const c = this.recover(() => this.parseNamedCommand());
        if (c) commands.push(c);
      }
      if (!isOp(cur.peek(), '|')) return;
      pipeStart = cur.next().span.start;
    }
  }

  private parseImplicitSearch(): Command {
    const start = this.cur.peek().span.start;
    const expr = parseSearchExpr(this.cur, (c) => this.parseSubsearch(c));
    return { kind: 'search', expr, implicit: true, span: { start, end: this.cur.lastEnd() } };
  }

  private parseNamedCommand(): Command {
    const cur = this.cur;
    const nameTok = cur.peek();
    if (nameTok.kind !== 'ident') throw cur.unexpected("expected a command name after '|'");
    const name = nameTok.text.toLowerCase();
    const parser = COMMAND_PARSERS[name] ?? (SPLUNK_COMMANDS.has(name) ? parseUnsupported : undefined);
    if (!parser) throw unknownCommand(cur, nameTok.text, nameTok.span);
    cur.next();
    const body: CommandBody = parser({ cur, name, nameTok, subsearch: (c) => this.parseSubsearch(c) });
    if (!cur.atCommandEnd()) {
      const t = cur.peek();
      if (isOp(t, ')')) throw cur.error('SPL-UNBALANCED-PAREN', "')' has no matching '('", t.span, 'remove it or add the opening parenthesis');
      throw cur.unexpected(`unexpected argument to '${name}'`);
    }
    return { ...body, span: { start: nameTok.span.start, end: Math.max(nameTok.span.end, cur.lastEnd()) }, nameSpan: nameTok.span } as Command;
  }

  /** `[ pipeline ]` at the cursor. */
  parseSubsearch(cur: Cursor): { pipeline: Pipeline; span: Span } {
    return cur.nested(cur.peek().span, () => this.parseSubsearchInner(cur));
  }

  private parseSubsearchInner(cur: Cursor): { pipeline: Pipeline; span: Span } {
    const open = cur.expectOp('[', 'to open a subsearch');
    cur.subsearchDepth++;
    try {
      const pipeline = this.parsePipeline();
      const close = cur.peek();
      if (!isOp(close, ']')) {
        throw cur.error('SPL-UNBALANCED-BRACKET', "'[' is never closed", open.span, `add the closing ] (found ${describe(close)})`);
      }
      cur.next();
      return { pipeline, span: { start: open.span.start, end: close.span.end } };
    } finally {
      cur.subsearchDepth--;
    }
  }

  /** Runs a command parser; on a SightlineError records it and skips to the end of the command. */
  private recover(parse: () => Command): Command | null {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof SightlineError)) throw e;
      this.report(e);
      try {
        skipToCommandEnd(this.cur);
      } catch (e2) {
        if (!(e2 instanceof SightlineError)) throw e2;
        this.report(e2);
        while (!this.cur.atEof()) this.cur.next();
      }
      return null;
    }
  }

  private report(e: SightlineError): void {
    this.diagnostics.push(e.diagnostic);
  }
}

function unknownCommand(cur: Cursor, word: string, span: Span): SightlineError {
  const guess = closestCommand(word.toLowerCase());
  const hint = guess
    ? `did you mean '${guess}'? The first word after '|' must be a command`
    : "the first word after '|' must be a Splunk command; search terms after a pipe need `| search ...`";
  return cur.error('SPL-UNKNOWN-COMMAND', `'${word}' is not a Splunk search command`, span, hint);
}

function closestCommand(word: string): string | null {
  let best: string | null = null;
  // Short words are too easy to match by accident: allow one edit per four letters, at least one.
  let bestDist = Math.min(3, 2 + Math.floor(word.length / 4));
  for (const name of SPLUNK_COMMANDS) {
    const d = editDistance(word, name, bestDist);
    if (d < bestDist) {
      best = name;
      bestDist = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up early once every row exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return prev[b.length] as number;
}
