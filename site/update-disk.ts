/**
 * Disk adapters of the per-change updater's ports (site/update.ts), for the local stack: the state as a
 * JSON file (written to a temporary file and renamed), and the live site folder as the output, updated
 * in place — each file written beside its target and renamed over it, so a reader (infra/local/
 * site-server.ts opens a file once and reads it through its descriptor) gets the old or the new file,
 * never half of one, and the files a page or a search entry file points to are there before it
 * (site/deploy-plan.ts uploadGroup). No tree is copied or linked per change.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { uploadGroup } from './deploy-plan';
import { UpdaterState, type SiteFile, type SiteOutput, type UpdaterStateStore } from './update';

export function diskStateStore(file: string): UpdaterStateStore {
  return {
    async read() {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      return text === null ? null : UpdaterState.parse(JSON.parse(text));
    },
    async write(state) {
      await mkdir(dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temp, JSON.stringify(UpdaterState.parse(state)));
      await rename(temp, file);
    },
  };
}

/** Resolves `key` inside `root`, refusing anything that would leave it. */
function inside(root: string, key: string): string {
  const target = resolve(root, key);
  if (!target.startsWith(`${root}/`)) throw new Error(`site output: unexpected key ${key}`);
  return target;
}

/** `root()`: the live site folder, resolved per call (locally a symlink a full build swaps). */
export function diskSiteOutput(root: () => Promise<string>): SiteOutput {
  return {
    async put(files: readonly SiteFile[]) {
      const base = await root();
      const groups = new Map<number, SiteFile[]>();
      for (const file of files) groups.set(uploadGroup(file.key), [...(groups.get(uploadGroup(file.key)) ?? []), file]);
      for (const group of [...groups.keys()].sort()) {
        await Promise.all((groups.get(group) ?? []).map(async (file) => {
          const target = inside(base, file.key);
          await mkdir(dirname(target), { recursive: true });
          const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
          await writeFile(temp, file.body);
          await rename(temp, target);
        }));
      }
    },
    async remove(keys) {
      const base = await root();
      for (const key of keys) {
        const target = inside(base, key);
        await rm(target, { force: true });
        // An emptied detail page folder goes too (then the server answers 404, not a folder redirect).
        if (key.endsWith('/index.html')) await rm(dirname(target), { recursive: true, force: true }).catch(() => undefined);
      }
    },
  };
}
