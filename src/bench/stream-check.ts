// The flat-memory check: streams `gb` GiB of generated NDJSON (never written to disk) through the scan
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

async function* generated(bytes: number, onGib: (gib: number) => void): AsyncGenerator<Buffer> {
  let sent = 0;
  let nextMark = GIB;
  let parts: string[] = [];
  let size = 0;
  for (const line of datasetLines()) {
    parts.push(line);
    size += line.length + 1;
    if (size >= 4 * 1024 * 1024) {
      yield Buffer.from(parts.join('\n') + '\n', 'latin1');
      sent += size;
      parts = [];
      size = 0;
      while (sent >= nextMark) {
        onGib(nextMark / GIB);
        nextMark += GIB;
      }
      if (sent >= bytes) return;
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
