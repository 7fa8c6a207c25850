/**
 * Test support for the built site: the local stack's static site server and a Debian-Chromium launcher
 * (toolchain.md "Browser tests"). No framework, no downloads.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { serveSite } from '../../../infra/local/site-server';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site from `root` on 127.0.0.1 and a free port, with the local stack's own site server. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = await serveSite({ root, port: 0 });
  return { url: server.url, close: () => server.stop() };
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Debian Chromium through playwright-core, in a fresh profile directory that is removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'nl-BE',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
