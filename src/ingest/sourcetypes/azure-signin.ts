// azure:monitor:aad:signin: Entra ID sign-in logs as diagnostic settings / Event Hub deliver them: an
// envelope (time, category, operationName, resultType, callerIpAddress...) around `properties`, the Graph
// signIn object. Recognised by a sign-in log category, or by operationName "Sign-in activity". _time is the
// sign-in's own properties.createdDateTime, falling back to the envelope time.

import { timeFromJson } from '../parse-time.ts';
import { dig, isObject, isString, type SourcetypeDef } from './types.ts';

/** Diagnostic-settings categories that carry sign-in records (Microsoft Entra "sign-in log schema"). */
const SIGNIN_CATEGORIES = new Set([
  'signinlogs',
  'noninteractiveusersigninlogs',
  'serviceprincipalsigninlogs',
  'managedidentitysigninlogs',
  'adfssigninlogs',
]);

export const azureSignin: SourcetypeDef = {
  name: 'azure:monitor:aad:signin',
  index: 'azure',
  // The Splunk Add-on for Microsoft Cloud Services files every Entra ID category under azure:monitor:aad.
  aliases: ['azure:monitor:aad'],
  reads: { values: ['category', 'operationName', 'properties.createdDateTime', 'time'], present: ['properties'] },
  requiredKey: 'properties',
  // matches() needs only the properties object and a category or operationName: no properties.* leaf is sure.
  alwaysPresent: [],
  matches(r) {
    if (!isObject(r.properties)) return false;
    if (isString(r.category) && SIGNIN_CATEGORIES.has(r.category.toLowerCase())) return true;
    return r.operationName === 'Sign-in activity';
  },
  timeOf(r) {
    // The sign-in happened at createdDateTime; the envelope `time` is when the log entry was emitted,
    // often minutes later (ESCU's sample: 20:01:11 vs 20:13:31).
    return timeFromJson(dig(r, 'properties', 'createdDateTime')) ?? timeFromJson(r.time);
  },
};
