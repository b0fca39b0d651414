// dc(coalesce(a, b)) under a threshold of at least one value exports as a value_count of a correlation alias
// (a in one split rule, b in the other), with the warning XLATE-SIGMA-ALIAS-VALUE: the Sigma correlation spec
// names aliases for group-by ("The alias field names can then be referenced in group-by attributes"), pySigma
// renames every alias in each rule's search. A threshold a group with no value could meet is refused: the split
// leaves out events where every argument is missing, which only a count that must reach 1 can ignore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { translateSigmaDocuments } from '../../src/backends/sigma/index.ts';

const META = { id: 'unit-o365-multi-ip', title: 'unit' };
const spl = (cond: string) =>
  `sourcetype="o365:management:activity" Operation="UserLoggedIn" | eval Addr=coalesce(ClientIP, ActorIpAddress) | stats dc(Addr) as IPs by UserId | where ${cond}`;

test('value_count of a coalesce alias: two split rules, the alias counted, a warning says why', () => {
  const { docs, problems } = translateSigmaDocuments(planQuery(spl('IPs >= 3')), META);
  assert.deepEqual(problems.list.filter((d) => d.severity === 'error'), []);
  assert.ok(problems.list.some((d) => d.severity === 'warning' && d.code === 'XLATE-SIGMA-ALIAS-VALUE'));
  const corr = docs.find((d) => d.kind === 'correlation')!.doc as unknown as { correlation: { type: string; rules: string[]; aliases: Record<string, Record<string, string>>; condition: Record<string, unknown> } };
  assert.equal(corr.correlation.type, 'value_count');
  assert.equal(corr.correlation.rules.length, 2);
  const alias = corr.correlation.condition['field'] as string;
  assert.deepEqual(Object.values(corr.correlation.aliases[alias]!).sort(), ['ActorIpAddress', 'ClientIP']);
  assert.equal(corr.correlation.condition['gte'], 3);
});

for (const cond of ['IPs < 3', 'IPs <= 2', 'IPs = 0', 'IPs >= 0']) {
  test(`a threshold a group without any value could meet is refused: ${cond}`, () => {
    const { problems } = translateSigmaDocuments(planQuery(spl(cond)), META);
    assert.ok(problems.list.some((d) => d.severity === 'error' && d.code === 'XLATE-SIGMA-EXPRESSION'), problems.list.map((d) => d.code).join());
  });
}
