// The macro table: definitions keyed like Splunk's macros.conf stanzas, `name` or `name(N)` by arity.
// A missing `<detection>_filter` macro expands to `search *` only when the table is told so.

export interface MacroDefinition {
  readonly name: string;
  readonly args: readonly string[];
  readonly definition: string;
  /** `iseval = 1`: the definition is an eval expression producing the text; not supported. */
  readonly iseval?: boolean;
  /** Where the definition came from (file path), for messages. */
  readonly source?: string;
}

export interface MacroTableOptions {
  /**
   * What a missing `<name>_filter` macro means. security_content's build generates every detection's
   * filter macro as `search *`; only a table that says 'match-all' expands missing ones that way.
   */
  readonly missingFilterMacros?: 'error' | 'match-all';
}

const FILTER_DEFAULT = 'search *';

export class MacroTable {
  private readonly defs = new Map<string, MacroDefinition>();

  constructor(
    defs: Iterable<MacroDefinition> = [],
    readonly options: MacroTableOptions = {},
  ) {
    for (const d of defs) this.add(d);
  }

  /** Splunk keys macros by name and arity: `name` for none, `name(2)` for two arguments. */
  static key(name: string, arity: number): string {
    return arity === 0 ? name : `${name}(${arity})`;
  }

  add(def: MacroDefinition): void {
    this.defs.set(MacroTable.key(def.name, def.args.length), def);
  }

  get(name: string, arity: number): MacroDefinition | undefined {
    const found = this.defs.get(MacroTable.key(name, arity));
    if (found) return found;
    if (arity === 0 && name.endsWith('_filter') && this.options.missingFilterMacros === 'match-all') {
      return { name, args: [], definition: FILTER_DEFAULT, source: 'default filter macro (missingFilterMacros: match-all)' };
    }
    return undefined;
  }

  get size(): number {
    return this.defs.size;
  }

  keys(): string[] {
    return [...this.defs.keys()].sort();
  }

  withOptions(options: MacroTableOptions): MacroTable {
    return new MacroTable(this.defs.values(), { ...this.options, ...options });
  }
}
