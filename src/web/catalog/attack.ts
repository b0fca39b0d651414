// ATT&CK Enterprise tactics and techniques for rule links and the coverage matrix, read from the repository's
// bundled copy (data/attack/, MITRE's notice kept there) or, failing that, the shared data folder beside it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../core/package-root.ts';

export interface Tactic {
  readonly id: string;
  readonly shortname: string;
  readonly name: string;
  readonly order: number;
  readonly url: string;
}

export interface Technique {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  readonly is_subtechnique: boolean;
  readonly tactics: readonly string[];
  readonly url: string;
  readonly platforms?: readonly string[];
}

export interface AttackData {
  readonly tactics: readonly Tactic[];
  readonly techniques: ReadonlyMap<string, Technique>;
  readonly notice: string;
}

export function attackDataDir(): string | null {
  for (const d of [packagePath('data/attack'), packagePath('../shared/data/attack')]) if (existsSync(join(d, 'tactics.json'))) return d;
  return null;
}

export function loadAttack(dir = attackDataDir()): AttackData {
  if (!dir) return { tactics: [], techniques: new Map(), notice: '' };
  const tactics = (JSON.parse(readFileSync(join(dir, 'tactics.json'), 'utf8')) as Tactic[]).sort((a, b) => a.order - b.order);
  const list = JSON.parse(readFileSync(join(dir, 'enterprise-techniques.json'), 'utf8')) as Technique[];
  return {
    tactics,
    techniques: new Map(list.map((t) => [t.id, t])),
    notice: '© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.',
  };
}

/** The canonical ATT&CK page of a technique id (T1021 or T1021.007), from the data when known. */
export function techniqueUrl(attack: AttackData, id: string): string | null {
  const t = attack.techniques.get(id);
  if (t) return t.url;
  const m = /^T(\d{4})(?:\.(\d{3}))?$/.exec(id);
  return m ? `https://attack.mitre.org/techniques/T${m[1]}${m[2] ? `/${m[2]}` : ''}/` : null;
}
