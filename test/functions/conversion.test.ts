// Conversion eval functions. Citations: Splunk Search Reference "Conversion functions"
// (docs.splunk.com/Documentation/Splunk/9.4.0/SearchReference/ConversionFunctions).

import { runTable, type Row } from './table.ts';

const rows: Row[] = [
  // tostring: "If the value is a number, this function reformats it as a string. If the value is a Boolean
  // value, it returns the corresponding string value, "True" or "False"."
  ['tostring', [42], '42'],
  ['tostring', [3.5], '3.5'],
  ['tostring', [true], 'True'],
  ['tostring', [false], 'False'],
  ['tostring', ['abc'], 'abc'],
  ['tostring', [''], ''],
  ['tostring', [null], null],
  ['tostring', [[1, 2]], ['1', '2'], 'each value of a multivalue'],
  // "hex": converts the number to hexadecimal. Example: tostring(15, "hex") is 0xF.
  ['tostring', [15, 'hex'], '0xF'],
  ['tostring', [255, 'hex'], '0xFF'],
  ['tostring', ['abc', 'hex'], null, 'non-numeric with a format'],
  ['tostring', [1.5, 'hex'], null, 'only integers have a hex form'],
  // "commas": formats with commas and, "if the number includes decimals, rounds to nearest two decimal
  // places". Example: tostring(12345.6789, "commas") is 12,345.68.
  ['tostring', [12345.6789, 'commas'], '12,345.68'],
  ['tostring', [1234567, 'commas'], '1,234,567'],
  ['tostring', [999, 'commas'], '999'],
  ['tostring', [-1234.5, 'commas'], '-1,234.50'],
  // "duration": "converts seconds to the readable time format HH:MM:SS". Example: tostring(615, "duration")
  // is 00:10:15.
  ['tostring', [615, 'duration'], '00:10:15'],
  ['tostring', [90061, 'duration'], '1+01:01:01', 'days print as D+HH:MM:SS'],
  ['tostring', [0, 'duration'], '00:00:00'],
  ['tostring', [5, 'bogus'], null, 'an unknown format gives NULL'],
  // tonumber: "converts the string X to a number ... The second argument, base, is optional ... Base can be
  // 2 to 36 ... If the tonumber function cannot parse a field value to a number ... the function returns NULL."
  // Example: tonumber("0A4", 16) is 164.
  ['tonumber', ['0A4', 16], 164],
  ['tonumber', ['ff', 16], 255],
  ['tonumber', ['0x1F', 16], 31],
  ['tonumber', ['101', 2], 5],
  ['tonumber', ['12.5'], 12.5],
  ['tonumber', ['-3'], -3],
  ['tonumber', ['1e3'], 1000],
  ['tonumber', ['12abc'], null],
  ['tonumber', [''], null],
  ['tonumber', [' 12'], null, 'surrounding spaces are not a number'],
  ['tonumber', ['2', 2], null, '2 is not a base-2 digit'],
  ['tonumber', ['10', 37], null, 'base out of range'],
  ['tonumber', [null], null],
  ['tonumber', [7], 7],
  ['tonumber', [true], null],
  ['tonumber', [['1', 'x', '3']], [1, 3], 'values that do not convert are dropped'],
];

runTable('conversion', rows);
