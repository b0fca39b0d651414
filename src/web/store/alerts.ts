// Stored alerts. Each alert has a deterministic key (rule, event range or window, content, occurrence) with a
// UNIQUE constraint, so evaluating the same events again after a crash stores nothing twice.

import type { Db } from './db.ts';

export type AlertJson = Readonly<Record<string, unknown>>;

export interface NewAlert {
  readonly key: string;
  readonly ruleId: string;
  readonly alert: AlertJson;
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  readonly firstEventId: number | null;
  readonly lastEventId: number | null;
}

export interface StoredAlert {
  readonly id: number;
  readonly ruleId: string;
  readonly time: number | null;
  readonly severity: string | null;
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  readonly firstEventId: number | null;
  readonly lastEventId: number | null;
  readonly alert: AlertJson;
}

/** Inserts alerts (ignoring keys already stored); returns the ids of the rows actually inserted. Call inside a transaction. */
export function insertAlerts(db: Db, alerts: readonly NewAlert[], queueWebhook: boolean): number[] {
  const insert = db.prepare(
    `INSERT INTO alerts(alert_key, rule_id, time, severity, window_start, window_end, first_event_id, last_event_id, json, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(alert_key) DO NOTHING`,
  );
  const outbox = db.prepare('INSERT INTO webhook_outbox(alert_id) VALUES (?)');
  const ids: number[] = [];
  const now = Date.now() / 1000;
  for (const a of alerts) {
    const t = typeof a.alert._time === 'number' ? a.alert._time : Number(a.alert._time);
    const sev = typeof a.alert.severity === 'string' ? a.alert.severity : null;
    const info = insert.run(a.key, a.ruleId, Number.isFinite(t) ? t : null, sev, a.windowStart, a.windowEnd, a.firstEventId, a.lastEventId, JSON.stringify(a.alert), now);
    if (info.changes === 1) {
      const id = Number(info.lastInsertRowid);
      ids.push(id);
      if (queueWebhook) outbox.run(id);
    }
  }
  return ids;
}

interface Row {
  id: number;
  rule_id: string;
  time: number | null;
  severity: string | null;
  window_start: number | null;
  window_end: number | null;
  first_event_id: number | null;
  last_event_id: number | null;
  json: string;
}

function fromRow(r: Row): StoredAlert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    time: r.time,
    severity: r.severity,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    firstEventId: r.first_event_id,
    lastEventId: r.last_event_id,
    alert: JSON.parse(r.json) as AlertJson,
  };
}

export interface AlertQuery {
  readonly ruleId?: string;
  readonly limit?: number;
  readonly afterId?: number;
  /** Newest first (for pages); the API lists oldest first. */
  readonly newestFirst?: boolean;
}

export function listAlerts(db: Db, q: AlertQuery = {}): StoredAlert[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.ruleId) {
    where.push('rule_id = ?');
    args.push(q.ruleId);
  }
  if (q.afterId !== undefined) {
    where.push('id > ?');
    args.push(q.afterId);
  }
  const sql = `SELECT * FROM alerts ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id ${q.newestFirst ? 'DESC' : ''} LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit ?? 1_000_000) as Row[]).map(fromRow);
}

export function alertById(db: Db, id: number): StoredAlert | null {
  const r = db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
  return r ? fromRow(r) : null;
}

export function countAlerts(db: Db, ruleId?: string): number {
  if (ruleId) return (db.prepare('SELECT count(*) AS n FROM alerts WHERE rule_id = ?').get(ruleId) as { n: number }).n;
  return (db.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n;
}

/** Every stored alert's time (null for stats alerts without one), for the histogram. */
export function alertTimes(db: Db, ruleId?: string): number[] {
  const rows = (ruleId ? db.prepare('SELECT time FROM alerts WHERE rule_id = ?').all(ruleId) : db.prepare('SELECT time FROM alerts').all()) as { time: number | null }[];
  return rows.map((r) => r.time ?? Number.NaN);
}
