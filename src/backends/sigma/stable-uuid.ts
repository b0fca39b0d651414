// Stable ids for exported Sigma documents: detection, correlation and filter writers all name their
// documents through this one function, so a regenerated rule keeps its ids.

import { createHash } from 'node:crypto';

/** A stable UUID (v5 layout) from a name, so regenerated rules keep their ids. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(`sightline:${name}`).digest('hex');
  const v = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
