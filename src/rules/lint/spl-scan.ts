// A structural scan of SPL text: quotes, backquoted macros, parentheses and subsearch brackets. Used only
// where the parser cannot help, i.e. to find and rewrite `(... | ...)` groups, which Splunk rejects and the
// parser therefore cannot turn into an AST. Everything else in lint works on the parser's AST.

export interface PipeInParens {
  /** Offset of the `(` that opens the group. */
  readonly open: number;
  /** Offset of the matching `)` (or text length when unclosed). */
  readonly close: number;
  /** Offsets of the pipes directly inside the group. */
  readonly pipes: readonly number[];
}

type Opener = { ch: '(' | '['; at: number; pipes: number[] };

/** Walks the text and calls `visit` for every structural character outside quotes. */
function scan(text: string, visit: (ch: string, at: number, stack: readonly Opener[]) => void): void {
  const stack: Opener[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      // Skip the quoted run; backslash escapes the next character inside double quotes.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c === '(' || c === '[') stack.push({ ch: c, at: i, pipes: [] });
    visit(c, i, stack);
    if (c === ')' || c === ']') {
      const want = c === ')' ? '(' : '[';
      // Pop to the matching opener; unbalanced text is the parser's to report.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.ch === want) {
          stack.length = k;
          break;
        }
      }
    }
    i++;
  }
}

/** Every parenthesised group that directly contains a pipe (invalid in Splunk), outermost first. */
export function findPipesInParens(text: string): PipeInParens[] {
  const groups = new Map<number, { open: number; close: number; pipes: number[] }>();
  scan(text, (ch, at, st) => {
    const top = st[st.length - 1];
    if (ch === '|' && top && top.ch === '(') {
      const g = groups.get(top.at) ?? { open: top.at, close: text.length, pipes: [] };
      g.pipes.push(at);
      groups.set(top.at, g);
    }
    if (ch === ')' && top && top.ch === '(') {
      const g = groups.get(top.at);
      if (g) g.close = at;
    }
  });
  return [...groups.values()].sort((a, b) => a.open - b.open);
}

/** Offsets of pipes at the top level (outside any parentheses, brackets or quotes). */
export function topLevelPipes(text: string): number[] {
  const out: number[] = [];
  scan(text, (ch, at, st) => {
    if (ch === '|' && st.length === 0) out.push(at);
  });
  return out;
}

/** Top-level parenthesised groups of `text`: [open, close] offsets. */
export function topLevelGroups(text: string): [number, number][] {
  const out: [number, number][] = [];
  scan(text, (ch, at, st) => {
    if (ch === ')' && st.length === 1 && st[0]!.ch === '(') out.push([st[0]!.at, at]);
  });
  return out;
}

/** Collapses whitespace runs (outside quotes) to one space and trims: one command per output line. */
export function squeeze(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      out += ' ';
      continue;
    }
    out += c;
    i++;
  }
  return out.trim();
}

/** Splits `text` at the given offsets (each offset's character is dropped). */
export function splitAt(text: string, offsets: readonly number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const o of offsets) {
    parts.push(text.slice(from, o));
    from = o + 1;
  }
  parts.push(text.slice(from));
  return parts;
}
