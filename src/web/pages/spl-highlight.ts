// Display-only SPL highlighting: a single left-to-right scan that wraps strings, pipes and command names,
// boolean keywords, function calls, comparisons and numbers in spans. Every character is escaped; the
// parser is not involved, so a query that does not parse is still shown faithfully.

import { escapeHtml, trusted, type SafeHtml } from '../html.ts';

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'by', 'BY', 'as', 'AS', 'OUTPUT', 'OUTPUTNEW']);

function span(cls: string, text: string): string {
  return `<span class="spl-${cls}">${escapeHtml(text)}</span>`;
}

export function highlightSpl(spl: string): SafeHtml {
  let out = '';
  let i = 0;
  let expectCommand = false;
  const n = spl.length;
  while (i < n) {
    const c = spl[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && spl[j] !== c) j += spl[j] === '\\' ? 2 : 1;
      const end = Math.min(n, j + 1);
      out += span(c === '"' ? 'string' : 'field', spl.slice(i, end));
      i = end;
      continue;
    }
    if (c === '`') {
      const j = spl.indexOf('`', i + 1);
      const end = j < 0 ? n : j + 1;
      out += span('macro', spl.slice(i, end));
      i = end;
      continue;
    }
    if (c === '|') {
      out += span('pipe', c);
      expectCommand = true;
      i++;
      continue;
    }
    if (c === '[' || c === ']') {
      out += span('pipe', c);
      expectCommand = c === '[';
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w.{}*:-]/.test(spl[j]!)) j++;
      const word = spl.slice(i, j);
      if (expectCommand) out += span('command', word);
      else if (KEYWORDS.has(word)) out += span('keyword', word);
      else if (spl[j] === '(') out += span('function', word);
      else out += escapeHtml(word);
      expectCommand = false;
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.]/.test(spl[j]!)) j++;
      out += span('number', spl.slice(i, j));
      i = j;
      continue;
    }
    if (c === '=' || c === '!' || c === '<' || c === '>') {
      let j = i + 1;
      while (j < n && /[=<>!]/.test(spl[j]!)) j++;
      out += span('operator', spl.slice(i, j));
      i = j;
      continue;
    }
    out += escapeHtml(c);
    i++;
  }
  return trusted(`<pre class="spl"><code>${out}</code></pre>`);
}
