// cidrmatch() over a multivalue of addresses in ES|QL: the values (printed by TO_STRING(ip), so canonical and
// without spaces) are joined with spaces and matched with RLIKE against a regex of the network's addresses.
// Compared with sightline's own cidrmatch (SPL: true when any value is inside, null when there is none) over
// null, single and multivalue rows. RLIKE is Lucene regex, anchored; the generated text uses only
// alternation, classes, `?`, `.*` and escaped dots, which ECMAScript reads the same way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv4NetworkRegex } from '../../src/backends/esql/cidr.ts';
import { getScalarFunction } from '../../src/functions/registry.ts';
import { translate } from '../../src/backends/registry.ts';
import { checkEsql } from '../../src/backends/esql/validate.ts';
import { planQuery } from '../../src/plan/index.ts';

const splunkCidrmatch = (cidr: string, ips: string[] | null) => getScalarFunction('cidrmatch')!.call([cidr, ips === null ? null : ips.length === 1 ? ips[0]! : ips], { now: 0 });

/** What the emitted CASE(X IS NULL, null, MV_CONCAT(X, " ") RLIKE "(.* )?NET( .*)?") computes. */
function esqlAnyInNetwork(cidr: string, ips: string[] | null): boolean | null {
  if (ips === null) return null;
  const net = ipv4NetworkRegex(cidr);
  assert.ok(net !== null);
  return new RegExp(`^(?:(.* )?${net}( .*)?)$`).test(ips.join(' '));
}

const NETWORKS = ['203.0.113.0/24', '198.51.100.16/28', '198.51.100.20/28', '10.0.0.0/8', '172.16.0.0/12', '192.0.2.7', '0.0.0.0/0', '100.64.0.0/10'];
// Rows: null, single values, multivalues, near misses at the network edges, IPv6 values.
const ROWS: (string[] | null)[] = [
  null,
  ['203.0.113.45'], ['203.0.114.1'], ['198.51.100.15'], ['198.51.100.16'], ['198.51.100.31'], ['198.51.100.32'],
  ['10.255.255.255'], ['11.0.0.0'], ['172.15.255.255'], ['172.31.0.1'], ['172.32.0.1'], ['192.0.2.7'], ['192.0.2.70'],
  ['100.63.255.255'], ['100.64.0.0'], ['100.127.255.255'], ['100.128.0.0'],
  ['185.220.101.7', '198.51.100.20'], ['2001:db8::1', '203.0.113.9'], ['2001:db8::1'], ['1.2.3.4', '5.6.7.8', '9.10.11.12'],
];

for (const cidr of NETWORKS) {
  test(`cidrmatch over a multivalue in ES|QL equals SPL's: ${cidr}`, () => {
    for (const ips of ROWS) assert.equal(esqlAnyInNetwork(cidr, ips), splunkCidrmatch(cidr, ips), `${cidr} over ${JSON.stringify(ips)}`);
  });
}

test('an IPv6 network or a computed network over a multivalue is refused by name', () => {
  for (const [net, code] of [['"2001:db8::/32"', 'XLATE-UNSUPPORTED-FUNCTION'], ['SourceNet', 'XLATE-UNSUPPORTED-FUNCTION']] as const) {
    const plan = planQuery(`sourcetype="azure:monitor:aad:signin" | eval SourceNet="10.0.0.0/8" | stats values(properties.ipAddress) as IPs by properties.userPrincipalName | where cidrmatch(${net}, IPs)`);
    const t = translate(plan, 'esql', { id: 'unit', title: 'unit case' });
    assert.equal(t.ok, false);
    assert.ok(t.diagnostics.some((d) => d.code === code), t.diagnostics.map((d) => d.code).join(', '));
  }
});

test('a multivalue not known to hold addresses is refused by name; one that does translates and checks', () => {
  const names = translate(planQuery('sourcetype="azure:monitor:aad:signin" | stats values(properties.appDisplayName) as Apps by properties.userPrincipalName | where cidrmatch("10.0.0.0/8", Apps)'), 'esql', { id: 'unit', title: 'unit case' });
  assert.ok(names.diagnostics.some((d) => d.code === 'XLATE-MULTIVALUE-FIELD'));
  const ips = translate(planQuery('sourcetype="azure:monitor:aad:signin" | stats values(properties.ipAddress) as IPs by properties.userPrincipalName | where NOT cidrmatch("10.0.0.0/8", IPs)'), 'esql', { id: 'unit', title: 'unit case' });
  assert.ok(ips.ok, ips.diagnostics.map((d) => d.message).join('; '));
  assert.match(ips.text, /MV_CONCAT\(IPs, " "\) RLIKE/);
  assert.deepEqual(checkEsql(ips.text), []);
});
