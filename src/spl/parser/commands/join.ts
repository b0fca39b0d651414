// `join [type=inner|outer|left] [max=N] [overwrite=b] [usetime=b] [earlier=b] <field>, ... [subsearch]`.
// The SQL-like form `join left=L right=R where L.a = R.b [subsearch]` is kept as an `unsupported` command
// (it parses, the planner refuses it by name).

import type { CommandOption, FieldName } from '../../ast/nodes.ts';
import { isKeyword, isOp } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import { parseUnsupported } from './unsupported.ts';

const OPTIONS = ['type', 'max', 'overwrite', 'usetime', 'earlier', 'left', 'right'];

export const parseJoin: CommandParser = (ctx) => {
  const { cur, nameTok } = ctx;
  const start = cur.mark();
  const options: CommandOption[] = [];
  const fields: FieldName[] = [];
  while (!cur.atCommandEnd() && !isOp(cur.peek(), '[')) {
    if (cur.acceptOp(',')) continue;
    if (isKeyword(cur.peek(), 'where')) {
      cur.reset(start);
      return parseUnsupported(ctx);
    }
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'join', opt, OPTIONS);
      options.push(opt);
    } else fields.push(readFieldName(cur));
  }
  if (options.some((o) => o.name === 'left' || o.name === 'right')) {
    cur.reset(start);
    return parseUnsupported(ctx);
  }
  if (!isOp(cur.peek(), '[')) throw cur.error('SPL-MISSING-SUBSEARCH', "'join' needs a [subsearch]", nameTok.span, 'write join <field> [search ...]');
  const subsearch = ctx.subsearch(cur).pipeline;
  if (!cur.atCommandEnd()) throw cur.unexpected("expected the end of 'join' after its [subsearch]");
  return { kind: 'join', fields, options, subsearch };
};
