import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRegistrationItem } from '../../../functions/registrations/items';
import { keys } from '../../../functions/storage/keys';
import { registration } from '../../unit/catalogue/registration-fixture';
import { stack } from '../../support/stack';

const root = resolve(import.meta.dirname, '../../..');
const runJobCli = (...args: string[]) => spawnSync(resolve(root, 'node_modules/.bin/tsx'), ['infra/local/cli/job.ts', ...args], {
  cwd: root, encoding: 'utf8', env: { ...process.env, DATA_DIR: stack().dataDir, LOG_LEVEL: 'SILENT' }, timeout: 60_000,
});

describe('npm run job -- <name> --now <ISO time>', () => {
  it('R-REG-1: runs one job once against the running local stack, at the time given', async () => {
    // Prepare: a registration whose stop date (2 March 1950) is earlier than any other test's due date.
    // Other files run stop-dates concurrently at later times, and such a run also stops this one, so the
    // day-before step asserts on what this run did (nothing can be due at 1 March 1950 but this one).
    const info = stack();
    const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: info.endpoints.dynamodb, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    const odbNumber = `ODB-Z8${String(randomInt(0, 100_000)).padStart(5, '0')}`;
    const reg = registration({ odbNumber, validFrom: '1949-01-10', stopDate: '1950-03-02', stopReason: 'Niet meer georganiseerd' });
    await doc.send(new PutCommand({ TableName: info.env.TABLE_NAME, Item: toRegistrationItem(reg, 1, new Date().toISOString(), new Date()) }));
    const status = async () => (await doc.send(new GetCommand({ TableName: info.env.TABLE_NAME, Key: keys.registration(odbNumber) }))).Item?.status;

    // Act + Assess: the day before, nothing happens; at 00:05 on the stop date it is stopped
    const before = runJobCli('stop-dates', '--now', '1950-03-01T00:05:00+01:00');
    expect(before.status).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({ job: 'stop-dates', changed: 0 });
    const onTime = runJobCli('stop-dates', '--now', '1950-03-02T00:05:00+01:00');
    expect(onTime.status).toBe(0);
    expect(JSON.parse(onTime.stdout)).toMatchObject({ job: 'stop-dates' });
    expect(await status()).toBe('stopped');
    doc.destroy();
  });

  it('names the jobs when the name is unknown, and refuses a time that is not ISO 8601', () => {
    const unknown = runJobCli('no-such-job');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('stop-dates');
    const badTime = runJobCli('stop-dates', '--now', 'tomorrow');
    expect(badTime.status).toBe(2);
    expect(badTime.stderr).toMatch(/ISO 8601/);
  });
});
