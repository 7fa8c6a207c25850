import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { StackInfo } from '../../infra/local/stack';

/** What the stack prints in its READY line (the test processes get it through `inject('stack')`). */
export type TestStackInfo = StackInfo;

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStackInfo;
  }
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

/**
 * Starts the real local stack once for the integration and e2e tests — the same entry point as
 * `npm start`, on free ports, in memory — and stops it afterwards.
 */
export async function setup(project: TestProject) {
  dataDir = mkdtempSync(join(tmpdir(), 'oi-stack-'));
  const root = resolve(import.meta.dirname, '../..');
  child = spawn(join(root, 'node_modules/.bin/tsx'), ['infra/local/start.ts', '--in-memory', '--ready-json', '--no-schedules', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, API_PORT: '0', SITE_PORT: '0', DYNAMODB_PORT: '0', S3_PORT: '0', SES_PORT: '0', DEMO_SEED: 'off',
      // room for the concurrency tests (50 parallel requests of one worker); test/integration/security reads the limits from the OpenAPI document
      QUOTA_CHEQUE_REQUESTS_PER_WORKER_PER_DAY: '60', QUOTA_WORKER_MAILS_PER_DAY: '60', QUOTA_UPLOAD_SLOTS_PER_ORGANISATION_PER_DAY: '30' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const info = await new Promise<TestStackInfo>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`local stack did not start in 120 s:\n${output}`)), 120_000);
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('READY '));
      if (line) { clearTimeout(timer); resolvePromise(JSON.parse(line.slice(6)) as TestStackInfo); }
    });
    child?.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child?.once('exit', (code) => { clearTimeout(timer); reject(new Error(`local stack exited with ${code}:\n${output}`)); });
  });
  project.provide('stack', info);
}

export async function teardown() {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
