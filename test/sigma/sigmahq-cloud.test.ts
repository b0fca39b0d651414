// SigmaHQ's cloud rules (test/fixtures/sigmahq-cloud, DRL 1.1, see its SOURCES.md): every rule that is still
// refused is pinned here with its code and the name its reason gives (the field, the log source, the
// construct), so a change that loads one more rule, or refuses one more, shows up as a failing line; and the
// coverage table in docs/sigma.md must be what scripts/sigma-coverage.ts writes from the same folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lineColAt } from '../../src/core/diagnostics.ts';
import { sigmaCoverage } from '../../src/sigma/coverage.ts';
import { loadSigmaSet } from '../../src/sigma/rule-set.ts';
import { docWithTable, FIXTURES, ROOT } from '../../scripts/sigma-coverage.ts';

/** file:line of the refused document (or of the condition), code, and a name the message must contain. */
const REFUSED: readonly (readonly [string, string, string])[] = [
  ['aws/cloudtrail/aws_secretsmanager_mass_secret_retrieval.yml:18', 'SIGMA-UNSUPPORTED-AGGREGATION', "| count() by userIdentity.arn > 20"],
  ['azure/activity_logs/azure_ad_user_added_to_admin_role.yml:1', 'SIGMA-UNMAPPED-FIELD', "Operation"],
  ['azure/activity_logs/azure_app_credential_modification.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_application_deleted.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_device_no_longer_managed_or_compliant.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_device_or_configuration_modified_or_deleted.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_mfa_disabled.yml:1', 'SIGMA-UNMAPPED-FIELD', "eventSource"],
  ['azure/activity_logs/azure_owner_removed_from_application_or_service_principal.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_service_principal_created.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/activity_logs/azure_service_principal_removed.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/audit_logs/azure_ad_bitlocker_key_retrieval.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/audit_logs/azure_ad_guest_to_member_conversion.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/audit_logs/azure_app_credential_added.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/audit_logs/azure_federation_modified.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/audit_logs/azure_tap_added.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/audit_logs/azure_user_password_change.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/auditlogs"],
  ['azure/identity_protection/azure_identity_protection_anonymous_ip_address.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/riskdetection"],
  ['azure/identity_protection/azure_identity_protection_atypical_travel.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/riskdetection"],
  ['azure/identity_protection/azure_identity_protection_leaked_credentials.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "azure/riskdetection"],
  ['azure/privileged_identity_management/azure_pim_role_assigned_outside_of_pim.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "service: rolemanagementalerts"],
  ['azure/privileged_identity_management/azure_pim_role_no_mfa_required.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "service: rolemanagementalerts"],
  ['azure/signin_logs/azure_ad_auth_failure_increase.yml:1', 'SIGMA-UNMAPPED-FIELD', "Count"],
  ['azure/signin_logs/azure_ad_auth_sucess_increase.yml:1', 'SIGMA-UNMAPPED-FIELD', "Count"],
  ['azure/signin_logs/azure_ad_password_spray_via_signinlogs.yml:1', 'SIGMA-UNSUPPORTED-AGGREGATION', "timeframe"],
  ['azure/signin_logs/azure_app_device_code_auth_non_compliant.yml:1', 'SIGMA-UNMAPPED-FIELD', "Location.countryOrRegion"],
  ['azure/signin_logs/azure_app_device_code_authentication.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/signin_logs/azure_app_ropc_authentication.yml:1', 'SIGMA-UNMAPPED-FIELD', "properties.message"],
  ['azure/signin_logs/azure_legacy_authentication_protocols.yml:1', 'SIGMA-UNMAPPED-FIELD', "ActivityDetails"],
  ['azure/signin_logs/azure_successful_mfa_fatigue_attack.yml:1', 'SIGMA-UNMAPPED-FIELD', "authentication_result"],
  ['azure/signin_logs/azure_successful_mfa_fatigue_attack.yml:20', 'SIGMA-REFUSED-RULE', "Potential MFA Fatigue Attack - User Repeatedly Failed MFA Prompts - Azure"],
  ['azure/signin_logs/azure_successful_mfa_fatigue_attack.yml:35', 'SIGMA-UNMAPPED-FIELD', "authentication_result"],
  ['azure/signin_logs/azure_successful_mfa_fatigue_attack.yml:49', 'SIGMA-REFUSED-RULE', "Count Successful Logons Per Account - Azure"],
  ['azure/signin_logs/azure_successful_mfa_fatigue_attack.yml:64', 'SIGMA-UNSUPPORTED-CORRELATION', "Potential Successful MFA Fatigue Attack - Repeated MFA Failures Followed By Successful Logon - Azure"],
  ['m365/audit/m365_audit_inbox_rule_external_forward.yml:1', 'SIGMA-UNRESOLVED-PLACEHOLDER', "Parameters|contains|expand"],
  ['m365/audit/microsoft365_bypass_conditional_access.yml:1', 'SIGMA-BAD-CONDITION', "1 of filter_main_*"],
  ['m365/audit/microsoft365_email_anti-phishing_policy_disabled.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/exchange"],
  ['m365/exchange/m365_exchange_bec_behavioral_indicators.yaml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/exchange"],
  ['m365/exchange/microsoft365_email_forwarding_rule_exchange.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/exchange"],
  ['m365/exchange/microsoft365_exchange_inbox_rule_exfil_forwarding.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/exchange"],
  ['m365/exchange/microsoft365_new_federated_domain_added_exchange.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/exchange"],
  ['m365/threat_detection/microsoft365_from_susp_ip_addresses.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_detection"],
  ['m365/threat_management/microsoft365_activity_by_terminated_user.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_management"],
  ['m365/threat_management/microsoft365_activity_from_anonymous_ip_addresses.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_management"],
  ['m365/threat_management/microsoft365_impossible_travel_activity.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_management"],
  ['m365/threat_management/microsoft365_pst_export_alert_using_new_compliancesearchaction.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_management"],
  ['m365/threat_management/microsoft365_susp_inbox_forwarding.yml:1', 'SIGMA-UNSUPPORTED-LOGSOURCE', "m365/threat_management"],
];

/** Rules that load but read a field their sourcetype never has: file, code, the closest real field named. */
const WARNED: readonly (readonly [string, string, string])[] = [
  ['aws/cloudtrail/aws_enum_buckets.yml', 'SIGMA-DEAD-FIELD', 'userIdentity.type'],
  ['azure/signin_logs/azure_ad_sign_ins_from_unknown_devices.yml', 'SIGMA-ARRAY-PATH', 'properties.networkLocationDetails{}'],
  ['m365/audit/microsoft365_teams_guest_rmm_deployment.yml', 'SIGMA-DEAD-FIELD', 'UserId'],
  ['m365/audit/microsoft365_teams_guest_rmm_deployment.yml', 'SIGMA-DEAD-FIELD', 'MessageURLs{}'],
];

const coverage = sigmaCoverage(FIXTURES);

test('every refused SigmaHQ cloud rule is refused for its pinned, named reason', () => {
  const actual = coverage.refusals.map((r) => {
    const line = lineColAt(readFileSync(r.file!, 'utf8'), r.span?.start ?? 0).line;
    return { where: `${relative(FIXTURES, r.file!)}:${line}`, code: r.code, message: r.message };
  });
  assert.deepEqual(actual.map((a) => `${a.where} ${a.code}`), REFUSED.map(([w, c]) => `${w} ${c}`));
  actual.forEach((a, i) => assert.ok(a.message.includes(REFUSED[i]![2]), `${a.where}: '${a.message}' names ${REFUSED[i]![2]}`));
});

test('every loaded SigmaHQ rule that can never match (a field its sourcetype never has) is warned about', () => {
  const { warnings } = loadSigmaSet(FIXTURES);
  assert.deepEqual(warnings.map((w) => [relative(FIXTURES, w.file!), w.code]), WARNED.map(([f, c]) => [f, c]));
  warnings.forEach((w, i) => assert.ok(w.message.includes(`closest real field: ${WARNED[i]![2]}`), w.message));
});

test('the coverage table in docs/sigma.md is the one scripts/sigma-coverage.ts writes', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'sigma.md'), 'utf8');
  assert.equal(docWithTable(doc), doc, 'run: node --import tsx scripts/sigma-coverage.ts');
});

test('every rule of a log source sightline reads either loads or is pinned above', () => {
  const total = coverage.rows.reduce((n, r) => n + r.rules, 0);
  const loaded = coverage.rows.reduce((n, r) => n + r.loaded, 0);
  assert.equal(loaded + REFUSED.length, total);
});
