import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buckets, mainTable, tables } from '../../functions/storage/definitions';
import { apiRoutes } from '../routes';
import { schedules, type ScheduleDefinition } from '../schedules';
import { fileDeadLetters, readDeadLetters } from '../../functions/adapters/dead-letters';
import type { DeadLetter } from '../../functions/outbox/store';
import { streamConsumers } from '../stream-consumers';
import { localIssuer, type LocalIssuer } from './auth';
import { startDynamo } from './emulators/dynamodb';
import { startS3 } from './emulators/s3';
import { startSes } from './emulators/ses';
import { localEnvironment } from './environment';
import { startGateway, type ExtraRoute } from './gateway';
import { signInRoutes } from './sign-in';
import { lambdaContext } from './lambda-context';
import { loadHandler } from './modules';
import { resolvePort } from './ports';
import { provisionBuckets, provisionTables, streamArnOf } from './provision';
import { localScheduler } from './scheduler';
import { loadOrCreateSecrets } from './secrets';
import { seedDemoIfEmpty } from './seed/demo-seed';
import { startSiteBuilder } from './site-builder';
import { startSiteServer } from './site-server';
import { startStreamPoller } from './streams';

export interface StackOptions {
  dataDir: string;
  /** Start from an empty store. */
  fresh?: boolean;
  /** Keep DynamoDB and S3 in memory only (tests). */
  inMemory?: boolean;
  ports?: Partial<Record<'api' | 'site' | 'dynamodb' | 's3' | 'ses', number>>;
  /** Run the schedules on real timers (off in tests: they use `npm run job` or advance the clock). */
  schedules?: boolean;
  log?: (line: string) => void;
}

export interface StackInfo {
  apiUrl: string;
  siteUrl: string;
  mailViewUrl: string;
  issuer: string;
  audience: string;
  dataDir: string;
  endpoints: { dynamodb: string; s3: string; ses: string };
  env: Record<string, string>;
}

export interface RunningStack extends StackInfo {
  localIssuer: LocalIssuer;
  runJob(name: string, now: Date): Promise<unknown>;
  streamsIdle(): Promise<void>;
  /** What the stream poller and the outbox gave up on (the local on-failure destination). */
  deadLetters(): DeadLetter[];
  /** Fault injection for the fault tests: stop DynamoDB Local (SIGTERM, or SIGKILL) and start it again on the same port and data. */
  restartDynamo(signal?: 'SIGTERM' | 'SIGKILL', downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const deadLetterFile = (dataDir: string) => join(dataDir, 'dead-letters.jsonl');

/** Local-only routes of the gateway for tests and operators (not part of the API contract). */
export const LOCAL_STREAMS_IDLE_PATH = '/local/streams/idle';
export const LOCAL_DEAD_LETTERS_PATH = '/local/dead-letters';

export const stackInfoFile = (dataDir: string) => join(dataDir, 'stack.json');

export async function startLocalStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dataDir = resolve(options.dataDir);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const env = process.env;
  const ports = {
    api: await resolvePort(options.ports?.api?.toString() ?? env.API_PORT, 3000, 'API', 'API_PORT'),
    site: await resolvePort(options.ports?.site?.toString() ?? env.SITE_PORT, 4321, 'site', 'SITE_PORT'),
    dynamodb: await resolvePort(options.ports?.dynamodb?.toString() ?? env.DYNAMODB_PORT, 8000, 'DynamoDB Local', 'DYNAMODB_PORT'),
    s3: await resolvePort(options.ports?.s3?.toString() ?? env.S3_PORT, 4566, 'S3 emulator', 'S3_PORT'),
    ses: await resolvePort(options.ports?.ses?.toString() ?? env.SES_PORT, 8005, 'SES emulator', 'SES_PORT'),
  };

  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    // Start the emulators side by side; whatever started is stopped again if another one fails.
    const [dynamoResult, s3Result, sesResult] = await Promise.allSettled([
      startDynamo({ port: ports.dynamodb, ...(options.inMemory ? {} : { dbPath: join(dataDir, 'dynamodb') }) }),
      startS3({ port: ports.s3, ...(options.inMemory ? {} : { dir: join(dataDir, 's3') }) }),
      startSes({ port: ports.ses }),
    ]);
    // DynamoDB Local may be restarted by a fault test: stop whichever process is current.
    let currentDynamo = dynamoResult.status === 'fulfilled' ? dynamoResult.value : undefined;
    if (currentDynamo) stops.push(() => currentDynamo?.stop());
    for (const result of [s3Result, sesResult]) {
      if (result.status === 'fulfilled') stops.push(() => result.value.stop());
    }
    for (const result of [dynamoResult, s3Result, sesResult]) {
      if (result.status === 'rejected') throw result.reason;
    }
    const dynamo = (dynamoResult as PromiseFulfilledResult<Awaited<ReturnType<typeof startDynamo>>>).value;
    const s3 = (s3Result as PromiseFulfilledResult<Awaited<ReturnType<typeof startS3>>>).value;
    const ses = (sesResult as PromiseFulfilledResult<Awaited<ReturnType<typeof startSes>>>).value;

    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const siteUrl = `http://127.0.0.1:${ports.site}`;
    const secrets = loadOrCreateSecrets(join(dataDir, 'secrets.json'));
    const handlerEnv = localEnvironment({ dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint, apiUrl, siteUrl }, secrets);
    // The local on-failure destination of the stream consumers and the outbox (AWS: SQS + alarm).
    handlerEnv.LOCAL_DEAD_LETTER_FILE = deadLetterFile(dataDir);
    const earlier = readDeadLetters(handlerEnv.LOCAL_DEAD_LETTER_FILE);
    if (earlier.length) log(`DEAD LETTERS: ${earlier.length} in ${handlerEnv.LOCAL_DEAD_LETTER_FILE} (GET ${LOCAL_DEAD_LETTERS_PATH})`);
    Object.assign(process.env, handlerEnv);

    const region = 'eu-west-1';
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const ddb = new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials });
    const s3Client = new S3Client({ endpoint: s3.endpoint, region, credentials, forcePathStyle: true });
    await provisionTables(ddb, tables);
    await provisionBuckets(s3Client, buckets, [siteUrl]);

    const issuer = await localIssuer({ keyFile: join(dataDir, 'auth', 'signing-key.json'), issuer: `${apiUrl}/local-auth` });
    const extraRoutes: ExtraRoute[] = [
      {
        method: 'GET', path: '/local-auth/jwks.json',
        handle: (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks)); },
      },
      ...signInRoutes(issuer, { subjectSecret: secrets.rrnHmacSecret }),
      {
        // Resolves when every stream consumer has handled what was written before the call (tests wait on it).
        method: 'GET', path: LOCAL_STREAMS_IDLE_PATH,
        handle: async (_req, res) => {
          const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref());
          const result = await Promise.race([poller ? poller.idle().then(() => 'idle' as const) : Promise.resolve('timeout' as const), timeout]);
          res.writeHead(result === 'idle' ? 204 : 504).end();
        },
      },
      {
        method: 'GET', path: LOCAL_DEAD_LETTERS_PATH,
        handle: (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(readDeadLetters(deadLetterFile(dataDir)))); },
      },
    ];
    let poller: ReturnType<typeof startStreamPoller> | undefined;
    const gateway = await startGateway({ port: ports.api, routes: apiRoutes, issuer, allowedOrigins: [siteUrl], extraRoutes, log: (line) => { if (env.LOG_REQUESTS) log(line); } });
    stops.push(() => gateway.stop());

    const streamsClient = new DynamoDBStreamsClient({ endpoint: dynamo.endpoint, region, credentials });
    poller = startStreamPoller({
      client: streamsClient,
      streamArn: await streamArnOf(ddb, mainTable.id),
      checkpointFile: join(dataDir, 'stream-checkpoints.json'),
      consumers: streamConsumers.map((consumer) => ({
        name: consumer.name,
        filters: consumer.filters,
        batchSize: consumer.batchSize,
        batchingWindowMs: consumer.maxBatchingWindowSeconds * 1000,
        handler: async (event: DynamoDBStreamEvent) => {
          const handler = await loadHandler<(e: DynamoDBStreamEvent, c: unknown) => Promise<void>>(consumer.entry);
          return handler(event, lambdaContext(`stream-${consumer.name}`, 300_000));
        },
      })),
      deadLetters: fileDeadLetters(deadLetterFile(dataDir)),
      log,
    });
    const runningPoller = poller;
    stops.push(() => runningPoller.stop());

    // The public site: the local build service (watches the catalogue snapshot) and the static server.
    const siteBuilder = startSiteBuilder({ dataDir, bucket: handlerEnv.CATALOGUE_BUCKET as string, s3: s3Client, log });
    stops.push(() => siteBuilder.stop());
    const siteServer = await startSiteServer({ dataDir, port: ports.site, openData: { s3: s3Client, bucket: handlerEnv.CATALOGUE_BUCKET as string } });
    stops.push(() => siteServer.stop());
    await seedDemoIfEmpty(handlerEnv.TABLE_NAME as string, log);

    const invokeJob = async (definition: ScheduleDefinition, time: Date) => {
      const handler = await loadHandler<(e: unknown, c: unknown) => Promise<unknown>>(definition.entry);
      return handler({ job: definition.name, time: time.toISOString() }, lambdaContext(`job-${definition.name}`, 900_000));
    };
    const scheduler = localScheduler(schedules, invokeJob, log);
    if (options.schedules !== false) scheduler.start();
    stops.push(() => scheduler.stop());

    const info: StackInfo = {
      apiUrl, siteUrl, mailViewUrl: ses.viewUrl, issuer: issuer.issuer, audience: issuer.audience, dataDir,
      endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, ses: ses.endpoint },
      env: handlerEnv,
    };
    // It holds both HMAC secrets: owner-only, also when an earlier run left the file behind.
    writeFileSync(stackInfoFile(dataDir), JSON.stringify(info, null, 2), { mode: 0o600 });
    chmodSync(stackInfoFile(dataDir), 0o600);
    stops.push(() => rmSync(stackInfoFile(dataDir), { force: true }));

    return {
      ...info,
      localIssuer: issuer,
      runJob: async (name, now) => {
        const definition = schedules.find((s) => s.name === name);
        if (!definition) throw new Error(`Unknown job "${name}". Jobs: ${schedules.map((s) => s.name).join(', ')}`);
        return invokeJob(definition, now);
      },
      streamsIdle: () => runningPoller.idle(),
      deadLetters: () => readDeadLetters(deadLetterFile(dataDir)),
      restartDynamo: async (signal = 'SIGTERM', downMs = 0) => {
        await currentDynamo?.stop(signal);
        if (downMs) await new Promise((r) => setTimeout(r, downMs));
        currentDynamo = await startDynamo({ port: ports.dynamodb === 0 ? Number(new URL(dynamo.endpoint).port) : ports.dynamodb, ...(options.inMemory ? {} : { dbPath: join(dataDir, 'dynamodb') }) });
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
