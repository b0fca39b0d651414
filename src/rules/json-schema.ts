// Emits the rule format as JSON Schema (schemas/rule.schema.json) from the zod schema, for editors (YAML
// language server: `# yaml-language-server: $schema=../schemas/rule.schema.json`). Regenerate with
// `node --import tsx src/rules/json-schema.ts`; test/rules/json-schema.test.ts fails when the file is stale.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { packagePath } from '../core/package-root.ts';
import { ruleSchema } from './schema.ts';

export const RULE_SCHEMA_PATH = packagePath('schemas/rule.schema.json');

/** The JSON Schema text, stable (2-space indent, trailing newline). Input side: defaults make keys optional. */
export function ruleJsonSchemaText(): string {
  const schema = z.toJSONSchema(ruleSchema, { io: 'input', target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, $id: 'https://sightline.dev/schemas/rule.schema.json', title: 'sightline detection rule' }, null, 2) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(RULE_SCHEMA_PATH), { recursive: true });
  writeFileSync(RULE_SCHEMA_PATH, ruleJsonSchemaText());
  process.stdout.write(`wrote ${RULE_SCHEMA_PATH}\n`);
}
