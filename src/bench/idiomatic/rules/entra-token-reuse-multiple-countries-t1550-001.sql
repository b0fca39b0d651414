-- Entra sessions whose successful non-interactive sign-ins come from two or more countries, minus roaming users.
WITH signins AS (
  SELECT epoch(coalesce(properties.createdDateTime, time)) AS _time, lower(properties.userPrincipalName) AS User,
         coalesce(properties.sessionId, properties.correlationId) AS Session, properties.location.countryOrRegion AS Country,
         properties.ipAddress AS ip, properties.appDisplayName AS app
  FROM events
  WHERE properties.status.errorCode = 0 AND properties.isInteractive = false AND is_signin(properties, category, operationName)
),
sessions AS (
  SELECT Session, count(DISTINCT Country) AS Countries, array_agg(DISTINCT Country ORDER BY Country) AS CountryList,
         min(User) AS User, array_agg(DISTINCT ip ORDER BY ip) FILTER (WHERE ip IS NOT NULL) AS IPs,
         array_agg(DISTINCT app ORDER BY app) FILTER (WHERE app IS NOT NULL) AS Apps, min(_time) AS FirstSeen, max(_time) AS LastSeen
  FROM signins
  WHERE Session IS NOT NULL AND Country IS NOT NULL
  GROUP BY Session
  HAVING count(DISTINCT Country) >= 2
)
SELECT LastSeen AS _time, 'TokenReusedAcrossCountries' AS AlertType, User, Session, Countries, CountryList, IPs, Apps, FirstSeen
FROM sessions s
WHERE NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/roaming-users.csv', all_varchar = true) a WHERE a.user = s.User);
