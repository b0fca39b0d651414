// Conditional eval functions. Citations: Splunk Search Reference, "Comparison and Conditional functions"
// (help.splunk.com/splunk-cloud-platform/spl-search-reference/9.3.2408/evaluation-functions/comparison-and-conditional-functions).

import { runTable, type Row } from './table.ts';

const rows: Row[] = [
  // if: "If the <predicate> expression evaluates to TRUE, returns the <true_value>. Otherwise the function
  // returns the <false_value>."
  ['if', [true, 'yes', 'no'], 'yes'],
  ['if', [false, 'yes', 'no'], 'no'],
  ['if', [null, 'yes', 'no'], 'no', 'a null predicate is not TRUE'],
  ['if', [true, 'yes', null], 'yes', 'null on the branch not taken does not matter'],
  ['if', [false, 'yes', null], null, 'null on the branch taken is the result'],
  ['if', [true, ['a', 'b'], 'no'], ['a', 'b'], 'a multivalue branch is returned whole'],
  ['if', ['true', 1, 2], 2, 'wrong type: the string "true" is not the boolean TRUE'],
  ['if', [true, '', 'x'], '', 'empty string is a value'],
  // case: "Returns the first value for which the condition evaluates to TRUE." ... "The function defaults to
  // NULL if none of the <condition> arguments are true."
  ['case', [false, 'a', true, 'b', true, 'c'], 'b'],
  ['case', [false, 'a', false, 'b'], null, 'no condition true gives NULL'],
  ['case', [null, 'a', true, 'default'], 'default', 'true() as the catch-all default'],
  ['case', [true, null, true, 'b'], null, 'the first true condition wins even when its value is null'],
  ['case', [true, ['x', 'y']], ['x', 'y']],
  // coalesce: "Takes one or more values and returns the first value that is not NULL."
  ['coalesce', [null, null, 'c'], 'c'],
  ['coalesce', [null, ''], '', 'an empty string is not NULL'],
  ['coalesce', [null, null], null],
  ['coalesce', [null, ['a', 'b'], 'c'], ['a', 'b']],
  ['coalesce', [0, 'x'], 0],
  // nullif: "Compares two values and returns NULL if value1 = value2. Otherwise it returns value1."
  ['nullif', ['a', 'a'], null],
  ['nullif', ['a', 'b'], 'a'],
  ['nullif', ['5', 5], null, 'numeric comparison of "5" and 5'],
  ['nullif', [null, 'a'], null],
  // validate: returns the string of the first condition that evaluates to FALSE.
  ['validate', [true, 'ok?', false, 'bad port'], 'bad port'],
  ['validate', [true, 'a', true, 'b'], null],
  ['validate', [null, 'missing'], 'missing', 'a null condition is not TRUE'],
  // null(), true(), false(): literal NULL and Booleans.
  ['null', [], null],
  ['true', [], true],
  ['false', [], false],
];

runTable('conditional', rows);
