// `rex [field=f] "(?<name>...)" [max_match=N]` extracts named groups into fields (max_match>1 or 0 gives a
// multivalue per group); `rex mode=sed "s/a/b/g"` rewrites the field. Patterns run through the safe regex
// module (linear time). A missing field leaves the row unchanged.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { fail } from '../../core/diagnostics.ts';
import { compileRegex, type SafeRegex } from '../../core/regex.ts';
import { mv, valueToString, type Scalar } from '../../core/value.ts';

export class RexExtractOperator extends Operator {
  private readonly re: SafeRegex;
  constructor(next: Sink, private readonly field: string, pattern: string, private readonly maxMatch: number) {
    super(next);
    this.re = compileRegex(pattern);
    if (this.re.groupNames.length === 0) {
      fail('SPL-REX-NO-GROUPS', 'rex pattern has no named group, so it extracts nothing', { hint: 'name the part to extract: (?<user>\\S+)' });
    }
  }
  push(row: Row): void {
    const text = valueToString(row.get(this.field));
    if (text !== null) {
      const matches = this.maxMatch === 1 ? [this.re.exec(text)].filter((m) => m !== null) : this.re.execAll(text, this.maxMatch);
      if (matches.length > 0) {
        for (const name of this.re.groupNames) {
          const values: Scalar[] = [];
          for (const m of matches) {
            const g = m.groups[name];
            if (g !== undefined) values.push(g);
          }
          if (values.length > 0) row.set(name, mv(values));
        }
      }
    }
    this.next.push(row);
  }
}

interface SedCommand {
  readonly kind: 's' | 'y';
  readonly from: string;
  readonly to: string;
  readonly flags: string;
}

/** Splits `s/regex/replacement/flags` (any delimiter after `s`) or `y/abc/xyz/`. */
export function parseSed(expr: string): SedCommand {
  const kind = expr[0];
  const delim = expr[1];
  if ((kind !== 's' && kind !== 'y') || delim === undefined) {
    fail('SPL-REX-BAD-SED', `rex mode=sed expression ${JSON.stringify(expr)} must look like s/regex/replacement/flags or y/abc/xyz/`);
  }
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < expr.length; i++) {
    const c = expr[i] as string;
    if (c === '\\' && expr[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (c === delim && parts.length < 2) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (parts.length !== 2) fail('SPL-REX-BAD-SED', `rex mode=sed expression ${JSON.stringify(expr)} is missing a delimiter`);
  return { kind, from: parts[0] as string, to: parts[1] as string, flags: cur };
}

export class RexSedOperator extends Operator {
  private readonly apply: (s: string) => string;
  constructor(next: Sink, private readonly field: string, expr: string) {
    super(next);
    const sed = parseSed(expr);
    if (sed.kind === 'y') {
      if ([...sed.from].length !== [...sed.to].length) fail('SPL-REX-BAD-SED', 'y/// needs two lists of the same length');
      const map = new Map([...sed.from].map((c, i) => [c, [...sed.to][i] as string]));
      this.apply = (s) => [...s].map((c) => map.get(c) ?? c).join('');
      return;
    }
    const re = compileRegex(sed.from);
    const global = sed.flags.includes('g');
    const nth = Number(/\d+/.exec(sed.flags)?.[0] ?? '1');
    this.apply = (s) => re.replace(s, sed.to, global ? { global } : { nth });
  }
  push(row: Row): void {
    const text = valueToString(row.get(this.field));
    if (text !== null) row.set(this.field, this.apply(text));
    this.next.push(row);
  }
}
