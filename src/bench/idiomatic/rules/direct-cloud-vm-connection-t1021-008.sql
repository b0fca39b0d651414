-- AWS SSM / EC2 Instance Connect sessions and Azure VM, scale-set and AKS run command, serial console or extension writes, newest first, failed calls as their own AlertType, minus the five allowlists.
WITH aws AS (
  SELECT epoch(eventTime) AS _time, CASE WHEN coalesce(errorCode, 'success') = 'success' THEN 'AWS_DirectVMConnection' ELSE 'AWS_DirectVMConnectionFailed' END AS AlertType,
         coalesce(userIdentity.arn, userIdentity.principalId, 'unknown') AS UserARN, NULL::VARCHAR AS CallerUPN, eventName,
         NULL::VARCHAR AS OperationName, NULL::VARCHAR AS "operationName.value",
         coalesce(present([requestParameters.target]), present([requestParameters.instanceId]), present(requestParameters.instanceIds),
                  present(flatten(list_transform(requestParameters.targets, t -> t."values"))), present([requestParameters.privateIpAddress])) AS TargetInstance,
         NULL::VARCHAR AS VMName, sourceIPAddress AS SourceIP, userAgent AS UserAgent, coalesce(errorCode, 'success') AS Outcome
  FROM events
  WHERE ((lower(eventSource) = 'ssm.amazonaws.com' AND lower(eventName) IN ('startsession', 'resumesession', 'sendcommand', 'startautomationexecution'))
      OR (lower(eventSource) = 'ec2-instance-connect.amazonaws.com' AND lower(eventName) IN ('sendsshpublickey', 'sendserialconsolesshpublickey', 'opentunnel')))
    AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
),
azure AS (
  SELECT epoch(coalesce(eventTimestamp, time)) AS _time,
         CASE WHEN lower(coalesce(status."value", resultType, 'unknown')) IN ('failed', 'failure') THEN 'Azure_DirectVMConnectionFailed' ELSE 'Azure_DirectVMConnection' END AS AlertType,
         NULL AS UserARN, coalesce(activity_caller(caller, identity), 'unknown') AS CallerUPN, NULL AS eventName,
         upper(activity_operation(operationName)) AS OperationName, activity_operation(operationName) AS "operationName.value",
         NULL AS TargetInstance, resourceId AS VMName, coalesce(httpRequest.clientIpAddress, callerIpAddress) AS SourceIP, NULL AS UserAgent,
         lower(coalesce(status."value", resultType, 'unknown')) AS Outcome
  FROM events
  WHERE lower(activity_operation(operationName)) IN ('microsoft.compute/virtualmachines/runcommand/action', 'microsoft.compute/virtualmachines/runcommands/write',
                                                      'microsoft.compute/virtualmachinescalesets/virtualmachines/runcommand/action', 'microsoft.compute/virtualmachinescalesets/virtualmachines/runcommands/write',
                                                      'microsoft.serialconsole/serialports/connect/action', 'microsoft.compute/virtualmachines/extensions/write',
                                                      'microsoft.compute/virtualmachinescalesets/extensions/write', 'microsoft.compute/virtualmachinescalesets/virtualmachines/extensions/write',
                                                      'microsoft.containerservice/managedclusters/runcommand/action')
    AND is_activity(category, operationName)
),
alerts AS (SELECT * FROM aws UNION ALL SELECT * FROM azure)
SELECT * FROM alerts r
WHERE NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/vm-automation-principals.csv', all_varchar = true) a
                  WHERE (a.aws_principal IS NOT NULL OR a.azure_caller IS NOT NULL)
                    AND (a.aws_principal IS NULL OR r.UserARN LIKE replace(a.aws_principal, '*', '%'))
                    AND (a.azure_caller IS NULL OR r.CallerUPN LIKE replace(a.azure_caller, '*', '%')))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/patching-roles.csv', all_varchar = true) a WHERE r.UserARN LIKE replace(a.arn_pattern, '*', '%'))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/admin-networks.csv', all_varchar = true) a WHERE in_cidr(r.SourceIP, a.cidr))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/automation-user-agents.csv', all_varchar = true) a
                  WHERE r.UserARN LIKE replace(a.arn_pattern, '*', '%') AND r.UserAgent LIKE replace(a.agent_pattern, '*', '%'))
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/emergency-access.csv', all_varchar = true) a WHERE a.principal = r.CallerUPN)
ORDER BY _time DESC;
