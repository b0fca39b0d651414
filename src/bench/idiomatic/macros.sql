-- Helpers the idiomatic queries share: record shapes of the mixed file, the Azure Activity fields of both layouts (REST: operationName {value}, caller; Event Hub: an UPPERCASE operationName string, the caller in identity's claims, as docs/fields.md bridges them), multivalue lists, IPv4 CIDRs (no inet extension offline).
-- A CloudTrail record (as ingest recognises it; _time is eventTime, the Logstash @timestamp fallback is left out).
CREATE OR REPLACE TEMP MACRO is_cloudtrail(eventSource, eventName, eventVersion, eventTime) AS eventSource IS NOT NULL AND eventName IS NOT NULL AND (eventVersion IS NOT NULL OR eventTime IS NOT NULL);
-- An Entra sign-in record: a properties object and a sign-in category or operation.
CREATE OR REPLACE TEMP MACRO is_signin(properties, category, operationName) AS properties IS NOT NULL AND (lower(category) IN ('signinlogs', 'noninteractiveusersigninlogs', 'serviceprincipalsigninlogs', 'managedidentitysigninlogs', 'adfssigninlogs') OR operationName = 'Sign-in activity');
-- An Azure Activity record: an Activity log category (Event Hub layout) or an operationName object (REST layout, read as JSON text).
CREATE OR REPLACE TEMP MACRO is_activity(category, operationName) AS lower(category) IN ('administrative', 'servicehealth', 'resourcehealth', 'alert', 'autoscale', 'recommendation', 'security', 'policy') OR starts_with(operationName, '{');
-- operationName.value on REST records, the plain (UPPERCASE) operationName on Event Hub records.
CREATE OR REPLACE TEMP MACRO activity_operation(operationName) AS CASE WHEN starts_with(operationName, '{') THEN operationName->>'value' ELSE operationName END;
-- caller on REST records; on Event Hub records the upn or name claim, else the evidence principal id (sightline's layout bridge).
CREATE OR REPLACE TEMP MACRO activity_caller(caller, identity) AS coalesce(caller, identity->>'$.claims."http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"', identity->>'$.claims."http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"', identity->>'$.authorization.evidence.principalId', CASE WHEN json_type(identity) = 'VARCHAR' THEN identity->>'$' END);
-- A multivalue field: the list's non-null items, NULL when there are none.
CREATE OR REPLACE TEMP MACRO present(l) AS CASE WHEN len(list_filter(l, item -> item IS NOT NULL)) > 0 THEN list_filter(l, item -> item IS NOT NULL) END;
-- IPv4 text to an integer, NULL when it is not an address (IPv6 is left out: the allowlists are IPv4).
CREATE OR REPLACE TEMP MACRO ipv4_int(s) AS CASE WHEN regexp_full_match(s, '\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}') AND list_bool_and(list_transform(string_split(s, '.'), octet -> octet::INTEGER <= 255)) THEN list_reduce(list_transform(string_split(s, '.'), octet -> octet::BIGINT), (acc, octet) -> acc * 256 + octet) END;
-- ip inside cidr (a bare address is a /32); false when either is not IPv4.
CREATE OR REPLACE TEMP MACRO in_cidr(ip, cidr) AS coalesce(ipv4_int(ip) >> (32 - coalesce(TRY_CAST(nullif(split_part(cidr, '/', 2), '') AS INTEGER), 32)) = ipv4_int(split_part(cidr, '/', 1)) >> (32 - coalesce(TRY_CAST(nullif(split_part(cidr, '/', 2), '') AS INTEGER), 32)), false);
