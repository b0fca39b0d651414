// KQL literals and identifiers. Strings use double quotes with backslash escapes; names that are not plain
// identifiers (dots, parentheses, keywords) use the bracket form ['name'].

// Names Kusto.Language rejects as a plain column name (KS228 "needs to be bracketed"), found by parsing
// `extend <name> = 1 | project <name>` with the analyser, plus the operator words kept from the first list.
const KEYWORDS = new Set([
  'and', 'or', 'not', 'by', 'in', 'has', 'let', 'where', 'project', 'extend', 'summarize', 'sort', 'order', 'take', 'union', 'true', 'false',
  'null', 'contains', 'between', 'matches', 'regex', 'asc', 'desc', 'count', 'on', 'kind', 'with', 'of', 'to', 'type',
  'first', 'last', 'print', 'datatable', 'search', 'as', 'find', 'invoke', 'title', 'set', 'materialize', 'toscalar', 'totable', 'sample',
  'startswith', 'endswith', 'like', 'notlike', 'time', 'flags', 'bagexpansion', 'with_itemindex', 'with_source', 'withsource', 'isfuzzy',
  'hasprefix', 'hassuffix', 'has_cs', 'contains_cs', 'startswith_cs', 'endswith_cs', 'notcontains', 'has_any', 'has_all', 'simple', 'relaxed',
  'string', 'int', 'long', 'real', 'decimal', 'datetime', 'dynamic', 'timespan',
]);

export function kqlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export function kqlIdent(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name)) return name;
  return `[${kqlSingleQuoted(name)}]`;
}

function kqlSingleQuoted(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A JSON member access after parse_json(): `.key` or `['odd key']`. */
export function kqlMember(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${kqlSingleQuoted(key)}]`;
}

export function kqlNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return `real(${n})`;
}
