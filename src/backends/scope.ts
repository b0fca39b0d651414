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

  resolve(name: string): Resolved {
    const t = this.columns.get(name);
    if (t !== undefined) return { kind: 'column', type: t };
    if (this.sourceVisible && !this.renamedAway.has(name)) return { kind: 'source' };
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
  }

  get hasSource(): boolean {
    return this.sourceVisible;
  }

  columnNames(): string[] {
    return [...this.columns.keys()];
  }
}
