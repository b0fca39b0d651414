// The embedded store on its own: owner-only files, WAL with fsync on commit, all-or-nothing transactions,
// rows that hold exactly the selected columns, and data that survives closing and reopening.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, getProgress, setProgress } from '../../src/web/store/db.ts';
import { appendEvents, countEvents, eventById } from '../../src/web/store/events.ts';
import { alertById, insertAlerts } from '../../src/web/store/alerts.ts';

function tempDir(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(join(tmpdir(), 'sightline-store-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

const EVENT = { time: 1700000000, sourcetype: 'aws:cloudtrail', source: 's', host: 'h', index: 'main', raw: '{"eventName":"ConsoleLogin"}' };

test('the data directory is 0700 and the database, its WAL and shared-memory files are 0600', (t) => {
  const dir = join(tempDir(t), 'data', 'nested');
  const db = openDb(dir);
  try {
    appendEvents(db, [EVENT], null);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const name of ['sightline.db', 'sightline.db-wal', 'sightline.db-shm']) {
      assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, name);
    }
  } finally {
    db.close();
  }
});

test('journal mode is WAL and every commit is fsynced (synchronous=FULL)', (t) => {
  const db = openDb(tempDir(t));
  try {
    assert.deepEqual(db.prepare('PRAGMA journal_mode').get(), { journal_mode: 'wal' });
    assert.deepEqual(db.prepare('PRAGMA synchronous').get(), { synchronous: 2 });
  } finally {
    db.close();
  }
});

test('a transaction that throws stores nothing and the error reaches the caller unchanged', () => {
  const db = openDb(':memory:');
  try {
    const boom = new Error('boom');
    assert.throws(
      () =>
        db.immediateTransaction(() => {
          setProgress(db, 'cursor', 5);
          throw boom;
        }),
      (err) => err === boom,
    );
    assert.equal(getProgress(db, 'cursor', -1), -1);
    // The connection is usable afterwards: the failed transaction was closed.
    assert.equal(appendEvents(db, [EVENT], null).count, 1);
    assert.equal(countEvents(db), 1);
  } finally {
    db.close();
  }
});

test('a failing statement inside appendEvents rolls back the events before it', () => {
  const db = openDb(':memory:');
  try {
    const bad = { ...EVENT, raw: null as unknown as string };
    assert.throws(() => appendEvents(db, [EVENT, EVENT, bad], 'req-1'), /NOT NULL/);
    assert.equal(countEvents(db), 0);
    // The idempotency key was not kept either, so the client's retry is stored.
    assert.equal(appendEvents(db, [EVENT], 'req-1').kind, 'stored');
  } finally {
    db.close();
  }
});

test('rows hold exactly the selected columns', () => {
  const db = openDb(':memory:');
  try {
    const { count } = appendEvents(db, [EVENT], null);
    assert.equal(count, 1);
    assert.deepEqual(eventById(db, 1), { id: 1, ...EVENT });
    assert.deepEqual(db.prepare('SELECT count(*) AS n FROM events').get(), { n: 1 });
    assert.deepEqual(db.prepare('SELECT id FROM events').all(), [{ id: 1 }]);
    assert.equal(db.prepare('SELECT id FROM events WHERE id = ?').get(99), undefined);
  } finally {
    db.close();
  }
});

test('inserted alert ids, duplicate keys, fractional times and null columns round-trip', () => {
  const db = openDb(':memory:');
  try {
    const alert = { key: 'k1', ruleId: 'r', alert: { rule_id: 'r', _time: 1700000000.5, severity: 'high' }, windowStart: null, windowEnd: null, firstEventId: null, lastEventId: null };
    const first = db.immediateTransaction(() => insertAlerts(db, [alert, { ...alert, key: 'k2' }], true));
    assert.deepEqual(first, [1, 2]);
    assert.deepEqual(db.immediateTransaction(() => insertAlerts(db, [alert], true)), []);
    assert.deepEqual(alertById(db, 2), { id: 2, ruleId: 'r', time: 1700000000.5, severity: 'high', windowStart: null, windowEnd: null, firstEventId: null, lastEventId: null, alert: alert.alert });
    assert.deepEqual(db.prepare('SELECT alert_id FROM webhook_outbox ORDER BY alert_id').all(), [{ alert_id: 1 }, { alert_id: 2 }]);
  } finally {
    db.close();
  }
});

test('committed data is there after closing and reopening the directory', (t) => {
  const dir = tempDir(t);
  const db = openDb(dir);
  appendEvents(db, [EVENT, EVENT], 'req-1', 'chan');
  db.immediateTransaction(() => setProgress(db, 'cursor', 2));
  db.close();
  const again = openDb(dir);
  try {
    assert.equal(countEvents(again), 2);
    assert.equal(getProgress(again, 'cursor'), 2);
    assert.equal(appendEvents(again, [EVENT], 'req-1', 'chan').kind, 'duplicate-request');
    assert.equal(countEvents(again), 2);
  } finally {
    again.close();
  }
});
