// `makemv [delim=<string> | tokenizer=<string>] [allowempty=<bool>] [setsv=<bool>] <field>`: splits a
// field's text into a multivalue. Options may come before or after the field.

import type { CommandOption } from '../../ast/nodes.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseMakemv: CommandParser = ({ cur, nameTok }) => {
  let field: string | null = null;
  const options: CommandOption[] = [];
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'makemv', opt, ['delim', 'tokenizer', 'allowempty', 'setsv']);
      options.push(opt);
    } else if (field === null) field = readFieldName(cur).name;
    else throw cur.unexpected("'makemv' takes one field");
  }
  if (field === null) throw cur.error('SPL-MISSING-ARGUMENT', "'makemv' needs a field", nameTok.span);
  if (options.some((o) => o.name === 'delim') && options.some((o) => o.name === 'tokenizer')) {
    throw cur.error('SPL-BAD-OPTION', "'makemv' takes delim or tokenizer, not both", nameTok.span);
  }
  return { kind: 'makemv', field, options };
};
