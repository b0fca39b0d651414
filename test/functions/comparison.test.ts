// Comparison and information eval functions. Citations: Splunk Search Reference "Comparison and Conditional
// functions" and "Informational functions" (help.splunk.com .../evaluation-functions/...).

import { runTable, type Row } from './table.ts';

const rows: Row[] = [
  // match: "Returns TRUE if the regular expression finds a match against any substring of the string value.
  // Otherwise returns FALSE." - unanchored.
  ['match', ['AssumeRole', 'Role'], true],
  ['match', ['AssumeRole', '^Role'], false],
  ['match', ['AssumeRole', '(?i)^assume'], true, 'inline case-insensitive flag'],
  ['match', ['10.0.0.1', '^\\d+\\.\\d+\\.\\d+\\.\\d+$'], true],
  ['match', [null, 'x'], null, 'null subject gives null'],
  ['match', ['abc', null], null, 'null regex gives null'],
  ['match', [['GetObject', 'PutObject'], '^Put'], true, 'multivalue: TRUE when any value matches (docs silent; sightline choice)'],
  ['match', [['GetObject', 'ListBuckets'], '^Put'], false],
  ['match', ['', '^$'], true, 'empty string matches an empty pattern'],
  ['match', [12345, '^\\d+$'], true, 'a number is matched by its string form'],
  ['match', ['aaa', '(a)\\1'], { throws: 'SPL-REGEX-UNSUPPORTED' }, 'backreference refused'],
  ['match', ['abc', '(ab'], { throws: 'SPL-REGEX-INVALID' }],
  // like: "The pattern language supports an exact text match, as well as single and multiple character
  // matches. Use the percent ( % ) symbol as a wildcard for matching multiple characters. Use the underscore
  // ( _ ) character as a wildcard to match a single character."
  ['like', ['ConsoleLogin', 'Console%'], true],
  ['like', ['ConsoleLogin', '%Login'], true],
  ['like', ['ConsoleLogin', 'Console'], false, 'exact text match: the whole string must match'],
  ['like', ['abc', 'a_c'], true],
  ['like', ['abbc', 'a_c'], false],
  ['like', ['a.c', 'a.c'], true, 'regex metacharacters in the pattern are literal'],
  ['like', ['abc', 'a.c'], false],
  ['like', ['ConsoleLogin', 'console%'], false, 'case-sensitive [unverified in the docs; spl-semantics.md]'],
  ['like', ['', '%'], true],
  ['like', [null, '%'], null],
  ['like', [['x', 'Console1'], 'Console_'], true, 'multivalue: any value'],
  ['like', ['line1\nline2', 'line1%'], true, '% spans newlines'],
  // in: "Returns TRUE if one of the values in the list matches a value that you specify."
  ['in', ['b', 'a', 'b', 'c'], true],
  ['in', ['d', 'a', 'b'], false],
  ['in', ['5', 5], true, 'numbers compare numerically'],
  ['in', [null, 'a'], null],
  ['in', [['x', 'a'], 'a'], true],
  // isnull: "This function takes one argument VALUE and returns TRUE if VALUE is NULL."
  ['isnull', [null], true],
  ['isnull', [''], false, 'an empty string is not NULL'],
  ['isnull', [['a', 'b']], false],
  ['isnotnull', [null], false],
  ['isnotnull', [0], true],
  ['isnotnull', [''], true],
  // isnum: "Returns TRUE if the field value is a number." Field values arrive as text, so numeric text counts.
  ['isnum', [42], true],
  ['isnum', ['42.5'], true],
  ['isnum', ['4 2'], false],
  ['isnum', [''], false],
  ['isnum', [null], false, 'isnum of NULL is FALSE, not NULL'],
  ['isnum', [['1', '2']], true, 'multivalue: every value must be a number (sightline choice)'],
  ['isnum', [['1', 'x']], false],
  ['isint', ['7'], true],
  ['isint', ['7.5'], false],
  ['isstr', ['abc'], true],
  ['isstr', ['123'], false],
  ['isstr', [null], false],
  ['isbool', [true], true],
  ['isbool', ['true'], false],
  // typeof: "Returns a string that indicates the field type, such as Number, String, Boolean, and so forth."
  ['typeof', [12], 'Number'],
  ['typeof', ['12'], 'Number'],
  ['typeof', ['abc'], 'String'],
  ['typeof', [false], 'Boolean'],
  ['typeof', [null], 'Invalid'],
];

runTable('comparison', rows);
