// The durable event journal fed by HEC: append a request's events in one transaction (with its optional
// idempotency key), read them back in id order for the rule processor, and by time for windows and drill-down.

import { getProgress, setProgress, type Db } from './db.ts';

export interface StoredEventInput {
  readonly time: number;
  readonly sourcetype: string;
  readonly source: string;
  readonly host: string;
  readonly index: string;
  readonly raw: string;
}

export interface StoredEvent extends StoredEventInput {
  readonly id: number;
}

export type AppendResult = {
  readonly kind: 'stored' | 'duplicate-request';
  readonly count: number;
  /** HEC indexer acknowledgement id, when the request named a channel (per channel, from 0). */
  readonly ackId: number | null;
};

/**
 * Appends events atomically. With a request key already seen, nothing is stored and the earlier count is
 * returned, so a client retrying an unanswered request cannot duplicate events.
 */
export function appendEvents(db: Db, events: readonly StoredEventInput[], requestKey: string | null, channel: string | null = null): AppendResult {
  const insert = db.prepare('INSERT INTO events(time, sourcetype, source, host, idx, raw, received) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // The ack id is taken in the same transaction as the events: an id handed out is always durable.
  const nextAck = (): number | null => {
    if (channel === null) return null;
    const id = getProgress(db, `ack:${channel}`, 0);
    setProgress(db, `ack:${channel}`, id + 1);
    return id;
  };
  return db.immediateTransaction((): AppendResult => {
    if (requestKey !== null) {
      const seen = db.prepare('SELECT count FROM ingest_requests WHERE request_key = ?').get(requestKey) as { count: number } | undefined;
      if (seen) return { kind: 'duplicate-request', count: seen.count, ackId: nextAck() };
    }
    const now = Date.now() / 1000;
    let firstId: number | null = null;
    for (const e of events) {
      const info = insert.run(e.time, e.sourcetype, e.source, e.host, e.index, e.raw, now);
      firstId ??= Number(info.lastInsertRowid);
    }
    if (requestKey !== null) {
      db.prepare('INSERT INTO ingest_requests(request_key, first_id, count, received) VALUES (?, ?, ?, ?)').run(requestKey, firstId, events.length, now);
    }
    return { kind: 'stored', count: events.length, ackId: nextAck() };
  });
}

interface Row {
  id: number;
  time: number;
  sourcetype: string;
  source: string;
  host: string;
  idx: string;
  raw: string;
}

function fromRow(r: Row): StoredEvent {
  return { id: r.id, time: r.time, sourcetype: r.sourcetype, source: r.source, host: r.host, index: r.idx, raw: r.raw };
}

export function eventsAfter(db: Db, afterId: number, limit: number): StoredEvent[] {
  const rows = db.prepare('SELECT id, time, sourcetype, source, host, idx, raw FROM events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as Row[];
  return rows.map(fromRow);
}

/** Events with start <= time < end, up to id `maxId` (events the processor has already consumed). */
export function eventsInWindow(db: Db, sourcetypes: readonly string[] | null, start: number, end: number, maxId: number): StoredEvent[] {
  const cols = 'SELECT id, time, sourcetype, source, host, idx, raw FROM events';
  let rows: Row[];
  if (sourcetypes && sourcetypes.length > 0) {
    const marks = sourcetypes.map(() => '?').join(', ');
    rows = db.prepare(`${cols} WHERE sourcetype IN (${marks}) AND time >= ? AND time < ? AND id <= ? ORDER BY id`).all(...sourcetypes, start, end, maxId) as Row[];
  } else {
    rows = db.prepare(`${cols} WHERE time >= ? AND time < ? AND id <= ? ORDER BY id`).all(start, end, maxId) as Row[];
  }
  return rows.map(fromRow);
}

export function eventById(db: Db, id: number): StoredEvent | null {
  const r = db.prepare('SELECT id, time, sourcetype, source, host, idx, raw FROM events WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function eventsByIdRange(db: Db, firstId: number, lastId: number, limit: number): StoredEvent[] {
  const rows = db.prepare('SELECT id, time, sourcetype, source, host, idx, raw FROM events WHERE id >= ? AND id <= ? ORDER BY id LIMIT ?').all(firstId, lastId, limit) as Row[];
  return rows.map(fromRow);
}

export function countEvents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

export function maxEventId(db: Db): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS n FROM events').get() as { n: number }).n;
}

/** Indexer acknowledgement: an ack id is true once handed out (it was handed out after its commit). */
export function ackStatus(db: Db, channel: string, ids: readonly number[]): Record<string, boolean> {
  const next = getProgress(db, `ack:${channel}`, 0);
  return Object.fromEntries(ids.map((id) => [String(id), Number.isInteger(id) && id >= 0 && id < next]));
}
