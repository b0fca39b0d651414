// o365:management:activity: records of the Office 365 Management Activity API (common schema: CreationTime,
// Id, Operation, OrganizationId, RecordType, UserId, Workload...). CreationTime is "UTC without a Z"
// (Management Activity API schema), so a zone-less timestamp is read as UTC.

import { timeFromJson } from '../parse-time.ts';
import { isString, type SourcetypeDef } from './types.ts';

export const o365Management: SourcetypeDef = {
  name: 'o365:management:activity',
  index: 'o365',
  aliases: [],
  reads: { values: ['CreationTime', 'Operation', 'Workload', 'RecordType'], present: [] },
  requiredKey: 'CreationTime',
  alwaysPresent: ['CreationTime', 'Operation'],
  matches(r) {
    if (!isString(r.CreationTime) || !isString(r.Operation)) return false;
    return r.Workload !== undefined || r.RecordType !== undefined;
  },
  timeOf(r) {
    return timeFromJson(r.CreationTime);
  },
};
