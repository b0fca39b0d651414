-- Azure VM or scale-set run command or serial console by a caller outside the operator baseline (a missing caller is "unknown"), one row per caller as logged, all-failed callers as their own AlertType, minus platform identities.
WITH calls AS (
  SELECT epoch(coalesce(eventTimestamp, time)) AS _time, coalesce(activity_caller(caller, identity), 'unknown') AS CallerId,
         upper(activity_operation(operationName)) AS OperationName, resourceId AS VMName,
         coalesce(httpRequest.clientIpAddress, callerIpAddress) AS SourceIP, lower(coalesce(status."value", resultType, 'unknown')) AS Outcome
  FROM events
  WHERE lower(activity_operation(operationName)) IN ('microsoft.compute/virtualmachines/runcommand/action', 'microsoft.compute/virtualmachines/runcommands/write',
                                                      'microsoft.compute/virtualmachinescalesets/virtualmachines/runcommand/action', 'microsoft.compute/virtualmachinescalesets/virtualmachines/runcommands/write',
                                                      'microsoft.serialconsole/serialports/connect/action')
    AND is_activity(category, operationName)
)
SELECT min(_time) AS _time,
       CASE WHEN count(*) FILTER (WHERE Outcome IN ('failed', 'failure')) = count(*) THEN 'AzureVMCommandNewCallerFailed' ELSE 'AzureVMCommandNewCaller' END AS AlertType,
       lower(c.CallerId) AS Caller, count(*) AS Calls, count(*) FILTER (WHERE Outcome IN ('failed', 'failure')) AS FailedCalls,
       array_agg(DISTINCT Outcome ORDER BY Outcome) AS Outcomes,
       array_agg(DISTINCT OperationName ORDER BY OperationName) FILTER (WHERE OperationName IS NOT NULL) AS Operations,
       array_agg(DISTINCT VMName ORDER BY VMName) FILTER (WHERE VMName IS NOT NULL) AS VMs,
       array_agg(DISTINCT SourceIP ORDER BY SourceIP) FILTER (WHERE SourceIP IS NOT NULL) AS SourceIPs
FROM calls c
LEFT JOIN read_csv('{{lookups}}/azure_vm_operators.csv', all_varchar = true) o ON o.caller = lower(c.CallerId)
WHERE o.first_seen IS NULL
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/azure-vm-automation-identities.csv', all_varchar = true) a WHERE a.caller = lower(c.CallerId))
GROUP BY c.CallerId;
