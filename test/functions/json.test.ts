// JSON eval functions. Citations: Splunk Search Reference "Text functions" (spath: "extracts information from
// the structured data formats XML and JSON ... a path") and "JSON functions" (json_extract: "returns a value
// from a piece of JSON"; json_valid: "Evaluates whether a piece of JSON uses valid JSON syntax").

import { runTable, type Row } from './table.ts';

const doc = JSON.stringify({
  userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::1:assumed-role/x' },
  resources: [{ ARN: 'a1' }, { ARN: 'a2' }],
  n: 5,
  ok: true,
});

const rows: Row[] = [
  ['spath', [doc, 'userIdentity.type'], 'AssumedRole'],
  ['spath', [doc, 'resources{}.ARN'], ['a1', 'a2'], 'arrays flatten to a multivalue'],
  ['spath', [doc, 'resources{1}.ARN'], 'a2', '0-based index for JSON'],
  ['spath', [doc, 'n'], 5],
  ['spath', [doc, 'ok'], 'true', 'JSON booleans are the strings true/false, as KV_MODE=json gives them'],
  ['spath', [doc, 'missing'], null],
  ['spath', ['not json', 'a'], null],
  ['spath', [null, 'a'], null],
  ['json_extract', [doc, 'userIdentity.arn'], 'arn:aws:sts::1:assumed-role/x'],
  ['json_extract', [doc, 'userIdentity'], '{"type":"AssumedRole","arn":"arn:aws:sts::1:assumed-role/x"}', 'objects as JSON text'],
  ['json_extract', [doc, 'resources{0}.ARN'], 'a1'],
  ['json_extract', [doc, 'resources{9}.ARN'], null],
  ['json_extract', ['[1,2]'], '[1,2]', 'no path: the whole document'],
  ['json_extract', ['{bad', 'a'], null],
  ['json_valid', ['{"a":1}'], true],
  ['json_valid', ['{a:1}'], false],
  ['json_valid', [''], false],
  ['json_valid', [null], null],
];

runTable('json', rows);
