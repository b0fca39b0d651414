// Splunk HTTP Event Collector replies: the status text and numeric code HEC clients and forwarders expect
// (Splunk's "Troubleshoot HTTP Event Collector" table: 0 Success, 2 Token is required, 3 Invalid
// authorization, 4 Invalid token, 5 No data, 6 Invalid data format, 12/13 event field required/blank,
// 10/11 data channel missing/invalid, 17/18 health).

export interface HecReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export const HEC = {
  success: (ackId: number | null = null): HecReply => ({ status: 200, body: ackId === null ? { text: 'Success', code: 0 } : { text: 'Success', code: 0, ackId } }),
  channelMissing: (): HecReply => ({ status: 400, body: { text: 'Data channel is missing', code: 10 } }),
  invalidChannel: (): HecReply => ({ status: 400, body: { text: 'Invalid data channel', code: 11 } }),
  tokenRequired: (): HecReply => ({ status: 401, body: { text: 'Token is required', code: 2 } }),
  invalidAuthorization: (): HecReply => ({ status: 401, body: { text: 'Invalid authorization', code: 3 } }),
  invalidToken: (): HecReply => ({ status: 403, body: { text: 'Invalid token', code: 4 } }),
  noData: (): HecReply => ({ status: 400, body: { text: 'No data', code: 5 } }),
  invalidDataFormat: (eventNumber: number): HecReply => ({ status: 400, body: { text: 'Invalid data format', code: 6, 'invalid-event-number': eventNumber } }),
  internalError: (): HecReply => ({ status: 500, body: { text: 'Internal server error', code: 8 } }),
  eventRequired: (eventNumber: number): HecReply => ({ status: 400, body: { text: 'Event field is required', code: 12, 'invalid-event-number': eventNumber } }),
  eventBlank: (eventNumber: number): HecReply => ({ status: 400, body: { text: 'Event field cannot be blank', code: 13, 'invalid-event-number': eventNumber } }),
  healthy: (): HecReply => ({ status: 200, body: { text: 'HEC is healthy', code: 17 } }),
  // Splunk documents no numeric code for an oversized body; 413 is what its front end answers.
  tooLarge: (limit: number): HecReply => ({ status: 413, body: { text: `Content too large (limit ${limit} bytes)` } }),
  notFound: (): HecReply => ({ status: 404, body: { text: 'The requested URL was not found on this server.', code: 404 } }),
} as const;
