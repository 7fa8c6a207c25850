import { mkdirSync } from 'node:fs';
import { startFauxqs } from 'fauxqs';

export interface RunningS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * S3 emulator (fauxqs, path-style). Objects are kept as files under `dir` when given, so uploads survive
 * a restart. It does not enforce presigned POST policies: the handlers enforce size and type themselves.
 */
export async function startS3(options: { port: number; dir?: string }): Promise<RunningS3> {
  if (options.dir) mkdirSync(`${options.dir}/objects`, { recursive: true });
  const server = await startFauxqs({
    port: options.port,
    host: '127.0.0.1',
    logger: false,
    defaultRegion: 'eu-west-1',
    ...(options.dir ? { dataDir: options.dir, s3StorageDir: `${options.dir}/objects` } : {}),
  });
  return { endpoint: server.address, stop: () => server.stop() };
}
