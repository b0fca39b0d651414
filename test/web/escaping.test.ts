// Log values are attacker-controlled: a hostile value fed through every page type must come out as text.
// Each page is rendered with `<script>`, quotes and `&` in every string the page shows from data, and the
// output must hold the escaped form and never the raw markup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, safeHref } from '../../src/web/html.ts';
import { indexPage } from '../../src/web/pages/index-page.ts';
import { rulePage } from '../../src/web/pages/rule-page.ts';
import { coveragePage } from '../../src/web/pages/coverage-page.ts';
import { analysisAlertPage, analysisPage, analyzeFormPage, diagnosticBlock } from '../../src/web/pages/analyze-page.ts';
import { alertDetailPage, alertsPage } from '../../src/web/pages/alerts-page.ts';
import { errorPage } from '../../src/web/pages/layout.ts';
import { highlightSpl } from '../../src/web/pages/spl-highlight.ts';
import type { RuleView } from '../../src/web/catalog/rule-view.ts';
import type { Analysis } from '../../src/web/analysis/analysis.ts';
import type { Event } from '../../src/core/event.ts';
import { loadAttack } from '../../src/web/catalog/attack.ts';

const EVIL = `<script>alert("x")</script>"'&<img src=x onerror=alert(1)>`;
const EVIL_ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert(1)&gt;';

test('escapeHtml escapes the five HTML specials and the backtick; null and undefined are empty', () => {
  const cases: [unknown, string][] = [
    ['<a href="x">\'&`</a>', '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#96;&lt;/a&gt;'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    ['plain', 'plain'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeHtml(input), expected);
});

test('the html template escapes every interpolation, arrays included, and keeps trusted fragments', () => {
  const inner = html`<b>${EVIL}</b>`;
  const out = html`<p title="${EVIL}">${[EVIL, null, inner]}</p>`.text;
  assert.equal(out, `<p title="${EVIL_ESCAPED}">${EVIL_ESCAPED}<b>${EVIL_ESCAPED}</b></p>`);
});

test('safeHref keeps http(s) links only', () => {
  assert.equal(safeHref('https://attack.mitre.org/'), 'https://attack.mitre.org/');
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref(' data:text/html,x'), null);
});

const rule: RuleView = {
  id: 'evil-rule',
  title: EVIL,
  status: EVIL,
  description: EVIL,
  attack: { tactic: EVIL, tacticId: 'TA0008', technique: 'T1021', techniqueName: EVIL, subtechnique: 'T1021.007', subtechniqueName: EVIL, reference: 'javascript:alert(1)' },
  techniqueId: 'T1021.007',
  severity: EVIL,
  confidence: EVIL,
  spl: `index=x user="${EVIL}" | eval a=${EVIL}`,
  alertTypes: [EVIL],
  sourcetypes: [EVIL],
  dataSources: [EVIL],
  falsePositives: [EVIL],
  tuning: [EVIL],
  notes: [EVIL],
  testing: [{ name: EVIL, behaviour: EVIL, expected: EVIL, test: EVIL }],
  playbook: [EVIL],
  investigation: [EVIL],
  hunting: [{ title: EVIL, description: EVIL, spl: EVIL }],
  related: [EVIL],
  references: [EVIL, 'javascript:alert(1)'],
  testNames: [EVIL],
};

const evilAlert = { rule_id: 'evil-rule', rule_title: EVIL, technique: 'T1021.007', tactic: EVIL, severity: EVIL, confidence: EVIL, AlertType: EVIL, _time: 1767225600, [EVIL]: EVIL, IPs: [EVIL, EVIL] };
const evilEvent: Event = { _time: 1767225600, _raw: `{"user":"${EVIL}"}`, sourcetype: EVIL, source: EVIL, index: EVIL, host: EVIL, get: () => null, fieldNames: () => [] };
const analysis: Analysis = { id: 'a1', label: EVIL, created: 0, sources: [EVIL], ruleIds: ['evil-rule'], events: [evilEvent], malformed: [{ source: EVIL, line: 1, offset: 0, message: EVIL }], alerts: [evilAlert], error: EVIL };
const status = { cursor: 0, watermark: 0, lateEvents: 0, openWindows: 0, lastError: EVIL, busy: false };
const stored = { id: 1, ruleId: 'evil-rule', time: 1767225600, severity: EVIL, windowStart: null, windowEnd: null, firstEventId: 1, lastEventId: 1, alert: evilAlert };

const PAGES: [string, () => string, boolean][] = [
  ['index', () => indexPage([rule], { q: EVIL, severity: EVIL, technique: '', sourcetype: '' }, EVIL).text, true],
  ['rule', () => rulePage({ rule, attack: loadAttack(), translations: [{ target: 'sigma', text: null, error: EVIL }, { target: 'kql', text: EVIL, error: null }], test: { ruleId: 'evil-rule', passed: false, gaps: [EVIL], checks: [{ scenario: EVIL, kind: EVIL, passed: false, alerts: 1, detail: EVIL }] }, allRules: [rule] }).text, true],
  // The matrix shows ATT&CK names and counts, no rule text: only the no-markup checks apply (false).
  ['coverage', () => coveragePage(loadAttack(), [rule]).text, false],
  ['analyse form', () => analyzeFormPage([rule], [analysis], { demoAvailable: true, pathsAllowed: true, error: EVIL }).text, true],
  ['analysis', () => analysisPage(analysis, [rule], { query: EVIL, diagnostics: [{ code: 'SPL-X', message: EVIL, severity: 'error', span: { start: 0, end: 5 }, hint: EVIL }], rows: [{ [EVIL]: EVIL, mv: [EVIL, EVIL] }], error: EVIL }).text, true],
  ['analysis alert', () => analysisAlertPage(analysis, 0, [evilEvent]).text, true],
  ['alerts', () => alertsPage({ alerts: [stored], times: [1767225600], total: 1, totalAll: 1, events: 1, status, ruleFilter: EVIL, ruleIds: [EVIL] }).text, true],
  ['alert detail', () => alertDetailPage(stored, [evilEvent]).text, true],
  ['error', () => errorPage(500, EVIL).text, true],
  ['diagnostic', () => diagnosticBlock(EVIL, { code: 'SPL-X', message: EVIL, severity: 'error', span: { start: 1, end: 7 } }).text, true],
  // Highlighting splits the value into spans; its round trip is checked below.
  ['highlighted SPL', () => highlightSpl(EVIL).text, false],
];

for (const [name, render, showsData] of PAGES) {
  test(`the ${name} page shows hostile values as text`, () => {
    const out = render();
    assert.ok(!out.includes('<script>alert'), 'no raw <script> from data');
    assert.ok(!out.includes('<img src=x'), 'no raw tag from data');
    assert.ok(!/href="javascript:/i.test(out), 'no javascript: link');
    if (showsData) assert.ok(out.includes('&lt;script&gt;'), 'the value is shown, escaped');
    // The only <script> on a page is our own file.
    const scripts = out.match(/<script\b[^>]*>/g) ?? [];
    for (const s of scripts) assert.equal(s, '<script src="/static/app.js" defer>');
  });
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');
}

test('SPL highlighting only adds spans: removing them gives back the query text exactly', () => {
  const queries = [
    EVIL,
    'sourcetype="aws:cloudtrail" eventName IN ("A", "B") | eval x=coalesce(\'a.b\', "c\\"d") | stats dc(ip) as n by user | where n >= 3',
    '`macro(1)` | rex field=_raw "(?<u>\\w+)" | table _time, u',
    '',
  ];
  for (const q of queries) {
    const out = highlightSpl(q).text;
    const inner = out.replace(/^<pre class="spl"><code>/, '').replace(/<\/code><\/pre>$/, '');
    assert.equal(unescape(inner.replace(/<span class="spl-[a-z]+">|<\/span>/g, '')), q);
  }
  const h = highlightSpl('index=x | stats count by user').text;
  assert.match(h, /<span class="spl-command">stats<\/span>/);
  assert.match(h, /<span class="spl-keyword">by<\/span>/);
});
