// Any other AWS API call (Describe*/List*/Get* discovery, DescribeInstanceInformation polling...):
// the caller gives eventSource, eventName and the request parameters; the envelope is CloudTrail's.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const Params = z.object({
  event_source: z.string().regex(/\.amazonaws\.com$/),
  /** One name, or several that are picked at random per event (a mix of discovery calls). */
  event_name: z.union([z.string(), z.array(z.string()).min(1)]),
  read_only: z.boolean().default(true),
  request_parameters: z.record(z.string(), z.unknown()).nullable().default(null),
  response_elements: z.record(z.string(), z.unknown()).nullable().default(null),
  error_code: z.string().optional(),
  error_message: z.string().optional(),
});

export const apiCall: ActionBuilder<z.infer<typeof Params>> = {
  action: 'aws.api',
  sourcetype: 'aws:cloudtrail',
  summary: 'Generic AWS API call (discovery and background noise)',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
  params: Params,
  build(input) {
    const p = input.params;
    const name = Array.isArray(p.event_name) ? input.rng.pick(p.event_name) : p.event_name;
    return [
      cloudTrailRecord(input, {
        eventSource: p.event_source,
        eventName: name,
        readOnly: p.read_only,
        requestParameters: p.request_parameters,
        responseElements: p.response_elements,
        ...(p.error_code ? { errorCode: p.error_code } : {}),
        ...(p.error_message ? { errorMessage: p.error_message } : {}),
      }),
    ];
  },
};
