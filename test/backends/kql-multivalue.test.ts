// KQL: multivalue fields (Splunk `a{}` / `a{}.b{}` under a JSON-text column, values() results), the sign-in
// table union, and the other KQL-only constructs (XOR, _time arithmetic). Each SPL case is translated; the golden (test/golden/translate/kql-multivalue.kql) shows
// the query or the named refusal, every query that translates has zero error diagnostics from Kusto.Language,
// and the structural assertions below pin the semantics the goldens could hide in long lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertGolden } from '../helpers/golden.ts';
import { planQuery } from '../../src/plan/index.ts';
import { translate } from '../../src/backends/registry.ts';
import { checkKql } from '../../src/backends/kql/validate.ts';
import { jsonSteps } from '../../src/backends/kql/json-multivalue.ts';
import { resolvePath } from '../../src/ingest/json-event.ts';
import { scalarToString, valuesOf } from '../../src/core/value.ts';

const META = { id: 'kql-mv', title: 'KQL multivalue case', date: '2026-11-27', severity: 'medium' };
const CT = 'sourcetype="aws:cloudtrail"';
const SIGNIN = 'sourcetype="azure:monitor:aad:signin"';

// [name, SPL]. Names starting with UNSUPPORTED must be refused with a named XLATE code.
const CASES: readonly [string, string][] = [
  // json-event.ts: `a{}` is the array's values; a one-value array is a single value, an empty one is missing.
  ['table of an array field', `${CT} | table _time, requestParameters.instanceIds{}`],
  // `a{}.b{}` flattens the arrays of every element, in document order.
  ['nested arrays flatten in order', `${CT} | eval T='requestParameters.targets{}.values{}' | table T`],
  ['one element of an array', `${CT} | eval First='requestParameters.instanceIds{0}' | table First`],
  // coalesce returns its first non-null argument whole, multivalue included (docs/functions.md).
  ['coalesce of single and multivalue fields', `${CT} | eval T=coalesce('requestParameters.target', 'requestParameters.instanceIds{}') | table T`],
  // spl-semantics.md: "Multivalue fields in search: field=value matches if any value matches".
  ['search any value (wildcard)', `${CT} requestParameters.instanceIds{}=i-0abc* | table _time`],
  ['search != needs the field and no matching value', `${CT} requestParameters.instanceIds{}!=i-0abc | table _time`],
  ['NOT search matches a missing field too', `${CT} NOT requestParameters.instanceIds{}=i-0abc | table _time`],
  ['where = on a multivalue (any value)', `${CT} | where 'requestParameters.instanceIds{}'="i-1" | table _time`],
  ['where NOT = on a multivalue (present, no value equal)', `${CT} | where NOT 'requestParameters.instanceIds{}'="i-1" | table _time`],
  ['where IN on a multivalue', `${CT} | where 'requestParameters.instanceIds{}' IN ("i-1", "i-2") | table _time`],
  ['where isnotnull on a multivalue', `${CT} | where isnotnull('requestParameters.instanceIds{}') | table _time`],
  ['mvappend of a string and a number (values are strings)', `${CT} | eval m=mvappend(eventName, len(userAgent)) | where m="12" | table m`],
  // mvfind: the first index whose value matches the (unanchored) regex, null when none (functions/scalar/multivalue.ts).
  ['mvfind with a regex', `${CT} | eval i=mvfind('requestParameters.instanceIds{}', "^i-0[0-9a-f]+$") | table i`],
  ['mvcount and mvindex of a multivalue', `${CT} | eval n=mvcount('requestParameters.instanceIds{}'), first=mvindex('requestParameters.instanceIds{}', 0) | table n, first`],
  // count(x) counts every value of a multivalue; dc() and values() see each value (functions/aggregate/count.ts).
  ['stats count, dc, values of a multivalue', `${CT} | stats count('requestParameters.instanceIds{}') as n, dc('requestParameters.instanceIds{}') as d, values('requestParameters.instanceIds{}') as ids by eventName`],
  ['where on a values() result', `${CT} | stats values(sourceIPAddress) as ips by eventName | where ips="10.0.0.1"`],
  // Splunk _time arithmetic is on epoch seconds.
  // XOR is null when either side is null (src/exec/compile-expr.ts), so NOT (a XOR b) needs both sides known.
  ['NOT xor', `${CT} | where NOT (eventName="A" XOR eventSource="B") | table _time`],
  ['day number of _time', `${CT} | eval Day=floor(_time / 86400) | table Day`],
  ['sign-ins from both tables, location from the dynamic column', `${SIGNIN} properties.isInteractive=false | table _time, properties.location.countryOrRegion, properties.sessionId`],
  ['UNSUPPORTED stats BY a multivalue field', `${CT} | stats count by requestParameters.instanceIds{}`],
  ['UNSUPPORTED sum of a multivalue', `${CT} | stats sum('requestParameters.instanceIds{}') as s`],
  ['UNSUPPORTED multivalue compared with a field', `${CT} | where 'requestParameters.instanceIds{}'=eventName | table _time`],
  // like() tests the first value (exec/compile-expr.ts firstOf), match() every value (comparison.ts anyValue).
  ['like() on a multivalue (first value)', `${CT} | where like('requestParameters.instanceIds{}', "i-%") | table _time`],
  ['NOT match() on a multivalue (present, no value matches)', `${CT} | where NOT match('requestParameters.instanceIds{}', "^i-0") | table _time`],
  ['UNSUPPORTED upper() of a multivalue', `${CT} | eval u=upper('requestParameters.instanceIds{}') | table u`],
  ['UNSUPPORTED sort by a multivalue', `${CT} | stats values(sourceIPAddress) as ips by eventName | sort ips`],
  ['UNSUPPORTED multivalue field outside a JSON column', `sourcetype="o365:management:activity" | table Parameters{}.Name`],
];

function kql(spl: string) {
  return translate(planQuery(spl), 'kql', META);
}

test('KQL multivalue cases match the golden file', () => {
  const text = CASES.map(([name, spl]) => {
    const t = kql(spl);
    const body = t.ok ? t.text.trimEnd() : t.diagnostics.filter((d) => d.severity === 'error').map((d) => `UNSUPPORTED ${d.code}: ${d.message}`).join('\n');
    return `### ${name}\n// ${spl}\n${body}\n`;
  }).join('\n');
  assertGolden('test/golden/translate/kql-multivalue.kql', text);
});

test('KQL multivalue cases: refusals are named, every translation has zero Kusto.Language errors', () => {
  for (const [name, spl] of CASES) {
    const t = kql(spl);
    if (name.startsWith('UNSUPPORTED')) {
      assert.equal(t.ok, false, name);
      assert.ok(t.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('XLATE-')), name);
      continue;
    }
    assert.equal(t.ok, true, `${name}: ${t.diagnostics.map((d) => d.message).join('; ')}`);
    const errors = checkKql(t.text).issues.filter((i) => i.severity === 'Error');
    assert.deepEqual(errors, [], name);
  }
});

test('a multivalue JSON field is a dynamic column; helper columns do not reach the output', () => {
  const cases: [string, string[]][] = [
    [`${CT} | eval T=coalesce('requestParameters.target', 'requestParameters.instanceIds{}') | table T`, ['T:dynamic']],
    [`${CT} | stats dc('requestParameters.instanceIds{}') as d, values('requestParameters.instanceIds{}') as ids by eventName`, ['eventName:string', 'd:long', 'ids:dynamic']],
    [`${CT} requestParameters.instanceIds{}=i-0abc*`, []],
  ];
  for (const [spl, expected] of cases) {
    const cols = checkKql(kql(spl).text).columns;
    if (expected.length) assert.deepEqual(cols, expected, spl);
    assert.ok(!cols.some((c) => c.startsWith('__sl_')), `${spl}: ${cols.join(', ')}`);
  }
});

test('nested arrays are walked one level per mv-expand and kept in document order', () => {
  const text = kql(`${CT} | eval T='requestParameters.targets{}.values{}' | table T`).text;
  assert.match(text, /mv-expand with_itemindex=(\w+_i1) \w+ = iif\(gettype\(\w+\.targets\) == "array"/);
  assert.match(text, /\.values\) == "array"/);
  // make_list keeps the order of sorted input (Kusto make_list docs), so both item indexes sort the values.
  assert.match(text, /order by __sl_mv1_i1 asc, __sl_mv1_i2 asc \| summarize __sl_mv1_list = make_list/);
  // Objects, arrays and nulls reached at the end are not values (resolvePath keeps scalar leaves only).
  assert.match(text, /where gettype\(__sl_mv1_n2\) !in \("array", "dictionary", "null"\)/);
});

test('sign-ins read both Sentinel tables with one type per column', () => {
  const t = kql(`${SIGNIN} | table _time, properties.location.countryOrRegion, properties.status.errorCode`);
  assert.match(t.text, /^union \(SigninLogs\), \(AADNonInteractiveUserSignInLogs \| extend .*LocationDetails = todynamic\(LocationDetails\)/m);
  const { columns, issues } = checkKql(t.text);
  assert.deepEqual(issues.filter((i) => i.severity === 'Error'), []);
  assert.deepEqual(columns, ['_time:datetime', 'properties.location.countryOrRegion:string', 'properties.status.errorCode:string']);
  // Without the per-table extend the union would split the column by type (the check proves the need).
  const raw = checkKql('union (SigninLogs), (AADNonInteractiveUserSignInLogs) | project LocationDetails');
  assert.ok(raw.issues.some((i) => i.severity === 'Error' && i.code === 'KS142'));
  // The sign-in categories the union leaves out are stated on the translation, as a warning (not a refusal).
  assert.deepEqual(t.diagnostics.map((d) => [d.code, d.severity]), [['XLATE-KQL-USER-SIGNINS', 'warning']]);
  assert.deepEqual(kql(`${CT} | table _time`).diagnostics, []);
  const twoBranches = kql(`| multisearch [search ${SIGNIN} | eval A=1] [search ${SIGNIN} | eval A=2] | table A`);
  assert.deepEqual(twoBranches.diagnostics.map((d) => d.code), ['XLATE-KQL-USER-SIGNINS'], 'stated once');
});

const STEPS: [string, ReturnType<typeof jsonSteps>][] = [
  ['instanceIds{}', [{ kind: 'key', key: 'instanceIds' }, { kind: 'all' }]],
  ['targets{}.values{}', [{ kind: 'key', key: 'targets' }, { kind: 'all' }, { kind: 'key', key: 'values' }, { kind: 'all' }]],
  ['a{1}.b', [{ kind: 'key', key: 'a' }, { kind: 'index', index: 1 }, { kind: 'key', key: 'b' }]],
  ['a{}{}', [{ kind: 'key', key: 'a' }, { kind: 'all' }, { kind: 'all' }]],
  ['plain.key', [{ kind: 'key', key: 'plain' }, { kind: 'key', key: 'key' }]],
  ['a{x}', null],
  ['a..b', null],
  ['a{', null],
];
for (const [path, expected] of STEPS) {
  test(`JSON path steps of '${path}' (json-event.ts splitPath naming)`, () => {
    assert.deepEqual(jsonSteps(path), expected);
  });
}

// The mv-apply reads a path with the steps jsonSteps gives: a key is a property access (null on anything but
// an object), `{}` expands only arrays (mv-expand over iif(gettype(x) == "array", x, dynamic([]))), `{N}` indexes
// only arrays, and the leaves kept are the scalars as strings. This walks a record the same way, in JS, and must
// give the values the native reader's resolvePath gives for the Splunk field name (null, one value, several).
function walkLikeKql(root: unknown, steps: NonNullable<ReturnType<typeof jsonSteps>>): string[] | null {
  const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  let nodes: unknown[] = [root];
  for (const s of steps) {
    if (s.kind === 'key') nodes = nodes.map((n) => (isObject(n) ? (n[s.key] ?? null) : null));
    else if (s.kind === 'all') nodes = nodes.flatMap((n) => (Array.isArray(n) ? n : []));
    else nodes = nodes.map((n) => (Array.isArray(n) ? (n[s.index] ?? null) : null));
  }
  const leaves = nodes.filter((n) => n !== null && typeof n !== 'object').map((n) => String(n));
  return leaves.length ? leaves : null;
}

const RECORDS: [string, unknown][] = [
  ['no requestParameters', {}],
  ['requestParameters null', { requestParameters: null }],
  ['instanceIds missing', { requestParameters: { target: 'i-1' } }],
  ['instanceIds empty', { requestParameters: { instanceIds: [] } }],
  ['instanceIds one value', { requestParameters: { instanceIds: ['i-1'] } }],
  ['instanceIds several, with null, object and nested array', { requestParameters: { instanceIds: ['i-1', null, { a: 1 }, ['x'], 'i-2', 7, true] } }],
  ['instanceIds a string, not an array', { requestParameters: { instanceIds: 'i-1' } }],
  ['targets with values lists', { requestParameters: { targets: [{ key: 'InstanceIds', values: ['i-1', 'i-2'] }, { key: 'tag:x', values: ['a'] }, { key: 'k' }] } }],
  ['targets values not a list', { requestParameters: { targets: [{ values: 'v' }, { values: ['w'] }] } }],
  ['targets an object', { requestParameters: { targets: { values: ['v'] } } }],
];
const PATHS = ['instanceIds{}', 'targets{}.values{}', 'instanceIds{0}', 'instanceIds{1}', 'targets{}.key', 'targets{1}.values{}'];
for (const [name, record] of RECORDS) {
  test(`the mv-apply step walk equals the native reader: ${name}`, () => {
    for (const path of PATHS) {
      const native = resolvePath(record, `requestParameters.${path}`);
      const expected = native === null ? null : valuesOf(native).map(scalarToString);
      assert.deepEqual(walkLikeKql((record as { requestParameters?: unknown }).requestParameters ?? null, jsonSteps(path)!), expected, path);
    }
  });
}
