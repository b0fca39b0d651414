// Cryptographic eval functions: md5, sha1, sha256, sha512 of the UTF-8 bytes of a string, as lowercase
// hex. They map over the values of a multivalue.

import { createHash } from 'node:crypto';
import { scalarToString } from '../../core/value.ts';
import { fn, mapValues } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

const digest = (name: string, algorithm: string): ScalarFunction =>
  fn(name, 1, 1, ([v]) => mapValues(v, (s) => createHash(algorithm).update(scalarToString(s), 'utf8').digest('hex')));

export const hashFunctions: readonly ScalarFunction[] = [
  digest('md5', 'md5'),
  digest('sha1', 'sha1'),
  digest('sha256', 'sha256'),
  digest('sha512', 'sha512'),
];
