/**
 * A guard for the request handlers of the local servers (site server, gateway, sign-in page). `npm start`
 * is ONE Node process: an error that escapes one request — a throw, a rejected promise, or an `error`
 * event nobody listened for on a stream the handler opened — would otherwise end it, and with it the API,
 * the jobs, the stream consumers and the site.
 *
 * Each guarded request runs in its own async context (AsyncLocalStorage). An error that belongs to a
 * request is logged with the server's name, the method and the path (never the query: it can carry a
 * person's data), answered with 500 (or the connection is closed when the answer had started) and the
 * process lives on. An error outside any request is left alone: Node's default (print it, exit 1) still
 * applies, and where another listener is registered (a test runner) that listener still gets every error
 * too, so tests see them; `survivedRequestErrors()` counts what was survived, so a test can demand zero.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface RequestContext {
  name: string;
  req: IncomingMessage;
  res: ServerResponse;
  log: (line: string) => void;
  failed: boolean;
}

const requests = new AsyncLocalStorage<RequestContext>();
let survived = 0;
let installed = false;

/** How many request errors the guard has survived in this process. */
export const survivedRequestErrors = () => survived;

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

function fail(context: RequestContext, error: unknown): void {
  survived++;
  const path = (context.req.url ?? '/').split('?')[0];
  context.log(`${context.name}: request failed (${context.req.method ?? '?'} ${path}); the server keeps running.\n${describe(error)}`);
  if (context.failed) return;
  context.failed = true;
  const { res } = context;
  if (!res.headersSent && !res.destroyed) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Er ging iets mis bij deze vraag. Probeer het opnieuw.');
  } else {
    res.destroy();
  }
}

function onUncaught(error: unknown): void {
  const context = requests.getStore();
  if (context !== undefined) {
    fail(context, error);
    return;
  }
  // Not a request's error. When we are the only listener, do what Node does without one.
  if (process.listenerCount('uncaughtException') === 1) {
    console.error(describe(error));
    process.exit(1);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', onUncaught);
}

/**
 * Wraps a request handler (a `createServer` listener, or a gateway extra route's `handle`) so that an
 * error of one request is logged and answered, never fatal. The wrapped handler returns the handler's
 * promise (settled, never rejected), so a caller that awaits it still waits for the answer.
 */
export function guardRequests<Rest extends unknown[]>(
  name: string,
  handler: (req: IncomingMessage, res: ServerResponse, ...rest: Rest) => unknown,
  log: (line: string) => void = (line) => console.error(line),
): (req: IncomingMessage, res: ServerResponse, ...rest: Rest) => Promise<void> | undefined {
  install();
  return (req, res, ...rest) => {
    const context: RequestContext = { name, req, res, log, failed: false };
    // A client that goes away mid-request makes these emit; without a listener that would throw.
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    return requests.run(context, () => {
      try {
        const result = handler(req, res, ...rest);
        if (result instanceof Promise) return result.then(() => undefined, (error: unknown) => fail(context, error));
      } catch (error) {
        fail(context, error);
      }
      return undefined;
    });
  };
}

/** The same guard on each route of a list (the gateway's extra routes, such as the local sign-in page). */
export function guardRoutes<Route extends { handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => unknown }>(name: string, routes: Route[]): Route[] {
  return routes.map((route) => ({ ...route, handle: guardRequests(name, route.handle) }));
}
