// A small structural ES|QL validator (no ES|QL parser is published on npm; log-sources.md section 4):
// commands from a whitelist, functions from a whitelist with arities, and every field name either declared
// for the data stream (esql/fields.yml, flattened fields rejected) or created earlier by EVAL/STATS/RENAME or
// by the named captures of a GROK/DISSECT pattern.

import { loadMappingData } from '../mapping-data.ts';

export interface EsqlIssue {
  readonly offset: number;
  readonly message: string;
}

type Tok = { kind: 'str' | 'num' | 'ident' | 'punct'; text: string; offset: number };

const COMMANDS = new Set(['FROM', 'WHERE', 'EVAL', 'STATS', 'KEEP', 'DROP', 'RENAME', 'SORT', 'LIMIT', 'DISSECT', 'GROK', 'MV_EXPAND']);
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IS', 'NULL', 'LIKE', 'RLIKE', 'IN', 'TRUE', 'FALSE', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST', 'BY', 'AS']);
/** name -> [min, max] arity (max Infinity for variadic). */
const FUNCTIONS: Record<string, [number, number]> = {
  COUNT: [0, 1], COUNT_DISTINCT: [1, 2], VALUES: [1, 1], MIN: [1, 1], MAX: [1, 1], SUM: [1, 1], AVG: [1, 1],
  MEDIAN: [1, 1], PERCENTILE: [2, 2], TOP: [3, 3],
  CASE: [2, Infinity], COALESCE: [1, Infinity], CONCAT: [2, Infinity], TO_LOWER: [1, 1], TO_UPPER: [1, 1],
  LENGTH: [1, 1], SUBSTRING: [2, 3], TRIM: [1, 1], SPLIT: [2, 2], REPLACE: [3, 3], TO_STRING: [1, 1],
  TO_DOUBLE: [1, 1], TO_LONG: [1, 1], TO_INTEGER: [1, 1], TO_IP: [1, 1], TO_BOOLEAN: [1, 1], CIDR_MATCH: [2, Infinity],
  MV_COUNT: [1, 1], MV_FIRST: [1, 1], MV_LAST: [1, 1], MV_SLICE: [2, 3], MV_CONCAT: [2, 2], MV_SORT: [1, 2], MV_DEDUPE: [1, 1], MV_CONTAINS: [2, 2],
  MV_APPEND: [2, 2], MV_MIN: [1, 1], MV_MAX: [1, 1],
  DATE_DIFF: [3, 3], ABS: [1, 1], FLOOR: [1, 1], CEIL: [1, 1], ROUND: [1, 2], DATE_TRUNC: [2, 2], BUCKET: [2, 4], STARTS_WITH: [2, 2], ENDS_WITH: [2, 2],
};

function tokenize(q: string, issues: EsqlIssue[]): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && q[i + 1] === '/') { while (i < q.length && q[i] !== '\n') i++; continue; }
    if (c === '"') {
      let j = i + 1;
      while (j < q.length && q[j] !== '"') j += q[j] === '\\' ? 2 : 1;
      if (j >= q.length) issues.push({ offset: i, message: 'unterminated string' });
      toks.push({ kind: 'str', text: q.slice(i, j + 1), offset: i });
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      while (j < q.length && !(q[j] === '`' && q[j + 1] !== '`')) j += q[j] === '`' ? 2 : 1;
      toks.push({ kind: 'ident', text: q.slice(i + 1, j).replace(/``/g, '`'), offset: i });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(q.slice(i))!;
      toks.push({ kind: 'num', text: m[0], offset: i });
      i += m[0].length;
    } else if (/[A-Za-z_@]/.test(c)) {
      const m = /^[A-Za-z_@][A-Za-z0-9_.@*-]*/.exec(q.slice(i))!;
      let text = m[0];
      // `-` only belongs to index patterns (FROM logs-aws.cloudtrail-*).
      if (!/^logs-/.test(text)) text = /^[A-Za-z_@][A-Za-z0-9_.@]*/.exec(text)![0];
      toks.push({ kind: 'ident', text, offset: i });
      i += text.length;
    } else {
      const m = /^(==|!=|<=|>=|[-+*/%<>=(),|])/.exec(q.slice(i));
      if (!m) {
        issues.push({ offset: i, message: `unexpected character '${c}'` });
        i++;
        continue;
      }
      toks.push({ kind: 'punct', text: m[0], offset: i });
      i += m[0].length;
    }
  }
  return toks;
}

export function checkEsql(query: string): EsqlIssue[] {
  const issues: EsqlIssue[] = [];
  const toks = tokenize(query, issues);
  const commands: Tok[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t.text === '(') depth++;
    if (t.text === ')') depth--;
    if (t.kind === 'punct' && t.text === '|' && depth === 0) commands.push([]);
    else commands[commands.length - 1]!.push(t);
  }
  const declared = loadMappingData<Record<string, Record<string, string>>>('esql/fields.yml');
  let fields: Record<string, string> = {};
  let columns: Set<string> | null = null; // null: the source's fields are visible
  const known = (name: string) => (columns ? columns.has(name) : name in fields && fields[name] !== 'flattened') || (columns === null && created.has(name));
  const created = new Set<string>();
  commands.forEach((cmd, index) => {
    const head = cmd[0];
    if (!head) return void issues.push({ offset: query.length, message: 'empty command' });
    const name = head.text.toUpperCase();
    if (!COMMANDS.has(name) || head.kind !== 'ident') return void issues.push({ offset: head.offset, message: `unknown command '${head.text}'` });
    if ((index === 0) !== (name === 'FROM')) return void issues.push({ offset: head.offset, message: 'a query starts with FROM, and only there' });
    const rest = cmd.slice(1);
    if (name === 'FROM') {
      const idx = rest[0]?.text ?? '';
      if (!(idx in declared)) issues.push({ offset: head.offset, message: `unknown data stream '${idx}'` });
      fields = declared[idx] ?? {};
      return;
    }
    if (name === 'LIMIT') {
      if (rest.length !== 1 || rest[0]!.kind !== 'num') issues.push({ offset: head.offset, message: 'LIMIT takes one number' });
      return;
    }
    if (name === 'GROK' || name === 'DISSECT') {
      const input = rest[0];
      if (input?.kind !== 'ident' || rest[1]?.kind !== 'str') return void issues.push({ offset: head.offset, message: `${name} takes a field and a pattern string` });
      if (rest.length > 2 && !(name === 'DISSECT' && rest.length === 5 && rest[2]!.text.toUpperCase() === 'APPEND_SEPARATOR' && rest[3]!.text === '=' && rest[4]!.kind === 'str')) {
        return void issues.push({ offset: rest[2]!.offset, message: `unexpected '${rest[2]!.text}' after the ${name} pattern` });
      }
      if (fields[input.text] === 'flattened' && columns === null) issues.push({ offset: input.offset, message: `'${input.text}' is a flattened field: ES|QL cannot read it` });
      else if (!known(input.text)) issues.push({ offset: input.offset, message: `unknown field '${input.text}'` });
      const pattern = extractPattern(name, rest[1]!, issues);
      for (const n of pattern) (columns ?? created).add(n);
      return;
    }
    // Names defined by this command (`x = ...` in EVAL/STATS, `a AS b` in RENAME) are not field reads.
    const defined = new Set<number>();
    rest.forEach((t, i) => {
      if (t.kind === 'ident' && rest[i + 1]?.text === '=' && (i === 0 || rest[i - 1]!.text === ',')) defined.add(i);
      if (name === 'RENAME' && t.kind === 'ident' && rest[i - 1]?.text.toUpperCase() === 'AS') defined.add(i);
    });
    const byAt = name === 'STATS' ? rest.findIndex((t) => t.kind === 'ident' && t.text.toUpperCase() === 'BY') : -1;
    rest.forEach((t, i) => {
      if (t.kind !== 'ident' || defined.has(i)) return;
      const upper = t.text.toUpperCase();
      if (rest[i + 1]?.text === '(' && !KEYWORDS.has(upper)) {
        const arity = FUNCTIONS[upper];
        if (!arity) return void issues.push({ offset: t.offset, message: `unknown function '${t.text}'` });
        const n = countArgs(rest, i + 1);
        if (n < arity[0] || n > arity[1]) issues.push({ offset: t.offset, message: `${upper} takes ${arity[0]}..${arity[1]} arguments, got ${n}` });
        return;
      }
      if (KEYWORDS.has(upper) && !(t.text !== upper && known(t.text))) return;
      if (fields[t.text] === 'flattened' && columns === null) return void issues.push({ offset: t.offset, message: `'${t.text}' is a flattened field: ES|QL cannot read it` });
      if (!known(t.text)) issues.push({ offset: t.offset, message: `unknown field '${t.text}'` });
    });
    const names = [...defined].map((i) => rest[i]!.text);
    if (name === 'EVAL') for (const n of names) (columns ?? created).add(n);
    if (name === 'RENAME') for (const n of names) (columns ?? created).add(n);
    if (name === 'STATS') columns = new Set([...names, ...(byAt >= 0 ? rest.slice(byAt + 1).filter((t) => t.kind === 'ident').map((t) => t.text) : [])]);
    if (name === 'KEEP') columns = new Set(rest.filter((t) => t.kind === 'ident').map((t) => t.text));
    if (name === 'DROP') for (const t of rest) if (t.kind === 'ident') columns?.delete(t.text);
  });
  return issues;
}

/** The columns a GROK or DISSECT pattern creates; reports an unreadable string or unbalanced groups. */
function extractPattern(command: string, tok: Tok, issues: EsqlIssue[]): string[] {
  let text: string;
  try {
    text = JSON.parse(tok.text) as string;
  } catch {
    issues.push({ offset: tok.offset, message: `${command} pattern is not a readable string` });
    return [];
  }
  const names: string[] = [];
  // %{SYNTAX:name} / %{SYNTAX:name:type} (GROK) and %{name} / %{+name} (DISSECT; %{?name} and %{} skip).
  for (const m of text.matchAll(/%\{([^}]*)\}/g)) {
    const parts = m[1]!.split(':');
    const key = command === 'GROK' ? parts[1] : parts[0]!.replace(/^[+&]/, '').replace(/->$/, '');
    if (key && !key.startsWith('?') && !(command === 'GROK' && parts.length < 2)) names.push(key);
  }
  if (command === 'GROK') {
    // Oniguruma named groups; every group must close (escapes and character classes skipped).
    for (const m of text.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) names.push(m[1]!);
    let depth = 0;
    let inClass = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\\') i++;
      else if (inClass) inClass = c !== ']';
      else if (c === '[') inClass = true;
      else if (c === '(') depth++;
      else if (c === ')' && --depth < 0) break;
    }
    if (depth !== 0 || inClass) issues.push({ offset: tok.offset, message: 'GROK pattern has unbalanced groups or an unclosed character class' });
  }
  if (names.length === 0) issues.push({ offset: tok.offset, message: `${command} pattern names no column` });
  return names;
}

function countArgs(toks: Tok[], open: number): number {
  let depth = 0;
  let args = 0;
  let empty = true;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]!.text;
    if (t === '(') {
      depth++;
      if (depth > 1) empty = false;
      continue;
    }
    if (t === ')') {
      depth--;
      if (depth === 0) return empty ? 0 : args + 1;
      continue;
    }
    if (depth === 1 && t === ',') args++;
    else if (depth >= 1 && !(toks[i]!.text === '*' && depth === 1 && toks[i + 1]?.text === ')')) empty = false;
  }
  return args + 1;
}
