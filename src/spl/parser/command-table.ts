// Command name -> parser. Names are matched in lower case. Splunk commands without an entry here
// parse as `unsupported` (see known-commands.ts); anything else is SPL-UNKNOWN-COMMAND.

import type { CommandParser } from './command-parser.ts';
import { parseBin } from './commands/bin.ts';
import { parseConvert } from './commands/convert.ts';
import { parseDedup } from './commands/dedup.ts';
import { parseEval } from './commands/eval.ts';
import { parseFields, parseTable } from './commands/fields.ts';
import { parseFillnull } from './commands/fillnull.ts';
import { parseInputlookup, parseMakeresults } from './commands/generating.ts';
import { parseHead, parseTail } from './commands/head-tail.ts';
import { parseIplocation } from './commands/iplocation.ts';
import { parseJoin } from './commands/join.ts';
import { parseLookup } from './commands/lookup.ts';
import { parseMakemv } from './commands/makemv.ts';
import { parseMvexpand } from './commands/mvexpand.ts';
import { parseRename } from './commands/rename.ts';
import { parseRex } from './commands/rex.ts';
import { parseSearch, parseWhere } from './commands/search.ts';
import { parseSort } from './commands/sort.ts';
import { parseSpath } from './commands/spath.ts';
import { parseStats } from './commands/stats.ts';
import { parseAppend, parseMultiOrUnion } from './commands/subsearch-commands.ts';

export const COMMAND_PARSERS: Readonly<Record<string, CommandParser>> = {
  search: parseSearch,
  where: parseWhere,
  eval: parseEval,
  stats: parseStats,
  eventstats: parseStats,
  streamstats: parseStats,
  table: parseTable,
  fields: parseFields,
  rename: parseRename,
  sort: parseSort,
  head: parseHead,
  tail: parseTail,
  dedup: parseDedup,
  bin: parseBin,
  bucket: parseBin,
  convert: parseConvert,
  fillnull: parseFillnull,
  rex: parseRex,
  spath: parseSpath,
  mvexpand: parseMvexpand,
  makemv: parseMakemv,
  lookup: parseLookup,
  multisearch: parseMultiOrUnion,
  union: parseMultiOrUnion,
  append: parseAppend,
  join: parseJoin,
  iplocation: parseIplocation,
  makeresults: parseMakeresults,
  inputlookup: parseInputlookup,
};
