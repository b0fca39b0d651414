// Commands built from `[ ... ]` subsearches: multisearch and union (several) and append (one).
// multisearch "requires at least two subsearches" (Search Reference, multisearch).

import type { CommandOption, Pipeline } from '../../ast/nodes.ts';
import { isOp } from '../../token.ts';
import { atOption, checkOption, readOption } from '../args.ts';
import type { CommandContext, CommandParser } from '../command-parser.ts';

const OPTIONS: Record<string, readonly string[]> = {
  multisearch: [],
  union: ['maxtime', 'maxout', 'timeout'],
  append: ['extendtimerange', 'maxtime', 'maxout', 'timeout'],
};

function readParts(ctx: CommandContext): { options: CommandOption[]; subsearches: Pipeline[] } {
  const { cur, name } = ctx;
  const options: CommandOption[] = [];
  const subsearches: Pipeline[] = [];
  while (!cur.atCommandEnd()) {
    if (atOption(cur)) {
      const opt = readOption(cur);
      checkOption(cur, name, opt, OPTIONS[name] ?? []);
      options.push(opt);
    } else if (isOp(cur.peek(), '[')) {
      subsearches.push(ctx.subsearch(cur).pipeline);
    } else {
      throw cur.unexpected(`expected a [subsearch] for '${name}'`, 'write the subsearch in square brackets, e.g. [search index=a sourcetype=x]');
    }
  }
  return { options, subsearches };
}

export const parseMultiOrUnion: CommandParser = (ctx) => {
  const { options, subsearches } = readParts(ctx);
  const min = ctx.name === 'multisearch' ? 2 : 1;
  if (subsearches.length < min) {
    throw ctx.cur.error('SPL-MISSING-SUBSEARCH', `'${ctx.name}' needs at least ${min} [subsearch]${min > 1 ? 'es' : ''}`, ctx.nameTok.span);
  }
  return { kind: ctx.name as 'multisearch' | 'union', subsearches, options };
};

export const parseAppend: CommandParser = (ctx) => {
  const { options, subsearches } = readParts(ctx);
  if (subsearches.length !== 1) {
    throw ctx.cur.error('SPL-MISSING-SUBSEARCH', "'append' takes exactly one [subsearch]", ctx.nameTok.span);
  }
  return { kind: 'append', subsearch: subsearches[0] as Pipeline, options };
};
