// gws:reports:admin and gws:reports:login: Google Workspace audit activities of the Admin SDK Reports API
// (developers.google.com/workspace/admin/reports/reference/rest/v1/activities), the sourcetypes of the Splunk
// Add-on for Google Workspace. An activity has id {time, uniqueQualifier, applicationName, customerId}, actor
// {email, profileId, callerType}, ipAddress and events[] {type, name, parameters[]}. The add-on indexes one
// Splunk event per activity event, under `event` (ESCU's gws searches read event.name and
// event.parameters{}.multiValue{}); the API's own layout keeps the events[] list. Both are accepted; which
// sourcetype is id.applicationName ("admin" or "login"). _time is id.time ("Time of occurrence of the activity").

import { timeFromJson } from '../parse-time.ts';
import { dig, isString, type SourcetypeDef } from './types.ts';

function reportsActivity(application: 'admin' | 'login'): SourcetypeDef {
  return {
    name: `gws:reports:${application}`,
    index: 'gws',
    aliases: [],
    reads: { values: ['id.applicationName', 'id.time'], present: ['events', 'event'] },
    // Nested under `id`: the prefilter looks for the quoted key anywhere in the line.
    requiredKey: 'applicationName',
    alwaysPresent: ['id.applicationName', 'id.time'],
    matches(r) {
      const app = dig(r, 'id', 'applicationName');
      if (!isString(app) || app.toLowerCase() !== application) return false;
      return isString(dig(r, 'id', 'time')) && (r.events !== undefined || r.event !== undefined);
    },
    timeOf(r) {
      return timeFromJson(dig(r, 'id', 'time'));
    },
  };
}

export const gwsReportsAdmin = reportsActivity('admin');
export const gwsReportsLogin = reportsActivity('login');
