// `iplocation [prefix=s] [allfields=b] [lang=s] <ip-field>`.

import type { CommandOption } from '../../ast/nodes.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseIplocation: CommandParser = ({ cur, nameTok }) => {
  const options: CommandOption[] = [];
  let field: string | null = null;
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'iplocation', opt, ['prefix', 'allfields', 'lang']);
      options.push(opt);
    } else if (field === null) field = readFieldName(cur, 'an IP address field').name;
    else throw cur.unexpected("'iplocation' takes one field");
  }
  if (field === null) throw cur.error('SPL-MISSING-ARGUMENT', "'iplocation' needs an IP address field", nameTok.span);
  return { kind: 'iplocation', field, options };
};
