// Each Sigma value modifier and value form against events, table-driven with missing, null and multivalue
// fields. Citations: SigmaHQ/sigma-specification, specification/sigma-appendix-modifiers.md (v2.1.0) and
// sigma-rules-specification.md. Expected results are written from those sentences, not computed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudtrailRule, ct, errorCode, matchesEach } from './helpers.ts';
import { lowerSigma, parseSigmaText } from '../../src/sigma/index.ts';

const MISSING = Symbol('missing');
type FieldValue = string | number | null | string[] | typeof MISSING;

interface Case {
  readonly name: string;
  /** The specification sentence the case checks. */
  readonly cite: string;
  /** Selection body (YAML, one or more `key: value` lines). */
  readonly sel: string;
  /** Event field values (field f unless `fields` given) and whether the rule must match. */
  readonly rows: readonly (readonly [FieldValue | Record<string, FieldValue>, boolean])[];
}

const b64 = (s: string, enc: BufferEncoding = 'utf8') => Buffer.from(s, enc).toString('base64');

const CASES: readonly Case[] = [
  {
    name: 'plain value: exact, case-insensitive, any value of a multivalue field',
    cite: 'rules spec, "String Values": "Strings are case insensitive by default"; modifiers appendix: "Default Sigma behavior is case-insensitive matching."',
    sel: 'f: abc',
    rows: [['ABC', true], ['abcd', false], [MISSING, false], [null, false]],
  },
  {
    name: 'wildcards * and ?',
    cite: 'rules spec, "Wildcards": "* is any number of characters, ? is exactly one character"',
    sel: "f: 'a?c*'",
    rows: [['abc', true], ['ABCdef', true], ['abbc', false], ['ac', false], [MISSING, false]],
  },
  {
    name: 'escaped wildcard and backslash are literal',
    cite: 'rules spec, "Escaping": "\\* and \\? match the characters themselves, \\\\ a backslash"',
    sel: "f: 'a\\*c\\\\d'",
    rows: [['a*c\\d', true], ['abc\\d', false], ['a*cd', false]],
  },
  {
    name: 'a backslash before another character stays a backslash',
    cite: 'rules spec, "Escaping": a backslash not followed by a wildcard or backslash is plain',
    sel: "f: 'C:\\Windows\\System*'",
    rows: [['c:\\windows\\system32', true], ['C:WindowsSystem', false]],
  },
  {
    name: 'contains',
    cite: 'modifiers: "contains: Puts * wildcards around the values, such that the value is matched anywhere in the field."',
    sel: 'f|contains: bc',
    rows: [['ABCD', true], ['xyz', false], [MISSING, false]],
  },
  {
    name: 'startswith',
    cite: 'modifiers: "startswith: The value is expected at the beginning of the field\'s content."',
    sel: 'f|startswith: adm',
    rows: [['Administrator', true], ['sysadm', false]],
  },
  {
    name: 'endswith',
    cite: 'modifiers: "endswith: The value is expected at the end of the field\'s content"',
    sel: "f|endswith: '\\cmd.exe'",
    rows: [['C:\\Windows\\CMD.EXE', true], ['cmd.exe', false]],
  },
  {
    name: 'a value list is OR-linked',
    cite: 'rules spec, "Lists": "lists of values are linked with a logical OR"',
    sel: 'f: [a, b]',
    rows: [['A', true], ['b', true], ['c', false]],
  },
  {
    name: 'all links the list with AND',
    cite: 'modifiers: "all: Normally, lists of values are linked with OR ... This modifier changes this to AND."',
    sel: 'f|contains|all: [a, b]',
    rows: [['xAxBx', true], ['a', false]],
  },
  {
    name: 'multivalue (JSON array, Splunk path f{}): any value matches',
    cite: 'rules spec leaves arrays to the backend; sightline keeps Splunk search semantics: true when ANY value matches',
    sel: 'f{}: abc',
    rows: [[['x', 'aBc'], true], [['x', 'y'], false], [[], false]],
  },
  {
    name: 'multivalue with contains|all: each listed value may match a different array element',
    cite: 'modifiers: all links the values with AND; each value is matched against any array element (Splunk search semantics per term)',
    sel: 'f{}|contains|all: [a, b]',
    rows: [[['a', 'b'], true], [['ab', 'z'], true], [['a', 'z'], false]],
  },
  {
    name: 'cased',
    cite: 'modifiers: "cased: Values are applied case sensitively."',
    sel: 'f|cased: Abc',
    rows: [['Abc', true], ['abc', false]],
  },
  {
    name: 're is case-sensitive by default and unanchored',
    cite: 'modifiers: "re: Value is handled as a regular expression by backends. Regex is matched case-sensitive by default."',
    sel: "f|re: 'A.c'",
    rows: [['xAbcx', true], ['abc', false], [MISSING, false]],
  },
  {
    name: 're|i',
    cite: 'modifiers: "i: (insensitive) to enable case-insensitive matching."',
    sel: "f|re|i: '^A.C$'",
    rows: [['abc', true], ['abcd', false]],
  },
  {
    name: 're|m',
    cite: 'modifiers: "m: (multi line) ... ^ /$ match the start/end of line."',
    sel: "f|re|m: '^b$'",
    rows: [['a\nb\nc', true], ['ab', false]],
  },
  {
    name: 're|s',
    cite: 'modifiers: "s: (single line) to enable that dot (.) matches all characters, including the newline character."',
    sel: "f|re|s: 'a.b'",
    rows: [['a\nb', true]],
  },
  {
    name: 're without s: dot does not match a newline',
    cite: 'modifiers: "s" is what makes dot match the newline character',
    sel: "f|re: 'a.b'",
    rows: [['a\nb', false], ['axb', true]],
  },
  {
    name: 'cidr (IPv4 and IPv6)',
    cite: 'modifiers: "cidr: The value is handled as an CIDR by backends. Supports both IPv4 and IPv6 notations."',
    sel: 'f|cidr: [10.0.0.0/8, "2001:db8::/32"]',
    rows: [['10.1.2.3', true], ['11.0.0.1', false], ['2001:db8::1', true], ['not an ip', false], [MISSING, false]],
  },
  {
    name: 'base64',
    cite: 'modifiers: "base64: The value is encoded with Base64."',
    sel: 'f|base64: whoami',
    rows: [[b64('whoami'), true], ['whoami', false]],
  },
  {
    name: 'base64offset|contains finds the value at any byte offset',
    cite: 'modifiers: "base64offset: ... There are three variants for shifts by zero to two bytes"',
    sel: 'f|base64offset|contains: whoami',
    rows: [[b64('whoami /all'), true], [b64('x whoami'), true], [b64('xy whoami'), true], [b64('hostname'), false]],
  },
  {
    name: 'utf16le then base64offset (PowerShell -enc)',
    cite: 'modifiers: "utf16le: Transforms value to UTF16-LE encoding"; "wide: an alias for the utf16le modifier."',
    sel: 'f|wide|base64offset|contains: whoami',
    rows: [[b64('cmd /c whoami', 'utf16le'), true], [b64('cmd /c whoami'), false]],
  },
  {
    name: 'windash',
    cite: 'modifiers: "windash: Creates all possible permutations of the -, /, – (en dash), — (em dash), and ― (horizontal bar) characters."',
    sel: "f|windash|contains: ' -enc '",
    rows: [['ps /enc x', true], ['ps \u2013enc x', true], ['ps -enc x', true], ['ps enc x', false]],
  },
  {
    name: 'windash written after contains still expands',
    cite: 'modifiers: windash "uses all possible permutation of strings in the selection"; contains only adds wildcards',
    sel: "f|contains|windash: ' -enc '",
    rows: [['ps /enc x', true], ['ps enc x', false]],
  },
  {
    name: 'exists: true',
    cite: 'modifiers: "exists: Defines that a certain field has to exist or must not exist in a log event by providing a boolean value."',
    sel: 'f|exists: true',
    rows: [['', true], ['a', true], [MISSING, false]],
  },
  {
    name: 'exists: false',
    cite: 'modifiers: "exists: ... has to exist or must not exist"',
    sel: 'f|exists: false',
    rows: [[MISSING, true], ['a', false]],
  },
  {
    name: 'null value: the field is absent or null',
    cite: 'rules spec, "Null values": a field with value null matches when the field is empty/absent',
    sel: 'f: null',
    rows: [[MISSING, true], [null, true], ['a', false]],
  },
  {
    name: 'empty string matches only the empty value',
    cite: 'rules spec, "String Values": values are matched as given',
    sel: "f: ''",
    rows: [['', true], ['a', false], [MISSING, false]],
  },
  {
    name: 'numbers match their text',
    cite: 'rules spec, "Numeric values"',
    sel: 'f: 4625',
    rows: [[4625, true], ['4625', true], [4624, false]],
  },
  {
    name: 'gt',
    cite: 'modifiers: "gt: Field is greater than the value"',
    sel: 'n|gt: 5',
    rows: [[{ n: 6 }, true], [{ n: 5 }, false], [{ n: '7' }, true], [{}, false]],
  },
  {
    name: 'gte',
    cite: 'modifiers: "gte: Field is greater or equal than the value"',
    sel: 'n|gte: 5',
    rows: [[{ n: 5 }, true], [{ n: 4 }, false]],
  },
  {
    name: 'lt',
    cite: 'modifiers: "lt: Field is less than the value"',
    sel: 'n|lt: 5',
    rows: [[{ n: 4 }, true], [{ n: 5 }, false]],
  },
  {
    name: 'lte',
    cite: 'modifiers: "lte: Field is less or equal than the value"',
    sel: 'n|lte: 5',
    rows: [[{ n: 5 }, true], [{ n: 6 }, false]],
  },
  {
    name: 'neq: the field differs from every listed value',
    cite: 'modifiers: "neq: The field is different from the specified values."',
    sel: 'f|neq: [a, b]',
    rows: [['c', true], ['A', false], ['b', false], [MISSING, false]],
  },
  {
    name: 'fieldref compares two fields of the event',
    cite: 'modifiers: "fieldref: Modifies a plain string into a field reference ... compare fields of matched events directly"',
    sel: 'f|fieldref: g',
    rows: [[{ f: 'Bob', g: 'bob' }, true], [{ f: 'bob', g: 'alice' }, false], [{ f: 'bob' }, false]],
  },
  {
    name: 'fieldref|cased',
    cite: 'modifiers: cased applies to the comparison',
    sel: 'f|fieldref|cased: g',
    rows: [[{ f: 'Bob', g: 'bob' }, false], [{ f: 'bob', g: 'bob' }, true]],
  },
  {
    name: 'expand with given placeholder values',
    cite: 'modifiers: "expand: Modifier for expansion of placeholders in values" (expand to value list)',
    sel: "f|expand: '%admins%'",
    rows: [['BOB', true], ['alice', true], ['carol', false]],
  },
];

function eventFor(v: FieldValue | Record<string, FieldValue>) {
  if (v === MISSING) return ct({});
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return ct(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== MISSING)));
  return ct({ f: v });
}

for (const c of CASES) {
  test(`modifier: ${c.name}`, async () => {
    const yaml = cloudtrailRule(`sel:\n${c.sel.replace(/^/gm, '  ')}\ncondition: sel`);
    const got = await matchesEach(yaml, c.rows.map(([v]) => eventFor(v)), { admins: ['alice', 'bob'] });
    assert.deepEqual(got, c.rows.map(([, want]) => want), c.cite);
  });
}

const ERRORS: readonly [string, string, string][] = [
  ['f|nosuch: a', 'SIGMA-UNKNOWN-MODIFIER', 'modifiers outside the appendix are refused'],
  ['f|hour: 3', 'SIGMA-UNSUPPORTED-MODIFIER', 'time modifiers (v2.1) are not implemented: named error'],
  ['f|all: a', 'SIGMA-BAD-MODIFIER', 'appendix: "Single item values are not allowed to have an all modifier"'],
  ['f|utf16le: a', 'SIGMA-UNSUPPORTED-MODIFIER', 'UTF-16 bytes without base64 cannot occur in JSON text'],
  ['f|re|cidr: a', 'SIGMA-BAD-MODIFIER', 'two matchers on one value'],
  ['f|i: a', 'SIGMA-BAD-MODIFIER', 'i/m/s are sub-modifiers of re'],
  ['n|gt: abc', 'SIGMA-BAD-VALUE', 'numeric modifiers "can only be applied to numeric values"'],
  ['f|cidr: 10.0.0.1', 'SIGMA-BAD-VALUE', 'cidr needs a network'],
  ['f|exists: yes please', 'SIGMA-BAD-VALUE', 'exists takes a boolean'],
  ["f|expand: '%nobody%'", 'SIGMA-UNRESOLVED-PLACEHOLDER', 'a placeholder without values is not silently dropped'],
  ["f|base64: 'a*'", 'SIGMA-BAD-MODIFIER', 'a wildcard cannot be encoded'],
  ["f|windash: '-----------'", 'SIGMA-VALUE-EXPANSION', 'runaway permutations are refused'],
];

for (const [sel, code, why] of ERRORS) {
  test(`modifier error: ${sel} -> ${code}`, () => {
    const yaml = cloudtrailRule(`sel:\n  ${sel}\ncondition: sel`);
    assert.equal(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), code, why);
  });
}

test('a regex RE2 cannot run (backreference) is refused at load time, not at match time', () => {
  const yaml = cloudtrailRule("sel:\n  f|re: '(a)\\1'\ncondition: sel");
  assert.notEqual(errorCode(() => lowerSigma(parseSigmaText(yaml, 't.yml'))), null);
});
