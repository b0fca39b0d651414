// Search macros: loading macros.conf stanzas and security_content YAML files, `$arg$` substitution,
// arity in the key (`name(2)`), nested macros, the recursion bound, and errors at the macro's position.
// Splunk Knowledge Manager Manual, "Define search macros": arguments are referenced as $arg$ and a macro
// with arguments is named with its argument count, e.g. mymacro(2).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandMacros, loadMacros, MacroTable, parseMacrosConf, parseSpl } from '../../src/spl/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'spl-macros');
const table = loadMacros(DIR);

test('loadMacros reads macros.conf stanzas and macro YAML files from a directory', () => {
  assert.deepEqual(table.keys(), [
    'cloudtrail', 'ctime(1)', 'drop_prefix(1)', 'dynamic', 'event_name', 'loop_a', 'loop_b', 'multi_line', 'nested', 'o365_filter_example', 'window(2)',
  ]);
});

const EXPANSIONS: [string, string, string][] = [
  ['plain macro', '`cloudtrail` eventName=x', 'sourcetype=aws:cloudtrail eventName=x'],
  ['one argument', 'x | `ctime(firstTime)`', 'x | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)'],
  ['two arguments, spaces trimmed', 'x | `window(_time, 1h)`', 'x | bin _time span=1h'],
  ['YAML macro with arguments', 'x | `drop_prefix(Authentication)`', 'x | rename Authentication.* AS *'],
  ['nested macros expand recursively', '`nested`', 'sourcetype=aws:cloudtrail eventName=ConsoleLogin'],
  ['continued conf line keeps its newline', '`multi_line`', 'sourcetype=a \n  OR sourcetype=b'],
  // Knowledge Manager Manual, "Use search macros in searches": "Macros inside of quoted values are not expanded."
  ['backticks inside a quoted string are text', 'msg="`cloudtrail`"', 'msg="`cloudtrail`"'],
  // "Search macro examples": `iis_search(fragment=TM)` passes an argument by name.
  ['named arguments, in any order', 'x | `window(span=1h, field=_time)`', 'x | bin _time span=1h'],
  ['a value that looks like name=value for an undeclared name stays positional', '`ctime(user=bob)`', 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(user=bob)'],
  ['a value containing $other$ is not substituted again', '`window($span$, 5m)`', 'bin $span$ span=5m'],
  ['block comments are left alone', '```use `cloudtrail` here``` a', '```use `cloudtrail` here``` a'],
  ['no macros: text unchanged', 'index=a | stats count', 'index=a | stats count'],
];

for (const [title, input, expected] of EXPANSIONS) {
  test(`expandMacros: ${title}`, () => {
    const r = expandMacros(input, table);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.text, expected);
  });
}

const FAILURES: [string, string, string, string][] = [
  ['unknown macro', 'a `nope` b', 'SPL-UNKNOWN-MACRO', '`nope`'],
  ['wrong arity is a different macro', '`ctime(a, b)`', 'SPL-UNKNOWN-MACRO', '`ctime(a, b)`'],
  ['recursion is bounded', 'x `loop_a`', 'SPL-MACRO-RECURSION', '`loop_a`'],
  ['eval-based macros are refused', '`dynamic`', 'SPL-UNSUPPORTED-MACRO', '`dynamic`'],
  ['unterminated invocation', 'a `cloudtrail', 'SPL-UNTERMINATED-MACRO', '`cloudtrail'],
  ['missing *_filter macro without the table saying so', 'a | `foo_filter`', 'SPL-UNKNOWN-MACRO', '`foo_filter`'],
];

for (const [title, input, code, spanText] of FAILURES) {
  test(`expandMacros error: ${title}`, () => {
    const r = expandMacros(input, table);
    assert.equal(r.diagnostics[0]?.code, code);
    const span = r.diagnostics[0]?.span;
    assert.ok(span);
    assert.equal(input.slice(span.start, span.end), spanText);
  });
}

test('a table that asks for it expands missing *_filter macros to `search *`, and only those', () => {
  const lenient = table.withOptions({ missingFilterMacros: 'match-all' });
  assert.equal(expandMacros('a | `foo_filter`', lenient).text, 'a | search *');
  assert.equal(expandMacros('a | `foo`', lenient).diagnostics[0]?.code, 'SPL-UNKNOWN-MACRO');
  // A defined filter macro wins over the default.
  assert.equal(expandMacros('a | `o365_filter_example`', lenient).text, 'a | search user!=svc_*');
});

test('parseSpl maps diagnostics inside macro expansions back to the invocation', () => {
  const t = new MacroTable([{ name: 'bad', args: [], definition: 'stats cnt(x)' }]);
  const text = 'index=a | `bad` | table x';
  const { ast, diagnostics } = parseSpl(text, { macros: t });
  assert.equal(ast, null);
  assert.equal(diagnostics[0]?.code, 'SPL-UNKNOWN-AGGREGATE');
  const span = diagnostics[0]?.span;
  assert.ok(span);
  assert.equal(text.slice(span.start, span.end), '`bad`');
});

test('parseSpl maps AST spans after an expansion back to the original text', () => {
  const text = '`cloudtrail` eventName=x | where count > 1';
  const { ast } = parseSpl(text, { macros: table });
  assert.ok(ast);
  const where = ast.commands[1];
  assert.ok(where);
  assert.equal(text.slice(where.span.start, where.span.end), 'where count > 1');
  const search = ast.commands[0];
  assert.ok(search?.kind === 'search' && search.expr?.kind === 'and');
  const [fromMacro, own] = search.expr.items;
  assert.equal(text.slice(fromMacro!.span.start, fromMacro!.span.end), '`cloudtrail`');
  assert.equal(text.slice(own!.span.start, own!.span.end), 'eventName=x');
});

test('parseMacrosConf: an arity that does not match args is an error naming the file and line', () => {
  assert.throws(() => parseMacrosConf('[m(2)]\nargs = a\ndefinition = x\n', 'my.conf'), /my\.conf:1: .*declares 1 args/);
  assert.throws(() => parseMacrosConf('[m]\nargs =\n', 'my.conf'), /my\.conf:1: stanza \[m\] has no definition/);
  assert.throws(() => parseMacrosConf('definition = x\n', 'my.conf'), /my\.conf:1: expected \[stanza\]/);
});
