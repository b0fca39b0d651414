-- Every EC2 Instance Connect Endpoint tunnel (OpenTunnel), failed ones as their own AlertType, minus the approved endpoint operators.
SELECT epoch(eventTime) AS _time,
       CASE WHEN coalesce(errorCode, 'success') = 'success' THEN 'EC2InstanceConnectEndpointTunnel' ELSE 'EC2InstanceConnectEndpointTunnelFailed' END AS AlertType,
       coalesce(userIdentity.arn, userIdentity.principalId, 'unknown') AS Principal,
       requestParameters.instanceConnectEndpointId AS EndpointId, requestParameters.privateIpAddress AS PrivateIp,
       requestParameters.remotePort AS RemotePort, sourceIPAddress AS SourceIP, coalesce(errorCode, 'success') AS Outcome
FROM events e
WHERE lower(eventSource) = 'ec2-instance-connect.amazonaws.com' AND lower(eventName) = 'opentunnel'
  AND is_cloudtrail(eventSource, eventName, eventVersion, eventTime)
  AND NOT EXISTS (SELECT 1 FROM read_csv('{{lookups}}/eice-operators.csv', all_varchar = true) a WHERE a.principal = coalesce(e.userIdentity.arn, e.userIdentity.principalId, 'unknown'));
