// `mvexpand field [limit=N]`: one result per value of a multivalue field.

import { atOption, checkOption, optionInt, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseMvexpand: CommandParser = ({ cur, nameTok }) => {
  let field: string | null = null;
  let limit: number | null = null;
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'mvexpand', opt, ['limit']);
      limit = optionInt(cur, opt);
    } else if (field === null) field = readFieldName(cur).name;
    else throw cur.unexpected("'mvexpand' takes one field");
  }
  if (field === null) throw cur.error('SPL-MISSING-ARGUMENT', "'mvexpand' needs a field", nameTok.span);
  return { kind: 'mvexpand', field, limit };
};
