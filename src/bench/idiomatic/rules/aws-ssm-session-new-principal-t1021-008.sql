-- Session Manager sessions of principals absent from the SSM baseline (a missing principal is "unknown"), one row per principal, all-failed principals as their own AlertType, minus on-call roles.
WITH sessions AS (
  SELECT epoch(eventTime) AS _time, coalesce(userIdentity.arn, userIdentity.principalId, 'unknown') AS Principal, requestParameters.target AS Target, sourceIPAddress AS SourceIP,
         coalesce(errorCode, 'success') AS Outcome
  FROM events
  WHERE lower(eventSource) = 'ssm.amazonaws.com' AND lower(eventName) IN ('startsession', 'resumesession')
    AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
)
SELECT min(_time) AS _time,
       CASE WHEN count(*) FILTER (WHERE Outcome <> 'success') = count(*) THEN 'SSMSessionNewPrincipalFailed' ELSE 'SSMSessionNewPrincipal' END AS AlertType,
       s.Principal, count(*) AS Sessions, count(*) FILTER (WHERE Outcome <> 'success') AS FailedSessions,
       array_agg(DISTINCT Outcome ORDER BY Outcome) AS Outcomes,
       array_agg(DISTINCT Target ORDER BY Target) FILTER (WHERE Target IS NOT NULL) AS Targets,
       array_agg(DISTINCT SourceIP ORDER BY SourceIP) FILTER (WHERE SourceIP IS NOT NULL) AS SourceIPs
FROM sessions s
LEFT JOIN read_csv('{{lookups}}/ssm_session_baseline.csv', all_varchar = true) b ON b.principal = s.Principal
WHERE b.first_seen IS NULL
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/sre-oncall-roles.csv', all_varchar = true) a WHERE s.Principal LIKE replace(a.arn_pattern, '*', '%'))
GROUP BY s.Principal;
