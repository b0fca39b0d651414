// SPL-STATS-NULL-BY: `stats ... by F` drops every event whose F is null, so lint warns when F can be null in
// the query's sourcetypes. The only nullability facts are SourcetypeDef.alwaysPresent (src/ingest/sourcetypes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSpl } from '../../src/rules/lint/index.ts';

const codes = (spl: string, sourcetypes: readonly string[] = ['aws:cloudtrail']) =>
  lintSpl(spl, { sourcetypes }).diagnostics.filter((d) => d.code === 'SPL-STATS-NULL-BY').map((d) => d.message);

describe('SPL-STATS-NULL-BY', () => {
  it('warns on a raw field the sourcetype does not always have, and on an eval that can be null', () => {
    assert.equal(codes('sourcetype="aws:cloudtrail" | stats count by userIdentity.arn').length, 1);
    assert.equal(codes("sourcetype=\"aws:cloudtrail\" | eval P=coalesce('userIdentity.arn', 'userIdentity.principalId') | stats count by P").length, 1);
    assert.match(codes('sourcetype="aws:cloudtrail" | stats count by userIdentity.arn')[0]!, /can be null in aws:cloudtrail/);
  });

  it('is quiet for fields every record has, literal fallbacks, fillnull and an explicit isnotnull', () => {
    assert.deepEqual(codes('sourcetype="aws:cloudtrail" | stats count by eventName, eventSource'), []);
    assert.deepEqual(codes("sourcetype=\"aws:cloudtrail\" | eval P=coalesce('userIdentity.arn', \"unknown\") | stats count by P"), []);
    assert.deepEqual(codes('sourcetype="aws:cloudtrail" | fillnull value="unknown" userIdentity.arn | stats count by userIdentity.arn'), []);
    assert.deepEqual(codes("sourcetype=\"aws:cloudtrail\" | where isnotnull('userIdentity.arn') | stats count by userIdentity.arn"), []);
    assert.deepEqual(codes('sourcetype="aws:cloudtrail" errorCode=* | stats count by errorCode'), []);
  });

  it('judges a field set in only one multisearch branch as possibly null after the merge', () => {
    const spl = '| multisearch [search sourcetype="aws:cloudtrail" | eval K="a"] [search sourcetype="o365:management:activity" | eval J="b"] | stats count by K';
    assert.equal(codes(spl, []).length, 1);
  });

  it('says nothing about raw fields when no sourcetype is known', () => {
    assert.deepEqual(codes('* | stats count by user', []), []);
  });
});
