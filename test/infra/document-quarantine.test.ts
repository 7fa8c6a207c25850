import { beforeAll, describe, expect, it } from 'vitest';
import { documentsBucket } from '../../functions/storage/definitions';
import { policyStatements, resourcesOf, synthesize, type Synthesized } from './support';

/** Issue 12: rejected uploads are deleted from quarantine (provider function only), unconfirmed ones expire after a day. */
let s: Synthesized;
beforeAll(() => {
  s = synthesize();
}, 120_000);

function deleteStatements(): Array<{ path: string; resources: string[] }> {
  return policyStatements(s)
    .filter(({ statement }) => ([] as unknown[]).concat(statement.Action).some((a) => typeof a === 'string' && a.startsWith('s3:Delete')))
    .map(({ path, statement }) => ({ path, resources: ([] as unknown[]).concat(statement.Resource).map((r) => JSON.stringify(r)) }));
}

describe('documents bucket quarantine (issue 12)', () => {
  it('s3:DeleteObject on the documents bucket is granted to the provider function, and only under quarantine/', () => {
    const statements = deleteStatements().filter(({ resources }) => resources.some((r) => /documents/i.test(r)));
    expect(statements.some(({ path }) => /provider/i.test(path))).toBe(true);
    for (const { path, resources } of statements) {
      for (const resource of resources) expect(resource, path).toMatch(/\/quarantine\/\*"/);
    }
  });

  it('unconfirmed uploads expire after one day, under quarantine/ only', () => {
    const rules = resourcesOf(s, 'AWS::S3::Bucket').flatMap(({ resource }) => resource.Properties!.LifecycleConfiguration?.Rules ?? []);
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ ExpirationInDays: 1, Prefix: documentsBucket.expirePrefix })]));
    expect(documentsBucket.expirePrefix).toBe('quarantine/');
  });
});
