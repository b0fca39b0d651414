// `rex [field=f] [mode=sed] [max_match=N] [offset_field=f] "<regex or sed expression>"`.
// The pattern keeps its backslashes: only `\"` and `\\` are unescaped by the lexer.

import type { Span } from '../../../core/diagnostics.ts';
import type { CommandOption } from '../../ast/nodes.ts';
import { atOption, checkOption, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseRex: CommandParser = ({ cur, nameTok }) => {
  let field = '_raw';
  let mode: 'extract' | 'sed' = 'extract';
  let pattern: { text: string; span: Span } | null = null;
  const options: CommandOption[] = [];
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'rex', opt, ['field', 'mode', 'max_match', 'offset_field']);
      if (opt.name === 'field') field = opt.value;
      else if (opt.name === 'mode') {
        if (opt.value !== 'sed') throw cur.error('SPL-BAD-OPTION', `rex mode must be 'sed', got '${opt.value}'`, opt.span);
        mode = 'sed';
      } else options.push(opt);
    } else if (cur.peek().kind === 'string' && pattern === null) {
      const t = cur.next();
      pattern = { text: t.value, span: t.span };
    } else throw cur.unexpected(pattern ? "unexpected argument after the rex pattern" : 'expected the rex pattern as a "double-quoted string"');
  }
  if (!pattern) throw cur.error('SPL-MISSING-ARGUMENT', "'rex' needs a \"quoted\" regular expression", nameTok.span);
  return { kind: 'rex', field, mode, pattern: pattern.text, patternSpan: pattern.span, options };
};
