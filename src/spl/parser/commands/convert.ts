// `convert [timeformat=F] fn(field) [AS out] [, fn(field) [AS out]] ...` (Search Reference, convert). The
// function name is kept as written (lower case); which functions execute is the planner's decision, so a
// real search with `memk()` still parses. An option other than timeformat is an error.

import type { ConvertCall } from '../../ast/nodes.ts';
import { isKeyword, isOp } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseConvert: CommandParser = ({ cur, nameTok }) => {
  let timeformat: string | null = null;
  const conversions: ConvertCall[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'convert', opt, ['timeformat']);
      timeformat = opt.value;
      continue;
    }
    const fnTok = cur.peek();
    if (fnTok.kind !== 'ident' || !isOp(cur.peek(1), '(')) {
      throw cur.unexpected('expected a conversion such as ctime(field)', 'write `convert timeformat="%Y-%m-%d" ctime(_time) AS day`');
    }
    cur.next();
    const open = cur.next();
    const field = readFieldName(cur, 'the field to convert');
    cur.expectClose(open, `${fnTok.text}()`);
    let as: string | null = null;
    if (isKeyword(cur.peek(), 'as')) {
      cur.next();
      as = readFieldName(cur, 'the output field name').name;
    }
    conversions.push({ fn: fnTok.text.toLowerCase(), field: field.name, as, span: { start: fnTok.span.start, end: cur.lastEnd() } });
  }
  if (conversions.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', "'convert' needs a conversion such as ctime(_time)", nameTok.span);
  return { kind: 'convert', timeformat, conversions };
};
