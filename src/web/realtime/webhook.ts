// Optional webhook delivery of stored alerts from a durable outbox: each alert is POSTed as JSON until the
// receiver answers 2xx (at-least-once; receivers deduplicate on `alert_id`), with exponential back-off.

import type { Db } from '../store/db.ts';
import { alertById } from '../store/alerts.ts';

export interface WebhookOptions {
  readonly url: string;
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export class WebhookDelivery {
  private timer: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly db: Db, private readonly opts: WebhookOptions) {
    this.timer = setInterval(() => void this.deliverDue(), 2000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async deliverDue(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now() / 1000;
      const due = this.db.prepare('SELECT alert_id, attempts FROM webhook_outbox WHERE delivered IS NULL AND next_try <= ? ORDER BY alert_id LIMIT 50').all(now) as { alert_id: number; attempts: number }[];
      for (const d of due) {
        const stored = alertById(this.db, d.alert_id);
        if (!stored) continue;
        let error: string | null = null;
        try {
          const res = await fetch(this.opts.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ alert_id: stored.id, ...stored.alert }),
            signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
          });
          if (!res.ok) error = `HTTP ${res.status}`;
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
        if (error === null) {
          this.db.prepare('UPDATE webhook_outbox SET delivered = ?, attempts = attempts + 1, last_error = NULL WHERE alert_id = ?').run(Date.now() / 1000, d.alert_id);
        } else {
          const backoff = Math.min(3600, 2 ** Math.min(d.attempts, 11));
          this.db.prepare('UPDATE webhook_outbox SET attempts = attempts + 1, next_try = ?, last_error = ? WHERE alert_id = ?').run(Date.now() / 1000 + backoff, error, d.alert_id);
          this.opts.log?.(`webhook delivery of alert ${d.alert_id} failed (${error}); retrying in ${backoff}s`);
          break; // the receiver is unhappy: do not hammer it with the rest now
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
