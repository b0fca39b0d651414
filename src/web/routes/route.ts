// The route table type: method + path pattern -> handler. Patterns are anchored regexes with named groups.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app.ts';

export interface RouteContext {
  readonly app: App;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'GET|POST';
  readonly pattern: RegExp;
  readonly handle: (ctx: RouteContext) => Promise<void> | void;
}
