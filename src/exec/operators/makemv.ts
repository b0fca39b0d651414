// `makemv [delim=s | tokenizer=re] [allowempty=b] field`: the field's text becomes a multivalue, split at
// every occurrence of delim (a plain string), or made of the first capturing group (or whole match) of
// every match of tokenizer. Empty values are dropped unless allowempty. Each value of a field that is
// already multivalue is split on its own; a missing field stays missing.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { mv, scalarToString, valuesOf } from '../../core/value.ts';
import { compileRegex } from '../../core/regex.ts';

export class MakemvOperator extends Operator {
  private readonly split: (text: string) => string[];
  constructor(next: Sink, private readonly field: string, delim: string | null, tokenizer: string | null, private readonly allowempty: boolean) {
    super(next);
    if (tokenizer !== null) {
      const re = compileRegex(tokenizer);
      this.split = (text) => re.execAll(text, 0).map((m) => m.captures[0] ?? m.match);
    } else {
      const d = delim ?? ' ';
      this.split = (text) => (d === '' ? [text] : text.split(d));
    }
  }
  push(row: Row): void {
    const v = row.get(this.field);
    if (v !== null) {
      const out: string[] = [];
      for (const s of valuesOf(v)) for (const part of this.split(scalarToString(s))) if (this.allowempty || part !== '') out.push(part);
      row.set(this.field, mv(out));
    }
    this.next.push(row);
  }
}
