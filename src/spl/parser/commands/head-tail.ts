// `head [N | count=N | (<eval-expression>)] [limit=N] [null=bool] [keeplast=bool]` and `tail [N]`.
// Both default to 10 results (Splunk's documented default).

import type { Span } from '../../../core/diagnostics.ts';
import type { CommandOption, Expr } from '../../ast/nodes.ts';
import { isOp } from '../../token.ts';
import { atOption, checkOption, optionInt, readInt, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import { parseExpr } from '../expr.ts';

const DEFAULT_COUNT = 10;

export const parseHead: CommandParser = ({ cur }) => {
  let count = DEFAULT_COUNT;
  let expr: Expr | null = null;
  const options: CommandOption[] = [];
  let countSpan: Span | null = null;
  // N, count=N and limit=N are three spellings of one argument: Splunk refuses a search giving two.
  const once = (span: Span): void => {
    if (countSpan) throw cur.error('SPL-BAD-OPTION', "'head' takes the number of results once (N, count=N or limit=N)", span, 'keep one of them');
    countSpan = span;
  };
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'head', opt, ['count', 'limit', 'null', 'keeplast']);
      if (opt.name === 'count' || opt.name === 'limit') {
        once(opt.span);
        count = optionInt(cur, opt);
      } else options.push(opt);
    } else if (isOp(cur.peek(), '(')) {
      const open = cur.next();
      expr = parseExpr(cur);
      cur.expectClose(open, 'the head condition');
    } else {
      const n = readInt(cur, 'the number of results');
      once(n.span);
      count = n.value;
    }
  }
  return { kind: 'head', count, expr, options };
};

export const parseTail: CommandParser = ({ cur }) => {
  let count = DEFAULT_COUNT;
  if (atOption(cur, ['count', 'limit'])) count = optionInt(cur, readOption(cur));
  else if (!cur.atCommandEnd()) count = readInt(cur, 'the number of results').value;
  return { kind: 'tail', count };
};
