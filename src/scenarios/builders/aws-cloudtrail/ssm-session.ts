// Session Manager: StartSession (requestParameters.target, optional documentName for SSH/port
// forwarding), ResumeSession and TerminateSession (requestParameters.sessionId). The session token is
// never logged: tokenValue reads "Value hidden due to security reasons.".
// https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-auditing.html

import { z } from 'zod';
import type { ActionBuilder, BuildInput, OutputRecord } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const TOKEN_HIDDEN = 'Value hidden due to security reasons.';
const REFERENCE = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-auditing.html';

const StartParams = z.object({
  target: z.string(),
  document_name: z.string().optional(),
  reason: z.string().optional(),
  /** Also log TerminateSession this many seconds later (0: leave the session open). */
  terminate_after: z.number().min(0).default(0),
});

const SessionParams = z.object({ session_id: z.string().optional() });

function sessionId(input: BuildInput<unknown>): string {
  return `${input.actor.name}-${input.rng.hex(17)}`;
}

function streamUrl(region: string, id: string): string {
  return `wss://ssmmessages.${region}.amazonaws.com/v1/data-channel/${id}?role=publish_subscribe`;
}

export const ssmStartSession: ActionBuilder<z.infer<typeof StartParams>> = {
  action: 'aws.ssm.StartSession',
  sourcetype: 'aws:cloudtrail',
  summary: 'Session Manager interactive session (shell, SSH or port forwarding)',
  reference: REFERENCE,
  params: StartParams,
  build(input) {
    const p = input.params;
    const id = sessionId(input);
    const request: Record<string, unknown> = { target: p.target };
    if (p.document_name) request.documentName = p.document_name;
    if (p.reason) request.reason = p.reason;
    const out: OutputRecord[] = [
      cloudTrailRecord(input, {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'StartSession',
        readOnly: false,
        requestParameters: request,
        responseElements: { sessionId: id, tokenValue: TOKEN_HIDDEN, streamUrl: streamUrl(input.env.aws_region, id) },
      }),
    ];
    if (p.terminate_after > 0) {
      const end = { ...input, time: input.time + p.terminate_after };
      out.push(
        cloudTrailRecord(end, {
          eventSource: 'ssm.amazonaws.com',
          eventName: 'TerminateSession',
          readOnly: false,
          requestParameters: { sessionId: id },
          responseElements: { sessionId: id },
        }),
      );
    }
    return out;
  },
};

export const ssmResumeSession: ActionBuilder<z.infer<typeof SessionParams>> = {
  action: 'aws.ssm.ResumeSession',
  sourcetype: 'aws:cloudtrail',
  summary: 'Session Manager: reconnect to a session',
  reference: REFERENCE,
  params: SessionParams,
  build(input) {
    const id = input.params.session_id ?? sessionId(input);
    return [
      cloudTrailRecord(input, {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'ResumeSession',
        readOnly: false,
        requestParameters: { sessionId: id },
        responseElements: { sessionId: id, tokenValue: TOKEN_HIDDEN, streamUrl: streamUrl(input.env.aws_region, id) },
      }),
    ];
  },
};

export const ssmTerminateSession: ActionBuilder<z.infer<typeof SessionParams>> = {
  action: 'aws.ssm.TerminateSession',
  sourcetype: 'aws:cloudtrail',
  summary: 'Session Manager: end a session',
  reference: REFERENCE,
  params: SessionParams,
  build(input) {
    const id = input.params.session_id ?? sessionId(input);
    return [
      cloudTrailRecord(input, {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'TerminateSession',
        readOnly: false,
        requestParameters: { sessionId: id },
        responseElements: { sessionId: id },
      }),
    ];
  },
};
