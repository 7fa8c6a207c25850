import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainTable } from '../../../functions/storage/definitions';
import { composeMail } from '../../../functions/mail/mail';
import { outboxPut } from '../../../functions/outbox/dynamo-store';
import { provisionTables } from '../../../infra/local/provision';
import { sentMails, stack } from '../../support/stack';

export const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** How the SES proxy in front of the emulator behaves: pass through, 500, swallow the request, or reject the message. */
export type SesMode = 'pass' | 'refuse' | 'blackhole' | 'reject';

/** A proxy in front of the stack's SES emulator whose behaviour a test switches at will (in-process fault hook). */
export async function sesProxy() {
  const upstream = new URL(stack().endpoints.ses);
  let mode: SesMode = 'pass';
  let requests = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests++;
    if (mode === 'blackhole') return; // never answers: only the client's request timeout ends this
    if (mode === 'refuse') { res.writeHead(500).end('<ErrorResponse><Error><Code>InternalFailure</Code><Message>down</Message></Error></ErrorResponse>'); return; }
    if (mode === 'reject') {
      res.writeHead(400, { 'content-type': 'text/xml' }).end('<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Email address is not verified.</Message></Error></ErrorResponse>');
      return;
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(forward);
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    set: (next: SesMode) => { mode = next; },
    requests: () => requests,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

/** A main table of the test's own (same definition as the stack's), so the stack's poller does not race it. */
export async function ownTable(prefix: string) {
  const table = `${prefix}-${Date.now()}`;
  const client = new DynamoDBClient({ endpoint: stack().endpoints.dynamodb, region: 'eu-west-1', credentials });
  await provisionTables(client, [{ ...mainTable, id: table }]);
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { table, doc };
}

/**
 * The environment of the outbox modules for a test: the stack's, with the test's table, SES behind the
 * proxy, short client timeouts and a dead-letter file of the test's own. Set before importing them.
 */
export function outboxTestEnv(table: string, sesEndpoint: string) {
  const deadLetterFile = join(mkdtempSync(join(tmpdir(), 'faults-')), 'dead-letters.jsonl');
  Object.assign(process.env, stack().env, {
    TABLE_NAME: table,
    AWS_ENDPOINT_URL_SES: sesEndpoint,
    LOCAL_DEAD_LETTER_FILE: deadLetterFile,
    AWS_CLIENT_CONNECTION_TIMEOUT_MS: '500',
    AWS_CLIENT_REQUEST_TIMEOUT_MS: '2000',
    AWS_CLIENT_MAX_ATTEMPTS: '2',
    OUTBOX_LEASE_SECONDS: '60',
    LOG_LEVEL: 'SILENT',
  });
  return { deadLetterFile };
}

export async function writeMail(doc: DynamoDBDocumentClient, table: string, id: string, to: string, now = new Date()) {
  const mail = composeMail([to], 'Bevestiging van uw aanvraag', ['Wij ontvingen uw aanvraag.']);
  await doc.send(new TransactWriteCommand({ TransactItems: [outboxPut(table, id, { kind: 'mail', mail }, now)] }));
}

export const mailsTo = async (to: string) => (await sentMails()).filter((m) => m.destination.to.includes(to));
