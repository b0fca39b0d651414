// The Sigma check: every document validates against the official JSON schemas (schemas/sigma, draft
// 2020-12, via ajv), plus what the schemas cannot see: the condition names only existing selections,
// modifiers are known, and the logsource is a pair from the Sigma taxonomy appendix.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { packagePath } from '../../core/package-root.ts';
import type { SigmaDocument } from './model.ts';

// ajv and ajv-formats are CommonJS; require() gives their constructors without ESM interop guesswork.
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default as new (opts: object) => import('ajv').default;
const addFormats = require('ajv-formats').default as (ajv: import('ajv').default) => void;

const SCHEMA_FILES: Record<SigmaDocument['kind'], string> = {
  rule: 'sigma-detection-rule-schema.json',
  correlation: 'sigma-correlation-rules-schema.json',
  filter: 'sigma-filters-schema.json',
};

/** logsource pairs from sigma-specification's taxonomy appendix for the products we target. */
const TAXONOMY = new Set(['aws/cloudtrail', 'azure/activitylogs', 'azure/auditlogs', 'azure/riskdetection', 'azure/pim', 'azure/signinlogs', 'm365/audit', 'm365/exchange', 'm365/threat_detection', 'm365/threat_management', 'gcp/gcp.audit', 'gcp/google_workspace.admin', 'gcp/google_workspace.login']);
const MODIFIERS = new Set(['contains', 'startswith', 'endswith', 'all', 'base64', 'base64offset', 'windash', 're', 'i', 'm', 's', 'cidr', 'exists', 'cased', 'lt', 'lte', 'gt', 'gte', 'fieldref', 'expand', 'wide', 'utf16le', 'utf16be', 'utf16', 'minute', 'hour', 'day', 'week', 'month', 'year', 'neq']);

let validators: Record<SigmaDocument['kind'], ValidateFunction> | null = null;

function getValidators(): Record<SigmaDocument['kind'], ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const load = (f: string) => JSON.parse(readFileSync(packagePath('schemas/sigma', f), 'utf8'));
  validators = {
    rule: ajv.compile(load(SCHEMA_FILES.rule)),
    correlation: ajv.compile(load(SCHEMA_FILES.correlation)),
    filter: ajv.compile(load(SCHEMA_FILES.filter)),
  };
  return validators;
}

/** Problems of one document, as `path: message` strings; empty when valid. */
export function checkSigmaDocument(d: SigmaDocument): string[] {
  // Round-trip through JSON so the check sees exactly what a YAML/JSON reader would.
  const data = JSON.parse(JSON.stringify(d.doc));
  const v = getValidators()[d.kind];
  const issues = v(data) ? [] : (v.errors ?? []).map((e) => `${d.kind}${e.instancePath || '/'}: ${e.message}`);
  if (d.kind === 'rule' || d.kind === 'filter') {
    const ls = d.doc.logsource;
    if (!TAXONOMY.has(`${ls.product}/${ls.service}`)) issues.push(`logsource ${ls.product}/${ls.service} is not in the Sigma taxonomy`);
  }
  if (d.kind === 'rule') {
    const { condition, ...selections } = d.doc.detection;
    for (const name of condition.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
      if (!['and', 'or', 'not', 'of', 'them', 'all'].includes(name) && !(name in selections)) issues.push(`condition names '${name}', which is not a selection`);
    }
    for (const sel of Object.values(selections)) {
      for (const map of Array.isArray(sel) ? sel : [sel]) {
        if (typeof map !== 'object' || map === null) continue;
        for (const key of Object.keys(map)) {
          for (const mod of key.split('|').slice(1)) if (!MODIFIERS.has(mod)) issues.push(`unknown modifier '${mod}' in '${key}'`);
        }
      }
    }
  }
  return issues;
}

/** Each document, plus what holds across them: an id names one document (the spec's "globally unique" id). */
export function checkSigmaDocuments(docs: readonly SigmaDocument[]): string[] {
  const issues = docs.flatMap(checkSigmaDocument);
  const seen = new Map<string, string>();
  for (const d of docs) {
    const id = (d.doc as { id?: string }).id;
    if (id === undefined) continue;
    const title = (d.doc as { title?: string }).title ?? '';
    if (seen.has(id)) issues.push(`id ${id} names two documents: '${seen.get(id)}' and '${title}'`);
    else seen.set(id, title);
  }
  return issues;
}
