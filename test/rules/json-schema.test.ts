// The committed JSON Schema (schemas/rule.schema.json) is what the zod schema emits today, and every catalog
// rule validates against it with ajv (draft 2020-12), so editors and CI see the same format as the loader.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { RULE_SCHEMA_PATH, ruleJsonSchemaText } from '../../src/rules/json-schema.ts';
import { catalog } from './helpers.ts';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats');

describe('rule JSON Schema', () => {
  it('is current (regenerate: node --import tsx src/rules/json-schema.ts)', () => {
    assert.equal(readFileSync(RULE_SCHEMA_PATH, 'utf8'), ruleJsonSchemaText());
  });
  it('accepts every catalog rule and rejects a broken one', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(RULE_SCHEMA_PATH, 'utf8')));
    for (const rule of await catalog()) {
      const doc = parse(readFileSync(rule.file, 'utf8'));
      assert.equal(validate(doc), true, `${rule.id}: ${JSON.stringify(validate.errors)}`);
      assert.equal(validate({ ...doc, severity: 'urgent' }), false);
    }
  });
});
