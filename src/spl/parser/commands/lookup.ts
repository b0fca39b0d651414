// `lookup [local=b] [update=b] <table> <key> [AS <event-field>] [, ...] [OUTPUT|OUTPUTNEW <field> [AS <f>], ...]`.
// Without OUTPUT/OUTPUTNEW every non-key column of the table is returned (outputMode null).

import type { CommandOption } from '../../ast/nodes.ts';
import { isKeyword } from '../../token.ts';
import { atOption, checkOption, readFieldName, readOption } from '../args.ts';
import type { CommandParser } from '../command-parser.ts';
import type { Cursor } from '../cursor.ts';

type FieldMap = { lookupField: string; eventField: string };

export const parseLookup: CommandParser = ({ cur, nameTok }) => {
  const options: CommandOption[] = [];
  while (atOption(cur)) {
    const opt = readOption(cur);
    checkOption(cur, 'lookup', opt, ['local', 'update', 'event_time_field']);
    options.push(opt);
  }
  if (cur.atCommandEnd()) throw cur.error('SPL-MISSING-ARGUMENT', "'lookup' needs a lookup table name and a key field", nameTok.span);
  const table = cur.readWordOrString();
  if (!table) throw cur.unexpected('expected a lookup table name');
  const keys = readMappings(cur, true);
  if (keys.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', `'lookup ${table.text}' needs at least one key field`, table.span);
  let outputMode: 'OUTPUT' | 'OUTPUTNEW' | null = null;
  let outputs: FieldMap[] = [];
  const kw = cur.peek();
  if (isKeyword(kw, 'output') || isKeyword(kw, 'outputnew')) {
    cur.next();
    outputMode = kw.text.toUpperCase() as 'OUTPUT' | 'OUTPUTNEW';
    outputs = readMappings(cur, false);
    if (outputs.length === 0) throw cur.error('SPL-MISSING-ARGUMENT', `${outputMode} needs at least one field`, kw.span);
  }
  return { kind: 'lookup', table: table.text, keys, outputMode, outputs, options };
};

/** `a [AS b]` pairs separated by optional commas, up to OUTPUT/OUTPUTNEW (for keys) or the end. */
function readMappings(cur: Cursor, stopAtOutput: boolean): FieldMap[] {
  const out: FieldMap[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    if (stopAtOutput && (isKeyword(cur.peek(), 'output') || isKeyword(cur.peek(), 'outputnew'))) break;
    const lookupField = readFieldName(cur).name;
    let eventField = lookupField;
    if (isKeyword(cur.peek(), 'as')) {
      cur.next();
      eventField = readFieldName(cur, 'the event field name').name;
    }
    out.push({ lookupField, eventField });
  }
  return out;
}
