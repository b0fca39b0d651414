-- An anonymized Entra sign-in followed within 24 h by an Azure CLI sign-in of the same user id, judged per UTC day (each anonymized sign-in also counts for the next day), minus corporate egress.
WITH signins AS (
  SELECT epoch(coalesce(properties.createdDateTime, time)) AS _time, lower(properties.userPrincipalName) AS User, properties.userId AS UserId,
         properties.ipAddress AS ip, properties.appId AS appId, properties.appDisplayName AS appName,
         list_contains(properties.riskEventTypes_v2, 'anonymizedIPAddress') OR list_contains(properties.riskEventTypes, 'anonymizedIPAddress') AS anon
  FROM events
  WHERE properties.status.errorCode = 0 AND is_signin(properties, category, operationName)
),
days AS (
  SELECT *, floor(_time / 86400) AS Day, 0 AS Carried FROM signins
  UNION ALL SELECT *, floor(_time / 86400) + 1 AS Day, 1 AS Carried FROM signins
),
marked AS (
  SELECT *, coalesce(anon, false) AS IsAnon, Carried = 0 AND coalesce(appId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46' OR appName = 'Microsoft Azure CLI', false) AS IsCli
  FROM days
),
per_day AS (
  SELECT UserId, Day,
         min(_time) FILTER (WHERE IsAnon) AS FirstAnonymized,
         min(_time) FILTER (WHERE IsAnon AND Carried = 0) AS FirstSameDayAnon,
         max(_time) FILTER (WHERE IsAnon AND Carried = 1) AS LastDayBeforeAnon,
         min(_time) FILTER (WHERE IsCli) AS FirstCli,
         max(_time) FILTER (WHERE IsCli) AS LastCli,
         array_agg(DISTINCT ip ORDER BY ip) FILTER (WHERE IsAnon AND ip IS NOT NULL) AS AnonymizedIPs,
         array_agg(DISTINCT ip ORDER BY ip) FILTER (WHERE IsCli AND ip IS NOT NULL) AS CliIPs,
         array_agg(DISTINCT User ORDER BY User) FILTER (WHERE User IS NOT NULL) AS User
  FROM marked
  WHERE (IsAnon OR IsCli) AND UserId IS NOT NULL
  GROUP BY UserId, Day
)
SELECT LastCli AS _time, 'AnonymizedSigninThenAzureCli' AS AlertType, User, UserId, FirstAnonymized, LastCli, AnonymizedIPs, CliIPs
FROM per_day p
WHERE (LastCli >= FirstSameDayAnon OR FirstCli - LastDayBeforeAnon <= 86400)
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/corporate-egress.csv', all_varchar = true) a, unnest(p.AnonymizedIPs) AS u(ip) WHERE in_cidr(u.ip, a.cidr));
