// `sightline simulate <scenario...> --out DIR` (or --all; --list shows the library): generates scenario telemetry and writes it the
// way the services deliver it (CloudTrail .json.gz files, Event Hub batches, Activity Log API results,
// O365 content blobs), so sightline and any other tool can read it. Deterministic for a given seed.

import { defineCommand } from 'citty';
import { catalogDir } from '../../app/catalog-dirs.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SightlineError } from '../../core/diagnostics.ts';
import { deliver } from '../../scenarios/deliver.ts';
import { generateScenario } from '../../scenarios/generate.ts';
import { loadScenarios } from '../../scenarios/load.ts';
import { selectScenarios } from '../../scenarios/select.ts';

export default defineCommand({
  meta: { name: 'simulate', description: 'Generate attack and benign telemetry from scenarios' },
  args: {
    scenario: { type: 'positional', required: false, valueHint: 'scenario-id|file.yaml...', description: 'library scenario ids or scenario files (or --all)' },
    out: { type: 'string', valueHint: 'dir', description: 'Output directory' },
    list: { type: 'boolean', description: 'List the library scenarios and exit', default: false },
    all: { type: 'boolean', description: 'Every scenario of the library', default: false },
    scenarios: { type: 'string', valueHint: 'dir', description: 'Scenario library directory (default: ./scenarios if present, else the bundled one)', default: catalogDir('scenarios') },
    volume: { type: 'string', description: 'Multiplier for background activity', default: '1' },
    seed: { type: 'string', description: 'Seed for the random parts of file names', default: 'sightline' },
  },
  run({ args }) {
    if (args.list) {
      for (const { scenario: s } of loadScenarios(args.scenarios)) {
        process.stdout.write(`${s.id.padEnd(44)} ${s.kind.padEnd(7)} ${s.technique.padEnd(10)} ${s.title}\n`);
      }
      return;
    }
    if (!args.out) throw new SightlineError({ code: 'CLI-BAD-ARG', message: 'give --out DIR (where to write the logs)', severity: 'error' });
    const out = args.out;
    const volume = Number(args.volume);
    if (!Number.isFinite(volume) || volume <= 0) throw new SightlineError({ code: 'CLI-BAD-ARG', message: `--volume must be a positive number, got ${args.volume}`, severity: 'error' });
    const scenarios = selectScenarios(args._.map(String), args.scenarios, args.all);
    const records = scenarios.flatMap((s) => generateScenario(s, { volume }));
    const files = deliver(records, args.seed);
    for (const f of files) {
      const path = join(out, f.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.bytes);
    }
    const bySourcetype = new Map<string, number>();
    for (const r of records) bySourcetype.set(r.sourcetype, (bySourcetype.get(r.sourcetype) ?? 0) + 1);
    const counts = [...bySourcetype].sort().map(([s, n]) => `${s} ${n}`).join(', ');
    process.stderr.write(`simulate: ${scenarios.length} scenario(s), ${records.length} events (${counts}) in ${files.length} files under ${out}\n`);
  },
});
