-- t1021-008 and gzip: one scan of the file into a temp table with only the columns the direct VM connection rule reads (a view would be scanned once per reference).
CREATE OR REPLACE TEMP TABLE events AS
SELECT * FROM read_ndjson('{{file}}', columns = {
  eventVersion: 'VARCHAR', eventTime: 'TIMESTAMPTZ', eventSource: 'VARCHAR', eventName: 'VARCHAR', sourceIPAddress: 'VARCHAR', userAgent: 'VARCHAR',
  errorCode: 'VARCHAR', userIdentity: 'STRUCT(arn VARCHAR, principalId VARCHAR, userName VARCHAR, "type" VARCHAR, sessionContext STRUCT(attributes STRUCT(mfaAuthenticated VARCHAR)))',
  requestParameters: 'STRUCT(target VARCHAR, instanceId VARCHAR, instanceIds VARCHAR[], targets STRUCT("values" VARCHAR[])[], privateIpAddress VARCHAR)',
  eventTimestamp: 'TIMESTAMPTZ', time: 'TIMESTAMPTZ', category: 'VARCHAR', operationName: 'VARCHAR', resourceId: 'VARCHAR', caller: 'VARCHAR',
  callerIpAddress: 'VARCHAR', resultType: 'VARCHAR', status: 'STRUCT("value" VARCHAR)', httpRequest: 'STRUCT(clientIpAddress VARCHAR)', identity: 'JSON'
});
