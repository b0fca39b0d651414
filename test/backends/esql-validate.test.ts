// The ES|QL structural check on what the ES|QL target now emits: GROK/DISSECT captures become columns (and
// only after the command), the input must be a readable field, and the multivalue functions are known with
// their arities. Each case fails on the one thing that is wrong with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEsql } from '../../src/backends/esql/validate.ts';

const CT = 'FROM logs-aws.cloudtrail-*';
const grok = (field: string, pattern: string) => `| GROK ${field} ${JSON.stringify(pattern)}`;

const CASES: [string, string, RegExp | null][] = [
  ['GROK named capture is a column afterwards', `${CT} ${grok('aws.cloudtrail.request_parameters', '\\A\\{target=(?<t>[^,}]+)\\}\\z')} | WHERE t == "i-1" | KEEP t`, null],
  ['GROK %{SYNTAX:name:type} capture', `${CT} ${grok('user_agent.original', '%{WORD:tool}/%{NUMBER:major:int}')} | KEEP tool, major`, null],
  ['GROK capture read before the GROK', `${CT} | WHERE t == "x" ${grok('aws.cloudtrail.request_parameters', '(?<t>.+)')}`, /unknown field 't'/],
  ['GROK over an unknown field', `${CT} ${grok('requestParameters', '(?<t>.+)')} | KEEP t`, /unknown field 'requestParameters'/],
  ['GROK over a flattened field', `${CT} ${grok('aws.cloudtrail.flattened.request_parameters', '(?<t>.+)')}`, /flattened/],
  ['GROK pattern with an unclosed group', `${CT} ${grok('aws.cloudtrail.request_parameters', '(?<t>[^,]+')}`, /unbalanced/],
  ['GROK pattern naming no column', `${CT} ${grok('aws.cloudtrail.request_parameters', '\\{.*\\}')}`, /names no column/],
  ['GROK without a pattern string', `${CT} | GROK aws.cloudtrail.request_parameters`, /takes a field and a pattern/],
  ['GROK capture gone after KEEP', `${CT} ${grok('aws.cloudtrail.request_parameters', '(?<t>.+)')} | KEEP event.action | WHERE t == "x"`, /unknown field 't'/],
  ['DISSECT keys with APPEND_SEPARATOR', `${CT} | DISSECT user_agent.original "%{tool}/%{+tool} %{?skip}" APPEND_SEPARATOR = "/" | KEEP tool`, null],
  ['DISSECT skipped key is not a column', `${CT} | DISSECT user_agent.original "%{tool} %{?skip}" | KEEP skip`, /unknown field 'skip'/],
  ['MV_APPEND / MV_DEDUPE / MV_COUNT membership', 'FROM logs-azure.signinlogs-* | WHERE MV_COUNT(MV_DEDUPE(MV_APPEND(azure.signinlogs.properties.risk_event_types, "x"))) == MV_COUNT(MV_DEDUPE(azure.signinlogs.properties.risk_event_types))', null],
  ['MV_APPEND with one argument', 'FROM logs-azure.signinlogs-* | EVAL x = MV_APPEND(azure.signinlogs.properties.risk_event_types)', /MV_APPEND takes 2\.\.2 arguments, got 1/],
  ['a multivalue function that does not exist', 'FROM logs-azure.signinlogs-* | EVAL x = MV_FILTER(azure.signinlogs.properties.risk_event_types, "x")', /unknown function 'MV_FILTER'/],
  ['a wrong field inside MV_APPEND', 'FROM logs-azure.signinlogs-* | EVAL x = MV_APPEND(azure.signinlogs.properties.riskEventTypes, "x")', /unknown field 'azure.signinlogs.properties.riskEventTypes'/],
];

for (const [name, query, expected] of CASES) {
  test(`ES|QL check: ${name}`, () => {
    const issues = checkEsql(query).map((i) => i.message);
    if (expected === null) assert.deepEqual(issues, []);
    else assert.ok(issues.some((m) => expected.test(m)), issues.join('; ') || 'no issue reported');
  });
}
