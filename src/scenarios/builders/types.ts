// The contract every event builder implements: one builder per service action, turning an actor, a time
// and validated parameters into the record(s) the service writes, tagged with where the service delivers
// them (the stream), so `simulate` can write CloudTrail files, Event Hub batches, O365 content blobs, Cloud
// Logging sink files and Reports API activity lists.

import type { z } from 'zod';
import type { Actor } from '../actors.ts';
import type { Prng } from '../prng.ts';
import type { Environment } from '../schema.ts';

export type Sourcetype =
  | 'aws:cloudtrail'
  | 'azure:monitor:aad:signin'
  | 'o365:management:activity'
  | 'azure:activity'
  | 'google:gcp:pubsub:message'
  | 'gws:reports:login';

/** How the service hands the record out; decides the output file layout. */
export type Stream = 'cloudtrail' | 'eventhub-signin' | 'eventhub-activity' | 'rest-activity' | 'o365-aad' | 'gcp-logging' | 'gws-reports';

export interface OutputRecord {
  readonly sourcetype: Sourcetype;
  readonly stream: Stream;
  /** Epoch seconds. */
  readonly time: number;
  readonly record: Record<string, unknown>;
}

export interface BuildInput<P> {
  readonly time: number;
  readonly rng: Prng;
  readonly actor: Actor;
  readonly ip: string;
  readonly env: Environment;
  readonly params: P;
}

export interface ActionBuilder<P = unknown> {
  readonly action: string;
  readonly sourcetype: Sourcetype;
  readonly summary: string;
  /** Documentation page the record layout follows. */
  readonly reference: string;
  readonly params: z.ZodType<P>;
  build(input: BuildInput<P>): OutputRecord[];
}
