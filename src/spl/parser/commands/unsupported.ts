// Real Splunk commands that sightline parses but does not execute (tstats, join, transaction, ...):
// the raw argument text is kept so real searches parse, and the planner refuses them by name.

import { isOp } from '../../token.ts';
import type { CommandParser } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';

/** Consumes the rest of the command, keeping `[ ... ]` subsearches (and their pipes) inside it. */
export function skipToCommandEnd(cur: Cursor): void {
  let depth = 0;
  for (;;) {
    const t = cur.peek();
    if (t.kind === 'eof') {
      if (depth > 0) throw cur.error('SPL-UNBALANCED-BRACKET', "'[' is never closed", t.span, 'add the closing ]');
      return;
    }
    if (depth === 0 && cur.atCommandEnd()) return;
    if (isOp(t, '[')) depth++;
    else if (isOp(t, ']')) depth--;
    cur.next();
  }
}

export const parseUnsupported: CommandParser = ({ cur, name }) => {
  const first = cur.mark();
  const start = cur.peek().span.start;
  skipToCommandEnd(cur);
  const argsText = cur.mark() === first ? '' : cur.text.slice(start, cur.lastEnd());
  return { kind: 'unsupported', name, argsText };
};
