// Search-time field aliases and calculated fields of the Splunk add-ons (CIM), per sourcetype. An alias is
// consulted only when the event itself has no field of that name. Documented in docs/fields.md.

import type { Value } from '../core/value.ts';

export type FieldGetter = (field: string) => Value;
export type AliasTable = Readonly<Record<string, (get: FieldGetter) => Value>>;

const TABLES: Record<string, AliasTable> = {
  'aws:cloudtrail': {
    src: (get) => get('sourceIPAddress'),
    src_ip: (get) => get('sourceIPAddress'),
    user_agent: (get) => get('userAgent'),
    // The AWS add-on sets errorCode to "success" on events that carry no error.
    errorCode: () => 'success',
  },
};

export function aliasesFor(sourcetype: string): AliasTable | undefined {
  return TABLES[sourcetype];
}
