// `head [N | count=N | (<eval-expression>)] [limit=N] [null=bool] [keeplast=bool]` and `tail [N]`.
// Both default to 10 results (Splunk's documented default).

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
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'head', opt, ['count', 'limit', 'null', 'keeplast']);
      if (opt.name === 'count' || opt.name === 'limit') count = optionInt(cur, opt);
      else options.push(opt);
    } else if (isOp(cur.peek(), '(')) {
      const open = cur.next();
      expr = parseExpr(cur);
      cur.expectClose(open, 'the head condition');
    } else {
      count = readInt(cur, 'the number of results').value;
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
