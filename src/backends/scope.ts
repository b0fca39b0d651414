// The fields visible at one point of a translated pipeline. Before the first projection (table, stats) a
// field name can mean a source field of the log (resolved through the target's mapping) or a column an
// eval created; after it, only the projected columns exist. Every text target uses this to resolve names.

/** The static type a target needs to pick operators (string vs number comparison, list functions). */
export type ColType = 'string' | 'number' | 'bool' | 'time' | 'mv' | 'dynamic';

export type Resolved = { kind: 'column'; type: ColType } | { kind: 'source' } | { kind: 'missing' };

export class Scope {
  private readonly columns = new Map<string, ColType>();
  private sourceVisible = true;
  private readonly renamedAway = new Set<string>();
  /** Set by unionOf when some branch still reads its log: a name that is no column may be a log field there. */
  private onUnknown: ((name: string) => void) | null = null;

  resolve(name: string): Resolved {
    const t = this.columns.get(name);
    if (t !== undefined) return { kind: 'column', type: t };
    if (this.sourceVisible && !this.renamedAway.has(name)) return { kind: 'source' };
    this.onUnknown?.(name);
    return { kind: 'missing' };
  }

  define(name: string, type: ColType): void {
    this.columns.set(name, type);
    this.renamedAway.delete(name);
  }

  drop(name: string): void {
    this.columns.delete(name);
    this.renamedAway.add(name);
  }

  /** After table/stats/fields: exactly these columns remain. */
  project(cols: readonly (readonly [string, ColType])[]): void {
    this.columns.clear();
    for (const [n, t] of cols) this.columns.set(n, t);
    this.sourceVisible = false;
    this.onUnknown = null;
  }

  /**
   * The scope after a union of branches (multisearch, append). A branch that ended with `fields`/`table` holds
   * exactly its columns; a branch that did not still carries every field of its log events, which the union
   * passes on (Splunk keeps them) but a translation that re-joins columns cannot read. So a name is a column
   * only when every such open branch made it one; any other name read after the union is reported through
   * `unknown` (the caller fails closed) instead of silently reading null.
   */
  unionOf(branches: readonly Scope[], unknown: (name: string) => void): void {
    const open = branches.filter((b) => b.sourceVisible);
    const cols = new Map<string, ColType>();
    for (const b of branches) {
      for (const [n, t] of b.columns) if (!cols.has(n) && open.every((o) => o.columns.has(n))) cols.set(n, t);
    }
    this.project([...cols]);
    const reported = new Set<string>();
    if (open.length > 0) {
      this.onUnknown = (name) => {
        if (!reported.has(name)) unknown(name);
        reported.add(name);
      };
    }
  }

  get hasSource(): boolean {
    return this.sourceVisible;
  }

  columnNames(): string[] {
    return [...this.columns.keys()];
  }
}
