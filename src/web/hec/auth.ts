// HEC token check: `Authorization: Splunk <token>` (or HTTP Basic with the token as password, as Splunk also
// accepts). Compared in constant time so response timing does not leak the token.

import { timingSafeEqual, createHash } from 'node:crypto';
import { HEC, type HecReply } from './replies.ts';

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** null when authorised, else the HEC reply to send. */
export function checkHecAuth(authorization: string | undefined, expectedToken: string): HecReply | null {
  if (authorization === undefined || authorization.trim() === '') return HEC.tokenRequired();
  const m = /^(Splunk|Basic)\s+(\S+)\s*$/i.exec(authorization);
  if (!m) return HEC.invalidAuthorization();
  let token = m[2]!;
  if (m[1]!.toLowerCase() === 'basic') {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return HEC.invalidAuthorization();
    token = decoded.slice(colon + 1);
  }
  return tokenMatches(token, expectedToken) ? null : HEC.invalidToken();
}
