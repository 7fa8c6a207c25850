import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const projectRoot = resolve(import.meta.dirname, '../..');

const cache = new Map<string, Promise<Record<string, unknown>>>();

/** Imports a handler module (the same file the CDK app bundles) once, and returns its export. */
export async function loadHandler<F>(entry: string, exportName = 'handler'): Promise<F> {
  let loading = cache.get(entry);
  if (!loading) {
    loading = import(pathToFileURL(resolve(projectRoot, entry)).href) as Promise<Record<string, unknown>>;
    cache.set(entry, loading);
  }
  const module = await loading;
  const fn = module[exportName];
  if (typeof fn !== 'function') throw new Error(`${entry} does not export a function "${exportName}"`);
  return fn as F;
}
