/**
 * Issue 16: the request guard of the local servers (infra/local/request-guard.ts). It runs in a child
 * process of its own, because surviving an uncaught error is a property of a whole process (and the test
 * runner would, rightly, report an uncaught error in its own process as a failure).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../support/stack';

const guard = resolve('infra/local/request-guard.ts');
const script = `
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { guardRequests, survivedRequestErrors } from ${JSON.stringify(guard)};
const server = createServer(guardRequests('test', async (req, res) => {
  if (req.url === '/stream') { createReadStream('/nonexistent/404.html').pipe(res); return; }
  if (req.url === '/throw') throw new Error('handler failed');
  if (req.url === '/later') { res.writeHead(200); res.write('half'); setTimeout(() => { throw new Error('timer failed'); }, 5); return; }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(String(survivedRequestErrors()));
}, (line) => console.log('LOG ' + line.split('\\n')[0])));
server.listen(0, '127.0.0.1', () => console.log('PORT ' + server.address().port));
// An error outside any request still ends the process, as without the guard.
process.stdin.on('data', () => { throw new Error('not a request'); });
`;

let dir: string;
let child: ChildProcessWithoutNullStreams;
let output = '';
let url = '';
let exit: Promise<number | null>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'request-guard-'));
  await writeFile(join(dir, 'server.ts'), script);
  child = spawn(resolve('node_modules/.bin/tsx'), [join(dir, 'server.ts')], { stdio: 'pipe' });
  exit = new Promise((done) => child.on('exit', (code) => done(code)));
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  await eventually(async () => /PORT (\d+)/.test(output), 20_000, 50);
  url = `http://127.0.0.1:${/PORT (\d+)/.exec(output)?.[1] ?? ''}`;
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill();
  await rm(dir, { recursive: true, force: true });
});

describe('request guard of the local servers (issue 16)', () => {
  it('a stream error nobody handled answers 500 and the process keeps serving', async () => {
    const failed = await fetch(`${url}/stream`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('Er ging iets mis');
    const next = await fetch(`${url}/ok`);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('1');
    expect(output).toContain('LOG test: request failed (GET /stream)');
  });

  it('a throwing handler answers 500; an error after the answer started closes that connection only', async () => {
    expect((await fetch(`${url}/throw`)).status).toBe(500);
    const half = await fetch(`${url}/later`);
    expect(half.status).toBe(200);
    await expect(half.text()).rejects.toThrow();
    const next = await fetch(`${url}/ok`);
    expect(await next.text()).toBe('3');
  });

  it('an error outside any request still ends the process (nothing else is hidden)', async () => {
    child.stdin.write('x\n');
    expect(await exit).toBe(1);
    expect(output).toContain('not a request');
  });
});
