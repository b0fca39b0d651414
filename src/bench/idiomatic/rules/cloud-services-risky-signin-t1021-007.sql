-- Risky or anonymized Entra sign-ins, AWS console logins without MFA, O365 logins of one user and app from 3+ addresses; minus the five allowlists.
WITH azure AS (
  SELECT epoch(coalesce(properties.createdDateTime, time)) AS _time, 'AzureRiskySignin' AS AlertType,
         properties.userPrincipalName AS UserUPN, NULL::VARCHAR AS UserArn, properties.appDisplayName AS AppName, NULL::VARCHAR AS AppId,
         properties.ipAddress AS SourceIP, lower(properties.riskLevelDuringSignIn) AS RiskLevel,
         CASE WHEN list_contains(properties.riskEventTypes_v2, 'anonymizedIPAddress') OR list_contains(properties.riskEventTypes, 'anonymizedIPAddress') THEN 1 ELSE 0 END AS IsAnon,
         NULL::VARCHAR AS MFA, NULL::BIGINT AS UniqueIPs, NULL::VARCHAR[] AS IPs
  FROM events
  WHERE properties.status.errorCode = 0 AND is_signin(properties, category, operationName)
),
aws AS (
  SELECT epoch(eventTime) AS _time, 'AWSConsoleLoginNoMFA' AS AlertType, NULL AS UserUPN, userIdentity.arn AS UserArn, NULL AS AppName, NULL AS AppId,
         sourceIPAddress AS SourceIP, NULL AS RiskLevel, NULL AS IsAnon, additionalEventData.MFAUsed AS MFA, NULL AS UniqueIPs, NULL AS IPs
  FROM events
  WHERE lower(eventName) = 'consolelogin' AND lower(responseElements.ConsoleLogin) = 'success' AND lower(additionalEventData.MFAUsed) = 'no'
    AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
),
o365 AS (
  SELECT min(epoch(CreationTime)) AS _time, 'O365MultiIPLogin' AS AlertType, UserId AS UserUPN, NULL AS UserArn, NULL AS AppName, ApplicationId AS AppId,
         NULL AS SourceIP, NULL AS RiskLevel, NULL AS IsAnon, NULL AS MFA, count(DISTINCT coalesce(ClientIP, ActorIpAddress)) AS UniqueIPs,
         array_agg(DISTINCT coalesce(ClientIP, ActorIpAddress) ORDER BY coalesce(ClientIP, ActorIpAddress)) FILTER (WHERE coalesce(ClientIP, ActorIpAddress) IS NOT NULL) AS IPs
  FROM events
  WHERE lower(Operation) = 'userloggedin' AND lower(ResultStatus) IN ('success', 'succeeded')
    AND CreationTime IS NOT NULL AND (Workload IS NOT NULL OR RecordType IS NOT NULL)
    AND UserId IS NOT NULL AND ApplicationId IS NOT NULL
  GROUP BY UserId, ApplicationId
  HAVING count(DISTINCT coalesce(ClientIP, ActorIpAddress)) >= 3
),
alerts AS (
  SELECT * FROM azure WHERE RiskLevel IN ('medium', 'high') OR IsAnon = 1
  UNION ALL SELECT * FROM aws
  UNION ALL SELECT * FROM o365
)
SELECT * FROM alerts r
WHERE NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/corporate-egress.csv', all_varchar = true) a WHERE in_cidr(r.SourceIP, a.cidr))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/automation-principals.csv', all_varchar = true) a WHERE a.principal = r.UserUPN)
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/federated-console-roles.csv', all_varchar = true) a WHERE r.UserArn LIKE replace(a.arn_pattern, '*', '%'))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/monitoring-apps.csv', all_varchar = true) a
                  WHERE (a.app_id IS NOT NULL OR a.app_name IS NOT NULL) AND (a.app_id IS NULL OR a.app_id = r.AppId) AND (a.app_name IS NULL OR a.app_name = r.AppName))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/travel-exceptions.csv', all_varchar = true) a WHERE a.user = r.UserUPN);
