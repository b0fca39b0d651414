// Lowers `convert` (Search Reference, convert): defaults timeformat to Splunk's documented
// "%m/%d/%Y %H:%M:%S" and keeps only the conversion functions the executor implements; auto(), memk(),
// mstime() and rmunit() fail closed with SPL-UNSUPPORTED-CONVERT-FUNCTION rather than run differently.

import { fail } from '../core/diagnostics.ts';
import type { Command } from '../spl/ast/nodes.ts';
import type { ConvertFn, PlanConversion, PlanNode } from './nodes.ts';

/** convert docs: timeformat "Default: %m/%d/%Y %H:%M:%S". */
export const CONVERT_DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

const SUPPORTED: readonly ConvertFn[] = ['ctime', 'mktime', 'dur2sec', 'num', 'rmcomma', 'none'];

export function lowerConvert(cmd: Extract<Command, { kind: 'convert' }>, input: PlanNode): PlanNode {
  const conversions: PlanConversion[] = cmd.conversions.map((c) => {
    if (!(SUPPORTED as readonly string[]).includes(c.fn)) {
      fail('SPL-UNSUPPORTED-CONVERT-FUNCTION', `convert function ${c.fn}() is not supported`, {
        span: c.span,
        hint: `supported: ${SUPPORTED.map((f) => f + '()').join(', ')}; or use eval with tonumber()/strftime()/strptime()`,
      });
    }
    if (c.fn === 'none' && c.as !== null) fail('SPL-BAD-OPTION', 'none() excludes fields from conversion and takes no AS', { span: c.span });
    if (c.as !== null && c.as.includes('*') && !c.field.includes('*')) {
      fail('SPL-BAD-OPTION', `AS ${c.as} has a wildcard but the field ${c.field} has none`, { span: c.span });
    }
    return { fn: c.fn as ConvertFn, field: c.field, as: c.as };
  });
  return { kind: 'convert', input, timeformat: cmd.timeformat ?? CONVERT_DEFAULT_TIMEFORMAT, conversions, span: cmd.span };
}
