-- t1021-008 and gzip: the events relation the direct VM connection rule reads, as a view over the file with only its columns (one scan per query).
CREATE OR REPLACE TEMP VIEW events AS
SELECT * FROM read_ndjson('{{file}}', columns = {
  eventVersion: 'VARCHAR', eventTime: 'TIMESTAMPTZ', eventSource: 'VARCHAR', eventName: 'VARCHAR', sourceIPAddress: 'VARCHAR', userAgent: 'VARCHAR',
  userIdentity: 'STRUCT(arn VARCHAR)',
  requestParameters: 'STRUCT(target VARCHAR, instanceId VARCHAR, instanceIds VARCHAR[], targets STRUCT("values" VARCHAR[])[], privateIpAddress VARCHAR)',
  eventTimestamp: 'TIMESTAMPTZ', time: 'TIMESTAMPTZ', category: 'VARCHAR', operationName: 'VARCHAR', resourceId: 'VARCHAR', caller: 'VARCHAR',
  callerIpAddress: 'VARCHAR', httpRequest: 'STRUCT(clientIpAddress VARCHAR)', identity: 'JSON'
});
