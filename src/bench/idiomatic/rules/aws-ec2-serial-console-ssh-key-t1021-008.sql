-- Serial console access enabled, or an SSH key pushed to a serial port (failed calls as their own AlertTypes), unless it came from an admin network.
SELECT epoch(eventTime) AS _time,
       CASE WHEN eventName = 'EnableSerialConsoleAccess' AND coalesce(errorCode, 'success') = 'success' THEN 'EC2SerialConsoleEnabled'
            WHEN eventName = 'EnableSerialConsoleAccess' THEN 'EC2SerialConsoleEnableFailed'
            WHEN coalesce(errorCode, 'success') = 'success' THEN 'EC2SerialConsoleKeyPushed'
            ELSE 'EC2SerialConsoleKeyPushFailed' END AS AlertType,
       coalesce(userIdentity.arn, userIdentity.principalId, 'unknown') AS Principal, requestParameters.instanceId AS TargetInstance, requestParameters.serialPort AS SerialPort,
       sourceIPAddress AS SourceIP, eventName, coalesce(errorCode, 'success') AS Outcome
FROM events e
WHERE ((lower(eventSource) = 'ec2-instance-connect.amazonaws.com' AND lower(eventName) = 'sendserialconsolesshpublickey')
    OR (lower(eventSource) = 'ec2.amazonaws.com' AND lower(eventName) = 'enableserialconsoleaccess'))
  AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/admin-networks.csv', all_varchar = true) a WHERE in_cidr(e.sourceIPAddress, a.cidr));
