/**
 * The site's build service in the synthesized template (issue 13): started by the catalogue's head,
 * reading only the head and the shards of the catalogue bucket, deploying only changed files with a
 * grace period, and invalidating only the changed paths (site/deploy.ts) — never `/*` by itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_HEAD_KEY, CATALOGUE_SHARD_PREFIX } from '../../functions/catalogue/keys';
import { resourcesOf, synthesize, type Synthesized } from './support';

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
    expect(at('site/deploy.ts')).toBeGreaterThan(at('site/build.ts'));
    expect(commands.join('\n')).not.toContain('s3 sync');
    expect(commands.join('\n')).not.toContain('--paths "/*"');
    expect(commands.at(-1)).toContain('--invalidation-batch file:///tmp/invalidation.json');
  });

  it('reads nothing of the catalogue bucket but the head and the shards', () => {
    const [project] = resourcesOf(s, 'AWS::CodeBuild::Project');
    const roleId = JSON.stringify(project!.resource.Properties!.ServiceRole);
    const policies = resourcesOf(s, 'AWS::IAM::Policy').filter(({ resource }) => JSON.stringify(resource.Properties!.Roles).includes(roleId.match(/"([A-Za-z0-9]+)"/)?.[1] ?? '?'));
    const statements = policies.flatMap(({ resource }) => resource.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const catalogueReads = statements.filter((st) => JSON.stringify(st.Resource).includes('catalogue-bucket-arn'));
    expect(catalogueReads).toHaveLength(1);
    expect(catalogueReads[0]!.Action).toBe('s3:GetObject');
    const text = JSON.stringify(catalogueReads[0]!.Resource);
    expect(text).toContain(`/${CATALOGUE_HEAD_KEY}`);
    expect(text).toContain(`/${CATALOGUE_SHARD_PREFIX}*`);
    // Not the whole bucket (`<arn>/*`).
    expect(text).not.toContain('"/*"');
  });

  it('a new head starts the build', () => {
    const rules = resourcesOf(s, 'AWS::Events::Rule').filter(({ resource }) => JSON.stringify(resource.Properties!.EventPattern ?? {}).includes(CATALOGUE_HEAD_KEY));
    expect(rules).toHaveLength(1);
  });
});
