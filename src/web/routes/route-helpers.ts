// Helpers shared by the page route modules: the 404 page and the status shown when no rule runs in real time.

import { sendHtml } from '../http-util.ts';
import { errorPage } from '../pages/layout.ts';
import type { ProcessorStatus } from '../realtime/processor.ts';
import type { RouteContext } from './route.ts';

export function notFound(ctx: RouteContext, what: string): void {
  sendHtml(ctx.res, 404, errorPage(404, `${what} not found`));
}

export function emptyStatus(): ProcessorStatus {
  return { cursor: 0, watermark: 0, lateEvents: 0, openWindows: 0, lastError: 'no rules are evaluated in real time', busy: false };
}
