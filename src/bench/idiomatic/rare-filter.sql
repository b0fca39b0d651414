-- rare-filter: the CloudTrail calls from one source address.
SELECT epoch(eventTime) AS _time, eventName, userIdentity.arn AS "userIdentity.arn", sourceIPAddress
FROM read_ndjson('{{file}}', columns = {eventVersion: 'VARCHAR', eventTime: 'TIMESTAMPTZ', eventSource: 'VARCHAR', eventName: 'VARCHAR', userIdentity: 'STRUCT(arn VARCHAR)', sourceIPAddress: 'VARCHAR'})
WHERE sourceIPAddress = '203.0.113.77' AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime);
