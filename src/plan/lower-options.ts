// Command options (`limit=0`, `keepempty=true`) read for lowering: typed getters that fail with the
// option's span, and a fail-closed check that rejects options sightline does not implement.

import { fail } from '../core/diagnostics.ts';
import type { CommandOption } from '../spl/ast/nodes.ts';

export function optionRecord(options: readonly CommandOption[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of options) out[o.name] = o.value;
  return out;
}

export function hasOption(options: readonly CommandOption[], name: string): boolean {
  return options.some((o) => o.name === name);
}

export function findOption(options: readonly CommandOption[], name: string): CommandOption | undefined {
  return [...options].reverse().find((o) => o.name === name);
}

export function intOption(options: readonly CommandOption[], name: string, dflt: number): number {
  const o = findOption(options, name);
  if (!o) return dflt;
  const n = Number(o.value);
  if (!Number.isInteger(n) || n < 0) fail('SPL-BAD-OPTION', `${name}=${o.value} must be a whole number`, { span: o.span });
  return n;
}

export function boolOption(options: readonly CommandOption[], name: string, dflt: boolean): boolean {
  const o = findOption(options, name);
  if (!o) return dflt;
  if (/^(true|t|1|yes)$/i.test(o.value)) return true;
  if (/^(false|f|0|no)$/i.test(o.value)) return false;
  return fail('SPL-BAD-OPTION', `${name}=${o.value} must be true or false`, { span: o.span });
}

/** Fails closed on options the command has but sightline does not implement. */
export function checkOptions(options: readonly CommandOption[], allowed: readonly string[], command: string): void {
  for (const o of options) if (!allowed.includes(o.name)) unsupportedOption(options, o.name, command);
}

export function unsupportedOption(options: readonly CommandOption[], name: string, command: string): never {
  return fail('SPL-UNSUPPORTED-OPTION', `${command} option ${name}= is not supported`, {
    span: findOption(options, name)?.span,
    hint: 'remove the option; sightline fails closed rather than ignore it',
  });
}
