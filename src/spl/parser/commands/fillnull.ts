// `fillnull [value=X] [field ...]`: the value defaults to 0 (Splunk's documented default).

import { atOption, checkOption, readFieldList, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseFillnull: CommandParser = ({ cur }) => {
  let value = '0';
  if (atOption(cur)) {
    const opt = readOption(cur);
    checkOption(cur, 'fillnull', opt, ['value']);
    value = opt.value;
  }
  return { kind: 'fillnull', value, fields: readFieldList(cur) };
};
