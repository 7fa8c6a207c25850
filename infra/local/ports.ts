import { createServer } from 'node:net';

/** A port the OS says is free now (for emulators that cannot listen on port 0 themselves). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails with a clear message when a fixed port is taken. */
export async function assertPortFree(port: number, what: string, envVar: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} (${what}) is already in use. Stop the process that holds it ` +
          `(\`lsof -i :${port}\` shows it) or choose another port: ${envVar}=<port> npm start`));
      } else reject(error);
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export async function resolvePort(value: string | undefined, fallback: number, what: string, envVar: string) {
  const port = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${envVar} must be a port number, got "${value}"`);
  if (port === 0) return freePort();
  await assertPortFree(port, what, envVar);
  return port;
}
