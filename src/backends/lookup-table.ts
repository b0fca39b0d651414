// Resolves a plan `lookup` node against its CSV for every translator: finds the file as the native engine
// does, works out the output columns (all non-key columns when none are named) and fails closed, with the
// same codes for every target, when the file or a named column is missing.

import type { PlanNode } from '../plan/nodes.ts';
import type { Problems } from './backend.ts';
import { csvHeader, findLookup } from './lookup-files.ts';

type LookupNode = Extract<PlanNode, { kind: 'lookup' }>;

export interface LookupTable {
  readonly path: string;
  readonly text: string;
  readonly columns: readonly string[];
  /** The lookup's outputs, or every non-key column when it names none. */
  readonly outputs: LookupNode['outputs'];
  /** A column's index in the CSV rows. */
  col(name: string): number;
}

/** The table behind `n`, or null after reporting why it cannot be read. */
export function resolveLookup(n: LookupNode, dirs: readonly string[], problems: Problems): LookupTable | null {
  const file = findLookup(n.table, dirs);
  if (!file) {
    problems.unsupported('XLATE-LOOKUP-NOT-FOUND', `lookup table '${n.table}' not found in ${dirs.join(', ') || 'no lookup directory'}`, n);
    return null;
  }
  const columns = csvHeader(file.text);
  const keyNames = new Set(n.keys.map((k) => k.lookupField));
  const outputs = n.outputs.length ? n.outputs : columns.filter((c) => !keyNames.has(c)).map((c) => ({ lookupField: c, eventField: c }));
  for (const c of [...keyNames, ...outputs.map((o) => o.lookupField)]) {
    if (!columns.includes(c)) {
      problems.unsupported('XLATE-LOOKUP-NO-COLUMN', `lookup table '${n.table}' has no column '${c}'`, n);
      return null;
    }
  }
  return { ...file, columns, outputs, col: (name) => columns.indexOf(name) };
}
