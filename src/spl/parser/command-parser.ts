// The contract every command parser follows: it receives the cursor just after the command name and
// returns the command node without spans (the pipeline parser adds `span` and `nameSpan`).

import type { Span } from '../../core/diagnostics.ts';
import type { Command, Pipeline } from '../ast/nodes.ts';
import type { Token } from '../token.ts';
import type { Cursor } from './cursor.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type CommandBody = DistributiveOmit<Command, 'span' | 'nameSpan'>;

export interface CommandContext {
  readonly cur: Cursor;
  /** The command name in lower case. */
  readonly name: string;
  readonly nameTok: Token;
  /** Parses `[ ... ]` at the cursor into a pipeline. */
  readonly subsearch: (cur: Cursor) => { pipeline: Pipeline; span: Span };
}

export type CommandParser = (ctx: CommandContext) => CommandBody;
