// Multivalue eval functions. Citations: Splunk Search Reference "Multivalue eval functions"
// (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/multivalue-eval-functions).

import { runTable, type Row } from './table.ts';

const abc = ['a', 'b', 'c'];

const rows: Row[] = [
  // mvcount: "If the field is a multivalue field, returns the number of values in that field. If the field
  // contains a single value, this function returns 1 . If the field has no values, this function returns NULL."
  ['mvcount', [abc], 3],
  ['mvcount', ['x'], 1],
  ['mvcount', [''], 1, 'an empty string is one value'],
  ['mvcount', [null], null],
  // mvindex: "Returns a subset of the multivalue field using the start and end index values." Indexes are
  // 0-based, -1 is the last value, the end index is inclusive; a start out of range returns NULL.
  ['mvindex', [abc, 0], 'a'],
  ['mvindex', [abc, -1], 'c'],
  ['mvindex', [abc, 0, 1], ['a', 'b'], 'end inclusive'],
  ['mvindex', [abc, 1, -1], ['b', 'c']],
  ['mvindex', [abc, 3], null, 'start past the end'],
  ['mvindex', [abc, -4], null, 'negative start before the beginning'],
  ['mvindex', [abc, 1, 10], ['b', 'c'], 'an end past the last value stops there (sightline choice)'],
  ['mvindex', [abc, 2, 1], null, 'end before start'],
  ['mvindex', ['solo', 0], 'solo', 'a single value is a list of one'],
  ['mvindex', [null, 0], null],
  ['mvindex', [abc, 'x'], null, 'non-numeric index'],
  // mvfind: "If a match exists, the index of the first matching value is returned (beginning with zero). If
  // no values match, NULL is returned."
  ['mvfind', [['GetObject', 'PutObject', 'PutBucketPolicy'], '^Put'], 1],
  ['mvfind', [abc, 'z'], null],
  ['mvfind', ['err42', '\\d+'], 0],
  ['mvfind', [null, 'a'], null],
  ['mvfind', [abc, '(?=a)'], { throws: 'SPL-REGEX-UNSUPPORTED' }],
  // mvjoin: "concatenates the individual values within the multivalue field using the value of the
  // delimiter as a separator."
  ['mvjoin', [abc, ';'], 'a;b;c'],
  ['mvjoin', ['x', ','], 'x'],
  ['mvjoin', [abc, ''], 'abc'],
  ['mvjoin', [null, ','], null],
  ['mvjoin', [[1, 2], '+'], '1+2'],
  // mvappend: "takes one or more values and returns a single multivalue result that contains all of the
  // values." NULL arguments contribute nothing.
  ['mvappend', ['a', ['b', 'c'], 'd'], ['a', 'b', 'c', 'd']],
  ['mvappend', [null, 'x'], 'x', 'one value left: a single value'],
  ['mvappend', [null, null], null],
  ['mvappend', ['', 'x'], ['', 'x'], 'an empty string is a value'],
  // mvdedup: "returns a multivalue field with its duplicate values removed." First occurrences keep order.
  ['mvdedup', [['b', 'a', 'b', 'a']], ['b', 'a']],
  ['mvdedup', [['x', 'x']], 'x'],
  ['mvdedup', [null], null],
  // mvsort: "returns a multivalue field with the values sorted lexicographically."
  ['mvsort', [['b', 'A', 'a', '10', '9']], ['10', '9', 'A', 'a', 'b'], 'digits < uppercase < lowercase; 10 before 9'],
  ['mvsort', ['x'], 'x'],
  ['mvsort', [null], null],
  // mvzip: "combines the values in two multivalue fields. The delimiter ... default is a comma."
  ['mvzip', [['a', 'b'], ['1', '2']], ['a,1', 'b,2']],
  ['mvzip', [['a', 'b', 'c'], ['1', '2'], '='], ['a=1', 'b=2'], 'stops at the shorter field'],
  ['mvzip', ['a', '1'], 'a,1'],
  ['mvzip', [null, '1'], null],
  // mvrange: "creates a multivalue field based on a range of specified numbers ... The end number is not
  // included."
  ['mvrange', [1, 4], [1, 2, 3]],
  ['mvrange', [1, 11, 5], [1, 6]],
  ['mvrange', [3, 3], null, 'an empty range'],
  ['mvrange', [1, 5, 0], null, 'a zero step'],
  ['mvrange', ['a', 5], null],
];

runTable('multivalue', rows);
