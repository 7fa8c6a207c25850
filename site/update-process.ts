/**
 * Starts and talks to the local per-change updater process (site/update-worker.ts): forked with tsx,
 * in a working directory of its own under site/.astro/builds (Astro's temporary build goes there), kept
 * alive between changes so its renderer and catalogue stay warm.
 */
import { fork } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpdateReport } from './update';
import type { WorkerConfig, WorkerReply } from './update-worker';

const siteRoot = fileURLToPath(new URL('.', import.meta.url));

export interface UpdateProcess {
  update(): Promise<UpdateReport>;
  /** Reads the whole catalogue into the process's memory now (after a full build), off the path of the next change. */
  warm(): Promise<void>;
  stop(): Promise<void>;
}

export async function startUpdateProcess(config: Omit<WorkerConfig, 'siteRoot' | 'scratchDir'>, log: (line: string) => void): Promise<UpdateProcess> {
  await mkdir(join(siteRoot, '.astro', 'builds'), { recursive: true });
  const cwd = await mkdtemp(join(siteRoot, '.astro', 'builds', 'updater-'));
  const full: WorkerConfig = { ...config, siteRoot, scratchDir: cwd };
  const child = fork(join(siteRoot, 'update-worker.ts'), [JSON.stringify(full)], {
    cwd, execArgv: ['--import', 'tsx'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const waiting = new Map<number, { done: (r: UpdateReport) => void; fail: (e: Error) => void }>();
  let exited = false;
  child.on('message', (message: WorkerReply | { id: 0; log: string }) => {
    if ('log' in message) { log(message.log); return; }
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) waiter?.done(message.result);
    else waiter?.fail(new Error(message.message));
  });
  const gone = new Promise<void>((resolve) => child.on('exit', (code, signal) => {
    exited = true;
    for (const w of waiting.values()) w.fail(new Error(`the site updater process exited (${code ?? signal})`));
    waiting.clear();
    void rm(cwd, { recursive: true, force: true }).finally(resolve);
  }));
  const send = (type: 'update' | 'warm' | 'stop') => new Promise<UpdateReport>((done, fail) => {
    if (exited) { fail(new Error('the site updater process is not running')); return; }
    const id = nextId++;
    waiting.set(id, { done, fail });
    child.send({ id, type });
  });
  return {
    update: () => send('update'),
    warm: async () => { await send('warm'); },
    async stop() {
      if (!exited) {
        await Promise.race([send('stop').catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
        if (!exited) child.kill();
      }
      await gone;
    },
  };
}
