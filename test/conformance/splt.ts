// Reader for the sqllogictest-style conformance files (*.splt). Blocks are separated by blank lines:
//   events <name>            NDJSON events; _time/sourcetype/index/host/source keys become event metadata
//   events-file <name> <path> events read by the ingest module from a file (path relative to test/)
//   csv <file>               a lookup table written to the run's lookup directory
//   query rowsort|nosort [events=<name>] [now=<epoch>]   SPL lines, `----`, a header `a, b`, JSON-array rows
//   error <CODE> [events=<name>]                          SPL lines: running it must fail with CODE
// Lines starting with `#` are comments. Expected rows are written by hand from the Splunk docs.

export interface SpltEvents {
  readonly name: string;
  readonly lines: readonly string[];
  /** Set for `events-file`: a fixture read through the ingest module instead of inline lines. */
  readonly file?: string;
}

export interface SpltCase {
  readonly kind: 'query' | 'error';
  readonly line: number;
  readonly spl: string;
  readonly events: string | null;
  readonly now: number | null;
  readonly sort: 'rowsort' | 'nosort';
  readonly code: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly unknown[][];
}

export interface SpltFile {
  readonly events: ReadonlyMap<string, SpltEvents>;
  readonly csvs: ReadonlyMap<string, string>;
  readonly cases: readonly SpltCase[];
}

export function parseSplt(text: string, file: string): SpltFile {
  const events = new Map<string, SpltEvents>();
  const csvs = new Map<string, string>();
  const cases: SpltCase[] = [];
  const lines = text.split('\n');
  let lastEvents: string | null = null;
  let i = 0;
  const bad = (msg: string): never => {
    throw new Error(`${file}:${i + 1}: ${msg}`);
  };
  while (i < lines.length) {
    const line = (lines[i] as string).trimEnd();
    if (line === '' || line.startsWith('#')) {
      i++;
      continue;
    }
    const start = i;
    const [word, ...args] = line.split(/\s+/);
    const block: string[] = [];
    i++;
    while (i < lines.length && (lines[i] as string).trim() !== '') {
      if (!(lines[i] as string).startsWith('#')) block.push((lines[i] as string).trimEnd());
      i++;
    }
    const opts = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => a.split('=', 2) as [string, string]));
    if (word === 'events') {
      const name = args[0] ?? bad('events needs a name');
      events.set(name, { name, lines: block });
      lastEvents = name;
    } else if (word === 'events-file') {
      const name = args[0] ?? bad('events-file needs a name');
      events.set(name, { name, lines: [], file: args[1] ?? bad('events-file needs a path') });
      lastEvents = name;
    } else if (word === 'csv') {
      csvs.set(args[0] ?? bad('csv needs a file name'), block.join('\n') + '\n');
    } else if (word === 'query' || word === 'error') {
      const sep = block.indexOf('----');
      const splLines = word === 'query' ? block.slice(0, sep) : block;
      if (word === 'query' && sep < 0) bad('query block needs a ---- line');
      const header = word === 'query' ? (block[sep + 1] ?? bad('query needs a header line after ----')) : '';
      const rows = word === 'query' ? block.slice(sep + 2).map((r) => JSON.parse(r) as unknown[]) : [];
      cases.push({
        kind: word,
        line: start + 1,
        spl: splLines.join('\n'),
        events: opts['events'] ?? lastEvents,
        now: opts['now'] !== undefined ? Number(opts['now']) : null,
        sort: args[0] === 'nosort' ? 'nosort' : 'rowsort',
        code: word === 'error' ? (args[0] ?? bad('error needs a code')) : null,
        columns: header === '' ? [] : header.split(',').map((c) => c.trim()).filter((c) => c !== '(none)'),
        rows,
      });
    } else bad(`unknown block ${word}`);
  }
  return { events, csvs, cases };
}
