-- stats-dc: distinct source addresses and calls per CloudTrail principal.
SELECT userIdentity.arn AS "userIdentity.arn", count(DISTINCT sourceIPAddress) AS addresses, count(*) AS count
FROM read_ndjson('{{file}}', columns = {eventVersion: 'VARCHAR', eventTime: 'VARCHAR', eventSource: 'VARCHAR', eventName: 'VARCHAR', userIdentity: 'STRUCT(arn VARCHAR)', sourceIPAddress: 'VARCHAR'})
WHERE is_cloudtrail(eventSource, eventName, eventVersion, eventTime) AND userIdentity.arn IS NOT NULL
GROUP BY userIdentity.arn;
