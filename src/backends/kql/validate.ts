// The KQL check: Microsoft's Kusto.Language (@kusto/language-service-next) parses and analyses a query
// against the declared table schemas (kql/tables.yml); any error-severity diagnostic fails the check.
// The library is a Bridge.NET bundle that installs globals, so it is loaded once, lazily, with require.

import { createRequire } from 'node:module';
import { loadMappingData } from '../mapping-data.ts';

export interface KqlIssue {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
}

export interface KqlCheck {
  readonly issues: readonly KqlIssue[];
  /** Result columns `name:type` as the analyser computed them. */
  readonly columns: readonly string[];
}

let globals: unknown = null;

// The Bridge.NET bundle's own typings describe C# generics that do not fit these calls, so its API is used untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type KustoLanguage = any;
const kustoLanguage = (): KustoLanguage => (globalThis as { Kusto?: { Language: KustoLanguage } }).Kusto!.Language;

function kustoGlobals(): unknown {
  if (globals) return globals;
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  const K = kustoLanguage();
  const tables = loadMappingData<Record<string, Record<string, string>>>('kql/tables.yml');
  const symbols = Object.entries(tables).map(([name, cols]) =>
    K.Symbols.TableSymbol.From(`(${Object.entries(cols).map(([c, t]) => `${c}:${t}`).join(', ')})`).WithName(name));
  globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.ctor('sentinel', symbols));
  return globals;
}

export function checkKql(query: string): KqlCheck {
  const K = (kustoGlobals(), kustoLanguage());
  const code = K.KustoCode.ParseAndAnalyze(query, kustoGlobals());
  const d = code.GetDiagnostics();
  const issues: KqlIssue[] = [];
  for (let i = 0; i < d.Count; i++) {
    const x = d.getItem(i);
    issues.push({ severity: String(x.Severity), code: String(x.Code), message: String(x.Message), start: x.Start, length: x.Length });
  }
  const columns: string[] = [];
  const cols = code.ResultType?.Columns;
  if (cols) for (let i = 0; i < cols.Count; i++) columns.push(`${cols.getItem(i).Name}:${cols.getItem(i).Type.Name}`);
  return { issues, columns };
}

export function kqlErrors(query: string): KqlIssue[] {
  return checkKql(query).issues.filter((i) => i.severity === 'Error');
}
