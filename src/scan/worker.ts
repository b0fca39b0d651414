// A scan worker thread: takes byte ranges of NDJSON files (or whole gzip files), runs the prefilter, parses
// candidate lines into events, keeps those some scan leaf accepts, and posts them back in columns with the
// leaves that took each (wire-batch.ts). The coordinator (run-scan.ts) runs the full plans on them in order.

import { parentPort, workerData } from 'node:worker_threads';
import { defaultHost, type EventContext } from '../ingest/make-event.ts';
import type { JsonEvent } from '../ingest/json-event.ts';
import { newReadCounts, type ReadCounts } from '../ingest/read-counts.ts';
import { sourcetypeByName } from '../ingest/sourcetypes/index.ts';
import { compileLineSelector } from './prefilter.ts';
import { leavesTaking, startQueries } from '../exec/run.ts';
import { scanFileRange, scanStream } from './scan-file.ts';
import type { FromWorker, ScanTask, ToWorker, WorkerSetup } from './wire.ts';
import { packBatch } from './wire-batch.ts';
import { scanProjection } from './scan-projection.ts';

const setup = workerData as WorkerSetup;
const selector = setup.clauses ? compileLineSelector(setup.clauses) : null;
// The same plans and options as the coordinator's run, asked only which scan leaves take each event: the
// coordinator then pushes the event to those leaves without checking them again.
const leaves = startQueries(setup.plans, () => {}, { now: setup.now, lookupDirs: setup.lookupDirs ? [...setup.lookupDirs] : undefined, rawPrefiltered: selector !== null }, { generators: false });
const forced = setup.sourcetype ? sourcetypeByName(setup.sourcetype) : undefined;
const projection = setup.projection ? scanProjection(setup.fields, forced) : null;
const post = (m: FromWorker) => parentPort!.postMessage(m);

async function runTask(task: ScanTask, counts: ReadCounts): Promise<void> {
  const ctx: EventContext = { sourcetype: forced, index: setup.index, source: task.path, host: setup.host ?? defaultHost(), fallbackTime: task.fallbackTime, counts };
  const target = {
    selector,
    projection,
    ctx,
    onMalformed: (line: number, offset: number, message: string) => post({ type: 'malformed', id: task.id, line, offset, message }),
  };
  const emit = (events: JsonEvent[]) => {
    const accepted: JsonEvent[] = [];
    const verdicts: number[] = [];
    for (const e of events) {
      const v = leavesTaking(leaves, e);
      if (v === 0) continue;
      accepted.push(e);
      verdicts.push(v);
    }
    post({ type: 'events', id: task.id, batch: packBatch(accepted, verdicts, setup.fields), parsed: events.length });
  };
  if (task.kind === 'lines') scanFileRange(task.path, task.start, task.end, task.size, target, emit);
  else await scanStream(task.path, target, emit);
}

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'stop') {
    parentPort!.close();
    return;
  }
  const counts = newReadCounts();
  runTask(m.task, counts).then(
    () => post({ type: 'done', id: m.task.id, counts: { lines: counts.lines, untimed: [...counts.untimed] } }),
    (err: unknown) => post({ type: 'error', id: m.task.id, message: err instanceof Error ? err.message : String(err) }),
  );
});
