import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stackInfoFile, type StackInfo } from '../stack';

export const dataDirFromEnv = () => resolve(process.env.DATA_DIR ?? '.data');

/** The running local stack's endpoints and environment, as `npm start` wrote them. */
export function readStackInfo(dataDir = dataDirFromEnv()): StackInfo | undefined {
  const file = stackInfoFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackInfo) : undefined;
}

export function requireStackInfo(dataDir = dataDirFromEnv()): StackInfo {
  const info = readStackInfo(dataDir);
  if (!info) {
    console.error(`The local stack is not running (no ${stackInfoFile(dataDir)}). Start it first: npm start`);
    process.exit(1);
  }
  return info;
}
