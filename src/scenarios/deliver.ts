// Lays generated records out the way each service delivers them, so any tool can read the output:
// CloudTrail log files (AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<acct>_CloudTrail_<region>_<ts>_<id>.json.gz
// holding {"Records":[...]}, one per 5 minutes), Event Hub message batches ({"records":[...]}) for Entra
// sign-ins and the Activity Log, Activity Log REST results and O365 Management Activity content blobs (JSON
// arrays), Cloud Logging sink files and Workspace Reports activities (newline-delimited JSON). Pure: returns file paths and bytes; the CLI writes them. Output is byte-for-byte deterministic.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html

import { gzipSync } from 'node:zlib';
import type { Stream } from './builders/types.ts';
import type { GeneratedRecord } from './generate.ts';
import { Prng } from './prng.ts';

export interface OutputFile {
  readonly path: string;
  readonly bytes: Buffer;
  readonly records: number;
}

const BATCH_SECONDS = 300;

type Layout = (rec: GeneratedRecord, bucketStart: number) => { key: string; path: (rng: Prng) => string };

function datePath(t: number): { y: string; m: string; d: string; stamp: string } {
  const iso = new Date(t * 1000).toISOString();
  return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10), stamp: `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z` };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const LAYOUTS: Record<Stream, Layout> = {
  cloudtrail(rec, bucket) {
    const r = rec.record as { recipientAccountId: string; awsRegion: string };
    const acct = r.recipientAccountId;
    const region = r.awsRegion;
    const d = datePath(bucket + BATCH_SECONDS);
    return {
      key: `cloudtrail/${acct}/${region}/${bucket}`,
      path: (rng) => `AWSLogs/${acct}/CloudTrail/${region}/${d.y}/${d.m}/${d.d}/${acct}_CloudTrail_${region}_${d.stamp}_${rng.chars(16, ALNUM)}.json.gz`,
    };
  },
  'eventhub-signin': (_rec, bucket) => eventHub('insights-logs-signinlogs', bucket),
  'eventhub-activity': (_rec, bucket) => eventHub('insights-activity-logs', bucket),
  'rest-activity'(rec, bucket) {
    const d = datePath(bucket);
    const sub = String((rec.record as { subscriptionId?: string }).subscriptionId ?? 'unknown');
    return { key: `rest/${sub}/${bucket}`, path: () => `azure-activity-api/${sub}/${d.y}/${d.m}/${d.d}/${d.stamp}.json` };
  },
  // A Cloud Logging sink to Cloud Storage: one newline-delimited JSON file per log and hour,
  // <log>/YYYY/MM/DD/HH:00:00_HH:59:59_S0.json (Logging "View logs routed to Cloud Storage"), with hyphens for
  // the colons so that the files check out on every file system.
  'gcp-logging'(rec, bucket) {
    const r = rec.record as { logName: string };
    const log = decodeURIComponent(r.logName.replace(/^projects\/[^/]+\/logs\//, ''));
    const hour = Math.floor(bucket / 3600) * 3600;
    const d = datePath(hour);
    const hh = d.stamp.slice(9, 11);
    return { key: `gcp/${log}/${hour}`, path: () => `gcp-logging/${log}/${d.y}/${d.m}/${d.d}/${hh}-00-00_${hh}-59-59_S0.json` };
  },
  // Reports API activities, one per line, per customer and hour.
  'gws-reports'(rec, bucket) {
    const r = rec.record as { id: { customerId: string; applicationName: string } };
    const hour = Math.floor(bucket / 3600) * 3600;
    const d = datePath(hour);
    return { key: `gws/${r.id.customerId}/${r.id.applicationName}/${hour}`, path: () => `gws-reports/${r.id.customerId}/${r.id.applicationName}/${d.y}/${d.m}/${d.d}/${d.stamp}.json` };
  },
  'o365-aad'(rec, bucket) {
    const d = datePath(bucket);
    const org = String((rec.record as { OrganizationId?: string }).OrganizationId ?? 'unknown');
    return { key: `o365/${org}/${bucket}`, path: (rng) => `o365/${org}/Audit.AzureActiveDirectory/${d.y}/${d.m}/${d.d}/${d.stamp}_${rng.hex(32)}.json` };
  },
};

function eventHub(hub: string, bucket: number) {
  const d = datePath(bucket);
  return { key: `${hub}/${bucket}`, path: () => `eventhub/${hub}/${d.y}/${d.m}/${d.d}/${d.stamp}.json` };
}

/** Groups records into delivery files. `seed` makes the random parts of file names reproducible. */
export function deliver(records: readonly GeneratedRecord[], seed = 'sightline'): OutputFile[] {
  const groups = new Map<string, { stream: Stream; path: (rng: Prng) => string; records: GeneratedRecord[] }>();
  const sorted = [...records].sort((a, b) => a.time - b.time);
  for (const rec of sorted) {
    const bucket = Math.floor(rec.time / BATCH_SECONDS) * BATCH_SECONDS;
    const { key, path } = LAYOUTS[rec.stream](rec, bucket);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { stream: rec.stream, path, records: [] }));
    g.records.push(rec);
  }
  const root = new Prng(seed);
  const files: OutputFile[] = [];
  for (const [key, g] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const path = g.path(root.fork(key));
    const recs = g.records.map((r) => r.record);
    files.push({ path, bytes: encode(g.stream, recs), records: recs.length });
  }
  return files;
}

function encode(stream: Stream, recs: readonly unknown[]): Buffer {
  switch (stream) {
    case 'cloudtrail':
      // CloudTrail files are compact JSON, gzip-compressed.
      return gzipSync(Buffer.from(JSON.stringify({ Records: recs })), { level: 9 });
    case 'eventhub-signin':
    case 'eventhub-activity':
      return Buffer.from(JSON.stringify({ records: recs }) + '\n');
    case 'rest-activity':
    case 'o365-aad':
      return Buffer.from(JSON.stringify(recs) + '\n');
    case 'gcp-logging':
    case 'gws-reports':
      return Buffer.from(recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}
