// Argument helpers shared by the command parsers: `name=value` options, field names, field lists and
// integers. Field names are search words (wildcards and `{}` allowed) or double-quoted strings.

import type { Span } from '../../core/diagnostics.ts';
import type { CommandOption, FieldName } from '../ast/nodes.ts';
import { isOp } from '../token.ts';
import type { Cursor } from './cursor.ts';

/** True when the next tokens are `word =` (an option or assignment), whitespace allowed around `=`. */
export function atOption(cur: Cursor, names?: readonly string[]): boolean {
  const t = cur.peek();
  if (t.kind !== 'ident' || !isOp(cur.peek(1), '=')) return false;
  return !names || names.includes(t.text.toLowerCase());
}

/** Reads `name=value`; the value is a word, a string, or a balanced `( ... )` group kept as raw text. */
export function readOption(cur: Cursor): CommandOption {
  const nameTok = cur.next();
  cur.next(); // '='
  const open = cur.peek();
  if (isOp(open, '(')) {
    let depth = 0;
    for (;;) {
      const t = cur.peek();
      if (t.kind === 'eof') throw cur.error('SPL-UNBALANCED-PAREN', "'(' is never closed", open.span);
      cur.next();
      if (isOp(t, '(')) depth++;
      if (isOp(t, ')') && --depth === 0) break;
    }
    const end = cur.lastEnd();
    return { name: nameTok.text.toLowerCase(), value: cur.text.slice(open.span.start, end), span: { start: nameTok.span.start, end } };
  }
  const v = cur.readWordOrString();
  if (!v) throw cur.unexpected(`expected a value for option '${nameTok.text}'`);
  return { name: nameTok.text.toLowerCase(), value: v.text, span: { start: nameTok.span.start, end: v.span.end } };
}

export function readFieldName(cur: Cursor, what = 'a field name'): FieldName {
  const t = cur.peek();
  if (t.kind === 'quoted-field') {
    cur.next();
    return { name: t.value, span: t.span };
  }
  const w = cur.readWordOrString();
  if (!w) throw cur.unexpected(`expected ${what}`);
  return { name: w.text, span: w.span };
}

/** Field names separated by commas and/or spaces, up to the end of the command. */
export function readFieldList(cur: Cursor): FieldName[] {
  const out: FieldName[] = [];
  while (!cur.atCommandEnd()) {
    if (cur.acceptOp(',')) continue;
    out.push(readFieldName(cur));
  }
  return out;
}

export function readInt(cur: Cursor, what: string): { value: number; span: Span } {
  const t = cur.peek();
  if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw cur.unexpected(`expected ${what} (a whole number)`);
  cur.next();
  return { value: Number(t.text), span: t.span };
}

export function optionInt(cur: Cursor, opt: CommandOption): number {
  if (!/^\d+$/.test(opt.value)) throw cur.error('SPL-BAD-OPTION', `option '${opt.name}' needs a whole number, got '${opt.value}'`, opt.span);
  return Number(opt.value);
}

/** Rejects an option the command does not know, so a typo never weakens a search silently. */
export function checkOption(cur: Cursor, command: string, opt: CommandOption, allowed: readonly string[]): void {
  if (!allowed.includes(opt.name)) {
    throw cur.error('SPL-UNKNOWN-OPTION', `'${command}' has no option '${opt.name}'`, opt.span, `known options: ${allowed.join(', ')}`);
  }
}
