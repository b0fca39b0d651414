// The flat-memory check: streams `gb` GiB of generated NDJSON (never written to disk; a pool of 50,000
// seeded lines cycled, since generating 10 GiB afresh would take longer than scanning it) through the scan
// path with the stats dc() query and the T1021.008 rule in one pass, printing peak RSS after every GiB.
// Streaming operators hold nothing, so only the stats groups (bounded by distinct principals) grow.

import type { EventContext } from '../ingest/make-event.ts';
import { startQueries } from '../exec/run.ts';
import { scanChunks } from '../scan/scan-file.ts';
import { compileLineSelector } from '../scan/prefilter.ts';
import { planTermClauses } from '../scan/plan-terms.ts';
import { peakRssMb } from './child.ts';
import { datasetLines } from './dataset.ts';
import { benchQuery } from './queries.ts';

const GIB = 1024 * 1024 * 1024;

/** Pool of distinct generated lines the stream cycles through (generating 10 GiB afresh takes too long). */
const POOL_LINES = 50_000;

async function* generated(bytes: number, onGib: (gib: number) => void): AsyncGenerator<Buffer> {
  const pool: Buffer[] = [];
  const gen = datasetLines();
  for (let i = 0; i < POOL_LINES; i += 2000) {
    const parts: string[] = [];
    for (let j = 0; j < 2000; j++) parts.push(gen.next().value as string);
    pool.push(Buffer.from(parts.join('\n') + '\n', 'latin1'));
  }
  let sent = 0;
  let nextMark = GIB;
  for (let i = 0; sent < bytes; i = (i + 1) % pool.length) {
    const block = pool[i]!;
    yield block;
    sent += block.length;
    while (sent >= nextMark) {
      onGib(nextMark / GIB);
      nextMark += GIB;
    }
  }
}

export async function runStreamCheck(gb: number, print: (line: string) => void): Promise<void> {
  const stats = await benchQuery('stats-dc');
  const rule = await benchQuery('t1021-008');
  const plans = [...stats.plans, ...rule.plans];
  const rows = [0, 0];
  const run = startQueries(plans, (i) => void rows[i]!++, { lookupDirs: [...rule.lookupDirs] });
  const ctx: EventContext = { source: 'generated', host: 'bench', fallbackTime: 0 };
  const selector = compileLineSelector(planTermClauses(plans));
  const t0 = performance.now();
  let events = 0;
  print(`stream-check: ${gb} GiB generated in memory, stats dc() + ${plans.length - 1} rule plan(s), one pass`);
  await scanChunks(
    generated(gb * GIB, (gib) => print(`after ${gib} GiB: ${events} events, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, peak rss ${peakRssMb().toFixed(0)} MB, ${((performance.now() - t0) / 1000).toFixed(0)} s`)),
    { selector, ctx },
    (batch) => {
      events += batch.length;
      for (const e of batch) run.push(e);
    },
  );
  run.end();
  print(`stream-check done: ${events} events, stats rows ${rows[0]}, rule rows ${rows[1]}, peak rss ${peakRssMb().toFixed(0)} MB`);
}
