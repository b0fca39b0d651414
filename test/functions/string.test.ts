// Text and hash eval functions. Citations: Splunk Search Reference "Text functions"
// (help.splunk.com/splunk-enterprise/spl-search-reference/10.0/evaluation-functions/text-functions) and
// "Cryptographic functions". Hash rows use the published FIPS 180 / RFC 1321 test vectors.

import { runTable, type Row } from './table.ts';

const rows: Row[] = [
  // len: "This function returns a count of the UTF-8 code points in a string." ... "This function is not
  // supported on multivalue fields."
  ['len', ['buttercup'], 9],
  ['len', ['tenderhoof'], 10],
  ['len', [''], 0],
  ['len', ['héllo'], 5],
  ['len', ['😀a'], 2, 'code points, not UTF-16 units'],
  ['len', [12345], 5, 'a number counts its digits'],
  ['len', [null], null],
  ['len', [['ab', 'cde']], null, 'multivalue not supported: NULL rather than a guess'],
  ['length', ['dash'], 4, '"you can use either len or length for the function name"'],
  // lower/upper: "returns a string in lowercase/uppercase"; on a multivalue each value is converted.
  ['lower', ['AssumeRole'], 'assumerole'],
  ['lower', [['A', 'B']], ['a', 'b']],
  ['lower', [null], null],
  ['lower', [''], ''],
  ['lower', [42], '42', 'a number becomes its string form'],
  ['upper', ['iam.amazonaws.com'], 'IAM.AMAZONAWS.COM'],
  ['upper', [['x', 'Y']], ['X', 'Y']],
  // trim/ltrim/rtrim: "removes the trim characters from both sides of the string ... If not specified,
  // spaces and tabs are removed."
  ['trim', ['  pad \t'], 'pad'],
  ['trim', ['ZZZabcZZ', 'Z'], 'abc'],
  ['trim', ['xyabcyx', 'xy'], 'abc', 'the second argument is a set of characters'],
  ['trim', ['\nx\n'], '\nx\n', 'newlines are not in the default set'],
  ['trim', [null], null],
  ['trim', [[' a', 'b ']], ['a', 'b']],
  ['ltrim', ['  a  '], 'a  '],
  ['ltrim', ['xxa', 'x'], 'a'],
  ['rtrim', ['  a  '], '  a'],
  ['rtrim', ['a.com.', '.'], 'a.com'],
  // substr: "This function returns a substring of a string, beginning at the start index. The length of the
  // substring specifies the number of character to return." Example: substr("splunk", 1, 3) is "spl",
  // substr("splunk", -3) is "unk" (1-based; a negative start counts from the end).
  ['substr', ['splunk', 1, 3], 'spl'],
  ['substr', ['splunk', -3], 'unk'],
  ['substr', ['splunk', 3], 'lunk'],
  ['substr', ['splunk', 5, 10], 'nk', 'a length past the end stops at the end'],
  ['substr', ['splunk', 10], ''],
  ['substr', ['splunk', -10, 2], 'sp', 'a start before the beginning clamps to the first character'],
  ['substr', ['splunk', 0, 2], 'sp', 'start 0 is treated as 1 (sightline choice, docs silent)'],
  ['substr', ['splunk', 2, -1], null, 'a negative length gives NULL'],
  ['substr', [null, 1], null],
  ['substr', ['abc', 'x'], null, 'a non-numeric start gives NULL'],
  ['substr', ['héllo', 2, 2], 'él'],
  // replace: "This function substitutes the replacement string for every occurrence of the regular
  // expression in the string." The replacement may use \1 .. \9 backreferences.
  ['replace', ['1/14/2017', '^(\\d{1,2})/(\\d{1,2})/', '\\2/\\1/'], '14/1/2017', 'the docs example swaps day and month'],
  ['replace', ['a-b-c', '-', '+'], 'a+b+c', 'every occurrence'],
  ['replace', ['abc', 'x', 'y'], 'abc'],
  ['replace', [['a1', 'b2'], '\\d', '#'], ['a#', 'b#']],
  ['replace', [null, 'a', 'b'], null],
  ['replace', ['abc', 'b', null], null],
  ['replace', ['', '^$', 'empty'], 'empty'],
  ['replace', ['arn:aws:iam::123:role/x', '^arn:aws:iam::(\\d+):.*$', 'acct=\\1'], 'acct=123'],
  ['replace', ['aaa', '(?<=a)a', 'b'], { throws: 'SPL-REGEX-UNSUPPORTED' }],
  // split: "This function splits the string values on the delimiter and returns the string values as a
  // multivalue field."
  ['split', ['a,b,c', ','], ['a', 'b', 'c']],
  ['split', ['a,,b', ','], ['a', '', 'b'], 'empty values are kept'],
  ['split', ['abc', ','], 'abc', 'no delimiter found: one value'],
  ['split', ['abc', ''], ['a', 'b', 'c'], 'an empty delimiter splits into characters'],
  ['split', ['', ','], ''],
  ['split', [null, ','], null],
  ['split', [['a;b', 'c'], ';'], ['a', 'b', 'c'], 'each value of a multivalue is split'],
  ['split', ['a::b', '::'], ['a', 'b'], 'multi-character delimiter'],
  // urldecode: "This function replaces URL-encoded characters with the original characters."
  ['urldecode', ['http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader'], 'http://www.splunk.com/download?r=header'],
  ['urldecode', ['caf%C3%A9'], 'café', 'multi-byte UTF-8 sequences'],
  ['urldecode', ['100%'], '100%', 'a malformed escape is kept'],
  ['urldecode', ['a+b'], 'a+b', 'plus is not a space (sightline choice)'],
  ['urldecode', [null], null],
  ['urldecode', [['%41', '%42']], ['A', 'B']],
  // md5/sha1/sha256/sha512: "computes and returns the ... hash of a string value".
  ['md5', [''], 'd41d8cd98f00b204e9800998ecf8427e'],
  ['md5', ['abc'], '900150983cd24fb0d6963f7d28e17f72'],
  ['sha1', ['abc'], 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['sha256', ['abc'], 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['sha512', ['abc'], 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
  ['sha256', [null], null],
];

runTable('string', rows);
