-- Session Manager sessions of principals absent from the SSM baseline, one row per principal, minus on-call roles.
WITH sessions AS (
  SELECT epoch(eventTime) AS _time, userIdentity.arn AS Principal, requestParameters.target AS Target, sourceIPAddress AS SourceIP
  FROM events
  WHERE lower(eventSource) = 'ssm.amazonaws.com' AND lower(eventName) IN ('startsession', 'resumesession')
    AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
)
SELECT min(_time) AS _time, 'SSMSessionNewPrincipal' AS AlertType, s.Principal, count(*) AS Sessions,
       array_agg(DISTINCT Target ORDER BY Target) FILTER (WHERE Target IS NOT NULL) AS Targets,
       array_agg(DISTINCT SourceIP ORDER BY SourceIP) FILTER (WHERE SourceIP IS NOT NULL) AS SourceIPs
FROM sessions s
LEFT JOIN read_csv('{{lookups}}/ssm_session_baseline.csv', all_varchar = true) b ON b.principal = s.Principal
WHERE b.first_seen IS NULL AND s.Principal IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/sre-oncall-roles.csv', all_varchar = true) a WHERE s.Principal LIKE replace(a.arn_pattern, '*', '%'))
GROUP BY s.Principal;
