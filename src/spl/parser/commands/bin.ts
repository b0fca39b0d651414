// `bin|bucket [span=..] [bins=..] [minspan=..] [start=..] [end=..] [aligntime=..] field [AS newfield]`;
// options may come before or after the field.

import type { CommandOption } from '../../ast/nodes.ts';
import { isKeyword } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

const BIN_OPTIONS = ['span', 'bins', 'minspan', 'start', 'end', 'aligntime'];

export const parseBin: CommandParser = ({ cur, name, nameTok }) => {
  const options: CommandOption[] = [];
  let field: string | null = null;
  let as: string | null = null;
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, name, opt, BIN_OPTIONS);
      options.push(opt);
    } else if (isKeyword(cur.peek(), 'as') && field !== null) {
      cur.next();
      as = readFieldName(cur, 'the output field name').name;
    } else if (field === null) {
      field = readFieldName(cur).name;
    } else throw cur.unexpected(`'${name}' takes one field`);
  }
  if (field === null) throw cur.error('SPL-MISSING-ARGUMENT', `'${name}' needs a field, for example \`${name} _time span=1h\``, nameTok.span);
  return { kind: 'bin', field, as, options };
};
