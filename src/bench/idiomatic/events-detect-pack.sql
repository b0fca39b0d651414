-- detect-pack: one scan of the file into a temp table holding the union of the columns the 8 rules read; each rule then queries it.
CREATE OR REPLACE TEMP TABLE events AS
SELECT * FROM read_ndjson('{{file}}', columns = {
  eventVersion: 'VARCHAR', eventTime: 'TIMESTAMPTZ', eventSource: 'VARCHAR', eventName: 'VARCHAR', sourceIPAddress: 'VARCHAR', userAgent: 'VARCHAR',
  errorCode: 'VARCHAR', userIdentity: 'STRUCT(arn VARCHAR, principalId VARCHAR, userName VARCHAR, "type" VARCHAR, sessionContext STRUCT(attributes STRUCT(mfaAuthenticated VARCHAR)))',
  requestParameters: 'STRUCT(target VARCHAR, instanceId VARCHAR, instanceIds VARCHAR[], targets STRUCT("values" VARCHAR[])[], privateIpAddress VARCHAR, instanceConnectEndpointId VARCHAR, remotePort VARCHAR, serialPort VARCHAR)',
  responseElements: 'STRUCT(ConsoleLogin VARCHAR)', additionalEventData: 'STRUCT(MFAUsed VARCHAR, SamlProviderArn VARCHAR)',
  eventTimestamp: 'TIMESTAMPTZ', time: 'TIMESTAMPTZ', category: 'VARCHAR', operationName: 'VARCHAR', resourceId: 'VARCHAR', caller: 'VARCHAR',
  callerIpAddress: 'VARCHAR', resultType: 'VARCHAR', status: 'STRUCT("value" VARCHAR)', httpRequest: 'STRUCT(clientIpAddress VARCHAR)', identity: 'JSON',
  properties: 'STRUCT(createdDateTime TIMESTAMPTZ, userPrincipalName VARCHAR, userId VARCHAR, appId VARCHAR, appDisplayName VARCHAR, ipAddress VARCHAR, status STRUCT(errorCode BIGINT), isInteractive BOOLEAN, riskLevelDuringSignIn VARCHAR, riskState VARCHAR, riskDetail VARCHAR, riskEventTypes_v2 VARCHAR[], riskEventTypes VARCHAR[], sessionId VARCHAR, correlationId VARCHAR, location STRUCT(countryOrRegion VARCHAR))',
  CreationTime: 'TIMESTAMPTZ', Operation: 'VARCHAR', Workload: 'VARCHAR', RecordType: 'VARCHAR', ResultStatus: 'VARCHAR', UserId: 'VARCHAR',
  ApplicationId: 'VARCHAR', ClientIP: 'VARCHAR', ActorIpAddress: 'VARCHAR'
});
