// Splunk HTTP Event Collector endpoints: /services/collector[/event][/1.0], /services/collector/raw[/1.0] and
// /services/collector/health. Events are acknowledged with {"text":"Success","code":0} only after the
// transaction holding them has committed; an `Idempotency-Key` header makes a retried request store once.

import { gunzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, sendJson } from '../http-util.ts';
import { HEC, type HecReply } from '../hec/replies.ts';
import { checkHecAuth } from '../hec/auth.ts';
import { parseEventBody, parseRawBody } from '../hec/parse-event-body.ts';
import { storeEvents, toStoredEvents } from '../hec/ingest.ts';
import { ackStatus } from '../store/events.ts';
import type { Route, RouteContext } from './route.ts';

function reply(res: ServerResponse, r: HecReply): void {
  sendJson(res, r.status, r.body);
}

async function body(req: IncomingMessage, limit: number): Promise<string> {
  const bytes = await readBody(req, limit);
  if (/gzip/i.test(String(req.headers['content-encoding'] ?? ''))) {
    return gunzipSync(bytes, { maxOutputLength: limit }).toString('utf8');
  }
  return bytes.toString('utf8');
}

/** The request's data channel (header or ?channel=), null when none, false when malformed. */
function channelOf(req: IncomingMessage, url: URL): string | null | false {
  const h = req.headers['x-splunk-request-channel'];
  const c = typeof h === 'string' ? h : url.searchParams.get('channel');
  if (c === null || c === '') return null;
  return /^[\w-]{1,128}$/.test(c) ? c : false;
}

/**
 * /services/collector/ack: indexer acknowledgement, as AWS Firehose and forwarders with useACK use it.
 * Every ack id is handed out only after its events committed, so a known id is always true.
 */
async function ack(ctx: RouteContext): Promise<void> {
  const { app, req, res, url } = ctx;
  const denied = checkHecAuth(req.headers.authorization, app.opts.hecToken);
  if (denied) {
    req.resume();
    return reply(res, denied);
  }
  const channel = channelOf(req, url);
  if (channel === null) return reply(res, HEC.channelMissing());
  if (channel === false) return reply(res, HEC.invalidChannel());
  let ids: unknown;
  try {
    ids = (JSON.parse(await body(req, 64 * 1024)) as { acks?: unknown }).acks;
  } catch {
    return reply(res, HEC.invalidDataFormat(0));
  }
  if (!Array.isArray(ids) || !ids.every((i) => typeof i === 'number')) return reply(res, HEC.invalidDataFormat(0));
  sendJson(res, 200, { acks: ackStatus(app.db, channel, ids as number[]) });
}

async function ingest(ctx: RouteContext, kind: 'event' | 'raw'): Promise<void> {
  const { app, req, res, url } = ctx;
  const denied = checkHecAuth(req.headers.authorization, app.opts.hecToken);
  if (denied) {
    req.resume();
    return reply(res, denied);
  }
  let text: string;
  try {
    text = await body(req, app.opts.maxHecBytes);
  } catch (err) {
    if (err instanceof BodyTooLarge || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return reply(res, HEC.tooLarge(app.opts.maxHecBytes));
    return reply(res, HEC.invalidDataFormat(0));
  }
  const parsed = kind === 'event' ? parseEventBody(text) : parseRawBody(text);
  if (!parsed.ok) return reply(res, parsed.reply);
  const defaults = {
    sourcetype: url.searchParams.get('sourcetype'),
    source: url.searchParams.get('source') ?? 'http:sightline',
    host: url.searchParams.get('host') ?? req.socket.remoteAddress ?? 'unknown',
    index: url.searchParams.get('index') ?? 'main',
  };
  const key = req.headers['idempotency-key'];
  const channel = channelOf(req, url);
  if (channel === false) return reply(res, HEC.invalidChannel());
  let ackId: number | null;
  try {
    const counts = { timesReplaced: 0 };
    const events = toStoredEvents(parsed.envelopes, defaults, Date.now() / 1000, counts);
    if (counts.timesReplaced > 0) app.opts.log(`HEC: ${counts.timesReplaced} event time(s) outside 1970..9999 or more than 2 days ahead replaced by the receive time`);
    ackId = storeEvents(app.db, events, typeof key === 'string' && key.length > 0 && key.length <= 200 ? key : null, channel).ackId;
  } catch (err) {
    app.opts.log(`HEC store failed: ${err instanceof Error ? err.message : String(err)}`);
    return reply(res, HEC.internalError());
  }
  // Committed: now it may be acknowledged, and the rules may see it.
  reply(res, HEC.success(ackId));
  void app.processor?.wake(true);
}

export const HEC_ROUTES: readonly Route[] = [
  { method: 'GET|POST', pattern: /^\/services\/collector\/health(?:\/1\.0)?$/, handle: ({ res }) => reply(res, HEC.healthy()) },
  { method: 'POST', pattern: /^\/services\/collector(?:\/event)?(?:\/1\.0)?$/, handle: (ctx) => ingest(ctx, 'event') },
  { method: 'POST', pattern: /^\/services\/collector\/raw(?:\/1\.0)?$/, handle: (ctx) => ingest(ctx, 'raw') },
  { method: 'POST', pattern: /^\/services\/collector\/ack(?:\/1\.0)?$/, handle: ack },
];
