// Generating commands that start a search with `|`: makeresults and inputlookup.
// `inputlookup t where <terms>` is kept as an unsupported command: the AST has no slot for the filter,
// and dropping it would return rows the user excluded.

import type { CommandOption } from '../../ast/nodes.ts';
import { isKeyword } from '../../token.ts';
import { atOption, checkOption, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import { skipToCommandEnd } from './unsupported.ts';

export const parseMakeresults: CommandParser = ({ cur }) => {
  const options: CommandOption[] = [];
  while (!cur.atCommandEnd()) {
    if (!atOption(cur)) throw cur.unexpected("expected an option such as count=N for 'makeresults'");
    const opt = readOption(cur);
    checkOption(cur, 'makeresults', opt, ['count', 'annotate', 'splunk_server', 'splunk_server_group', 'format', 'data']);
    options.push(opt);
  }
  return { kind: 'makeresults', options };
};

export const parseInputlookup: CommandParser = ({ cur, nameTok }) => {
  const argsStart = cur.peek().span.start;
  const options: CommandOption[] = [];
  while (atOption(cur)) {
    const opt = readOption(cur);
    checkOption(cur, 'inputlookup', opt, ['append', 'strict', 'start', 'max']);
    options.push(opt);
  }
  const table = cur.readWordOrString();
  if (!table) throw cur.error('SPL-MISSING-ARGUMENT', "'inputlookup' needs a lookup table name", nameTok.span);
  if (isKeyword(cur.peek(), 'where')) {
    skipToCommandEnd(cur);
    return { kind: 'unsupported', name: 'inputlookup', argsText: cur.text.slice(argsStart, cur.lastEnd()) };
  }
  return { kind: 'inputlookup', table: table.text, options };
};
