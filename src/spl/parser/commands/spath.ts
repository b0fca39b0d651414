// `spath [input=f] [output=f] [path=p | p]`: input defaults to _raw; the path may be given positionally.

import type { CommandOption } from '../../ast/nodes.ts';
import { atOption, checkOption, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';

export const parseSpath: CommandParser = ({ cur }) => {
  let input = '_raw';
  let output: string | null = null;
  let path: string | null = null;
  const options: CommandOption[] = [];
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, 'spath', opt, ['input', 'output', 'path']);
      if (opt.name === 'input') input = opt.value;
      else if (opt.name === 'output') output = opt.value;
      else path = opt.value;
    } else if (path === null) {
      const w = cur.readWordOrString();
      if (!w) throw cur.unexpected('expected a path');
      path = w.text;
    } else throw cur.unexpected("'spath' takes one path");
  }
  return { kind: 'spath', input, output, path, options };
};
