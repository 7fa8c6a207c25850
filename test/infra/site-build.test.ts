/**
 * The site's per-change updater and build service in the synthesized template (issue 13): the updater
 * (a container-image Lambda) started by the catalogue's head, with least privilege; the build service
 * reading only the head and the shards of the catalogue bucket (and writing the updater's state),
 * deploying only changed files with a grace period, and invalidating only the changed paths
 * (site/s3-deploy.ts) — never `/*` by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_HEAD_KEY, CATALOGUE_SHARD_PREFIX, SITE_UPDATER_STATE_KEY } from '../../functions/catalogue/keys';
import { refOf, resourcesOf, synthesize, type Synthesized } from './support';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
}, 120_000);

const buildCommands = () => {
  const [project] = resourcesOf(s, 'AWS::CodeBuild::Project');
  const spec = JSON.parse(project!.resource.Properties!.Source.BuildSpec as string) as { phases: { build: { commands: string[] } } };
  return spec.phases.build.commands;
};

describe('site build service', () => {
  it('assembles the catalogue from its shards, builds, then deploys only changed files and invalidates only changed paths', () => {
    const commands = buildCommands();
    const at = (text: string) => commands.findIndex((c) => c.includes(text));
    expect(at('site/assemble.ts')).toBeGreaterThanOrEqual(0);
    expect(at('site/build.ts')).toBeGreaterThan(at('site/assemble.ts'));
    expect(at('site/s3-deploy.ts')).toBeGreaterThan(at('site/build.ts'));
    expect(commands.join('\n')).not.toContain('s3 sync');
    expect(commands.join('\n')).not.toContain('--paths "/*"');
    expect(commands.join('\n')).toContain('--invalidation-batch file:///tmp/invalidation.json');
    // Last: the handover to the per-change updater, after the deployment.
    expect(at('site/update-handover.ts')).toBe(commands.length - 1);
    expect(at('site/update-handover.ts')).toBeGreaterThan(at('site/s3-deploy.ts'));
  });

  it('reads nothing of the catalogue bucket but the head and the shards, and writes only the updater state', () => {
    const [project] = resourcesOf(s, 'AWS::CodeBuild::Project');
    const statements = statementsOfRole(JSON.stringify(project!.resource.Properties!.ServiceRole));
    const catalogue = statements.filter((st) => JSON.stringify(st.Resource).includes('catalogue-bucket-arn'));
    expect(catalogue).toHaveLength(2);
    const reads = catalogue.find((st) => st.Action === 's3:GetObject');
    const text = JSON.stringify(reads!.Resource);
    expect(text).toContain(`/${CATALOGUE_HEAD_KEY}`);
    expect(text).toContain(`/${CATALOGUE_SHARD_PREFIX}*`);
    // Not the whole bucket (`<arn>/*`).
    expect(text).not.toContain('"/*"');
    const state = catalogue.find((st) => st !== reads);
    expect(state!.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(state!.Resource)).toContain(`/${SITE_UPDATER_STATE_KEY}`);
  });

  it('a new head starts the per-change updater; the build service is started by the updater, not by the head', () => {
    const rules = resourcesOf(s, 'AWS::Events::Rule').filter(({ resource }) => JSON.stringify(resource.Properties!.EventPattern ?? {}).includes(CATALOGUE_HEAD_KEY));
    expect(rules).toHaveLength(1);
    const [updater] = updaters();
    expect(refOf(rules[0]!.resource.Properties!.Targets[0].Arn)).toBe(updater!.id);
  });
});

const updaters = () => resourcesOf(s, 'AWS::Lambda::Function').filter(({ resource }) => resource.Properties!.PackageType === 'Image');

function statementsOfRole(roleRef: string): Array<{ Action: string | string[]; Resource: unknown; Effect: string }> {
  const roleId = roleRef.match(/"([A-Za-z0-9]+)"/)?.[1] ?? '?';
  return resourcesOf(s, 'AWS::IAM::Policy').filter(({ resource }) => JSON.stringify(resource.Properties!.Roles).includes(roleId))
    .flatMap(({ resource }) => resource.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown; Effect: string }>);
}

describe('per-change site updater (docs/decisions/0016, 0018)', () => {
  it('is an arm64 container image with reserved concurrency 1, memory, timeout, tracing and its own log group', () => {
    expect(updaters()).toHaveLength(1);
    const p = updaters()[0]!.resource.Properties!;
    expect(p.Architectures).toEqual(['arm64']);
    expect(p.ReservedConcurrentExecutions).toBe(1);
    expect(p.MemorySize).toBeGreaterThanOrEqual(2048);
    expect(p.Timeout).toBeGreaterThan(0);
    expect(p.TracingConfig).toEqual({ Mode: 'Active' });
    expect(p.Code.ImageUri).toBeDefined();
    expect(Object.keys(p.Environment.Variables)).toEqual(expect.arrayContaining(['CATALOGUE_BUCKET', 'SITE_BUCKET', 'DISTRIBUTION_ID', 'SITE_BUILD_PROJECT']));
  });

  it('least privilege: reads the head and shards, reads and writes its state, writes and deletes site files, invalidates, starts the full build; nothing else', () => {
    const p = updaters()[0]!.resource.Properties!;
    const statements = statementsOfRole(JSON.stringify(p.Role));
    const actions = (st: { Action: string | string[] }) => [st.Action].flat().sort().join(',');
    const byActions = new Map(statements.map((st) => [actions(st), st]));
    expect([...byActions.keys()].sort()).toEqual([
      'cloudfront:CreateInvalidation', 'codebuild:StartBuild', 'logs:CreateLogStream,logs:PutLogEvents',
      's3:DeleteObject,s3:PutObject', 's3:GetObject', 's3:GetObject,s3:PutObject', 'xray:PutTelemetryRecords,xray:PutTraceSegments',
    ]);
    const reads = JSON.stringify(byActions.get('s3:GetObject')!.Resource);
    expect(reads).toContain(`/${CATALOGUE_HEAD_KEY}`);
    expect(reads).toContain(`/${CATALOGUE_SHARD_PREFIX}*`);
    expect(JSON.stringify(byActions.get('s3:GetObject,s3:PutObject')!.Resource)).toContain(`/${SITE_UPDATER_STATE_KEY}`);
    const siteWrites = JSON.stringify(byActions.get('s3:DeleteObject,s3:PutObject')!.Resource);
    expect(siteWrites).toContain('SiteBucket');
    expect(siteWrites).not.toContain('catalogue-bucket-arn');
    expect(JSON.stringify(byActions.get('codebuild:StartBuild')!.Resource)).toContain('SiteBuild');
    expect(statements.every((st) => st.Effect === 'Allow')).toBe(true);
    expect(statements.some((st) => [st.Action].flat().includes('s3:ListBucket'))).toBe(false);
  });
});
