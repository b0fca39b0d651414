-- Risky or anonymized Entra sign-ins (success from the status or the envelope; dismissed/remediated risk as its own AlertType), AWS console logins without MFA (federated roles as their own AlertType, MFA sessions left out), O365 logins of one user and app from 3+ addresses (missing user or app: "unknown"); minus the five allowlists.
WITH azure AS (
  SELECT epoch(coalesce(properties.createdDateTime, time)) AS _time,
         CASE WHEN lower(coalesce(properties.riskState, 'none')) IN ('dismissed', 'remediated', 'confirmedsafe') THEN 'AzureRiskySigninResolved' ELSE 'AzureRiskySignin' END AS AlertType,
         coalesce(properties.userPrincipalName, properties.userId, 'unknown') AS UserUPN, NULL::VARCHAR AS UserArn, NULL::VARCHAR AS PrincipalType,
         properties.appDisplayName AS AppName, NULL::VARCHAR AS AppId,
         properties.ipAddress AS SourceIP, lower(properties.riskLevelDuringSignIn) AS RiskLevel,
         lower(coalesce(properties.riskState, 'none')) AS RiskState, coalesce(properties.riskDetail, 'none') AS RiskDetail,
         CASE WHEN list_contains(properties.riskEventTypes_v2, 'anonymizedIPAddress') OR list_contains(properties.riskEventTypes, 'anonymizedIPAddress') THEN 1 ELSE 0 END AS IsAnon,
         NULL::VARCHAR AS MFA, NULL::VARCHAR AS SamlProvider, NULL::VARCHAR AS Outcome, NULL::BIGINT AS UniqueIPs, NULL::VARCHAR[] AS IPs
  FROM events
  WHERE (properties.status.errorCode = 0 OR (properties.status.errorCode IS NULL AND resultType = '0')) AND is_signin(properties, category, operationName)
),
aws AS (
  SELECT epoch(eventTime) AS _time,
         CASE WHEN coalesce(userIdentity."type", 'unknown') IN ('AssumedRole', 'FederatedUser', 'SAMLUser', 'WebIdentityUser', 'IdentityCenterUser') OR additionalEventData.SamlProviderArn IS NOT NULL
              THEN 'AWSFederatedConsoleLoginNoMFA' ELSE 'AWSConsoleLoginNoMFA' END AS AlertType,
         NULL AS UserUPN, coalesce(userIdentity.arn, userIdentity.userName, userIdentity.principalId, 'unknown') AS UserArn, coalesce(userIdentity."type", 'unknown') AS PrincipalType,
         NULL AS AppName, NULL AS AppId, sourceIPAddress AS SourceIP, NULL AS RiskLevel, NULL AS RiskState, NULL AS RiskDetail, NULL AS IsAnon,
         additionalEventData.MFAUsed AS MFA, additionalEventData.SamlProviderArn AS SamlProvider, lower(responseElements.ConsoleLogin) AS Outcome, NULL AS UniqueIPs, NULL AS IPs
  FROM events
  WHERE lower(eventName) = 'consolelogin' AND lower(responseElements.ConsoleLogin) = 'success' AND lower(additionalEventData.MFAUsed) = 'no'
    AND (userIdentity.sessionContext.attributes.mfaAuthenticated IS NULL OR lower(userIdentity.sessionContext.attributes.mfaAuthenticated) <> 'true')
    AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
),
o365 AS (
  SELECT min(epoch(CreationTime)) AS _time, 'O365MultiIPLogin' AS AlertType, coalesce(UserId, 'unknown') AS UserUPN, NULL AS UserArn, NULL AS PrincipalType, NULL AS AppName,
         coalesce(ApplicationId, 'unknown') AS AppId, NULL AS SourceIP, NULL AS RiskLevel, NULL AS RiskState, NULL AS RiskDetail, NULL AS IsAnon, NULL AS MFA,
         NULL AS SamlProvider, NULL AS Outcome, count(DISTINCT coalesce(ClientIP, ActorIpAddress)) AS UniqueIPs,
         array_agg(DISTINCT coalesce(ClientIP, ActorIpAddress) ORDER BY coalesce(ClientIP, ActorIpAddress)) FILTER (WHERE coalesce(ClientIP, ActorIpAddress) IS NOT NULL) AS IPs
  FROM events
  WHERE lower(Operation) = 'userloggedin' AND lower(ResultStatus) IN ('success', 'succeeded')
    AND CreationTime IS NOT NULL AND (Workload IS NOT NULL OR RecordType IS NOT NULL)
  GROUP BY coalesce(UserId, 'unknown'), coalesce(ApplicationId, 'unknown')
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
