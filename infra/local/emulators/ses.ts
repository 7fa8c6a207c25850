import type { Server } from 'node:http';
import * as sesModule from 'aws-ses-v2-local';

// CommonJS module with `exports.default`: unwrap it whatever the loader's interop does.
type SesServer = (config: { host: string; port: number }) => Promise<Server>;
const sesServer: SesServer = ((sesModule as unknown as { default: SesServer | { default: SesServer } }).default as { default?: SesServer }).default
  ?? ((sesModule as unknown as { default: SesServer }).default);

export interface RunningSes {
  endpoint: string;
  /** The emulator's mail view (web UI); `GET /store` lists sent mail as JSON. */
  viewUrl: string;
  stop(): Promise<void>;
}

/** SES emulator (aws-ses-v2-local), in process. Accepts SES v1 SendEmail and v2 sends. */
export async function startSes(options: { port: number }): Promise<RunningSes> {
  const server = await sesServer({ host: '127.0.0.1', port: options.port });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    viewUrl: `${endpoint}/`,
    stop: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
