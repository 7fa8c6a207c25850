import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startLocalStack } from './stack';

/**
 * `npm start`: the whole product on one machine against real emulators.
 *   --fresh       start from an empty store
 *   --in-memory   keep nothing on disk (tests)
 *   --data-dir    where data lives (default .data)
 *   --ready-json  print one line `READY {json}` when up (for test harnesses)
 */
const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'in-memory': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? '.data' },
    'ready-json': { type: 'boolean', default: false },
    'no-schedules': { type: 'boolean', default: false },
  },
});

const started = Date.now();
try {
  const stack = await startLocalStack({
    dataDir: resolve(values['data-dir']),
    fresh: values.fresh,
    inMemory: values['in-memory'],
    schedules: !values['no-schedules'],
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (values['ready-json']) {
    console.log(`READY ${JSON.stringify({ apiUrl: stack.apiUrl, siteUrl: stack.siteUrl, mailViewUrl: stack.mailViewUrl, issuer: stack.issuer, audience: stack.audience, dataDir: stack.dataDir, endpoints: stack.endpoints, env: stack.env })}`);
  }
  console.log([
    '',
    `  Opleidingsincentives — local stack up in ${seconds} s`,
    '',
    `  API        ${stack.apiUrl}/v1/health   (OpenAPI: ${stack.apiUrl}/v1/openapi.json)`,
    `  Site       ${stack.siteUrl}`,
    `  Mail view  ${stack.mailViewUrl}`,
    `  Data       ${stack.dataDir}`,
    '',
    '  Token:     npm run token -- --role provider --org 0403170701',
    '  Job:       npm run job -- stop-dates --now 2027-01-01T00:05:00+01:00',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  console.error(`\nThe local stack could not start:\n  ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
