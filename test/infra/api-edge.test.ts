import { Stack } from 'aws-cdk-lib';
import type { Policy } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeyPrefix } from '../../functions/http/idempotency';
import type { AppFunction } from '../../infra/cdk/constructs/app-function';
import { countedManagedRules } from '../../infra/cdk/stacks/api-waf-stack';
import { operations } from '../../shared/api/contract';
import { RATE_LIMITS } from '../../shared/quotas/rate-limits';
import { refOf, resourcesOf, synthesize, type Synthesized } from './support';

// Issue 12: the WAF in front of the public HTTP API, and least privilege of the functions' table grants.
let s: Synthesized;
beforeAll(() => {
  s = synthesize();
}, 120_000);

const stackNamed = (suffix: string) => [...s.json.entries()].find(([name]) => name.endsWith(`-${suffix}`))!;
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('issue 12: WAF WebACL in front of the API (us-east-1, CLOUDFRONT scope)', () => {
  const webAcl = () => {
    const found = resourcesOf(s, 'AWS::WAFv2::WebACL');
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const rule = (name: string) => (webAcl().resource.Properties!.Rules as Array<Record<string, any>>).find((r) => r.name === name || r.Name === name)!;

  it('lives in its own stack in us-east-1 with CLOUDFRONT scope', () => {
    expect(webAcl().stack).toMatch(/-ApiWaf$/);
    expect(s.stacks.apiWaf.region).toBe('us-east-1');
    expect(webAcl().resource.Properties!.Scope).toBe('CLOUDFRONT');
    expect(webAcl().resource.Properties!.DefaultAction).toEqual({ Allow: {} });
  });

  it('an anonymous tier (GET without Authorization) and a higher all-requests tier, per IP, from configuration, answering 429 problem+json with Retry-After', () => {
    const anonymous = rule(`rate-${RATE_LIMITS.anonymous.id}`);
    const all = rule(`rate-${RATE_LIMITS.all.id}`);
    expect(anonymous.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: RATE_LIMITS.anonymous.defaultLimit, EvaluationWindowSec: 300 });
    expect(all.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: RATE_LIMITS.all.defaultLimit, EvaluationWindowSec: 300 });
    expect(all.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    expect(anonymous.Statement.RateBasedStatement.Limit).toBeLessThan(all.Statement.RateBasedStatement.Limit);
    // the anonymous tier: method GET and no Authorization header
    const scope = JSON.stringify(anonymous.Statement.RateBasedStatement.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"GET"');
    expect(scope).toMatch(/"NotStatement":\{"Statement":\{"SizeConstraintStatement":\{"ComparisonOperator":"GT","FieldToMatch":\{"SingleHeader":\{"Name":"authorization"\}\},"Size":0/);
    // rate rules come before the managed groups, and block with the problem document
    expect(anonymous.Priority).toBeLessThan(10);
    for (const r of [anonymous, all]) {
      const response = r.Action.Block.CustomResponse;
      expect(response.ResponseCode).toBe(429);
      expect(response.ResponseHeaders).toEqual(expect.arrayContaining([{ Name: 'Retry-After', Value: '60' }]));
      const body = webAcl().resource.Properties!.CustomResponseBodies[response.CustomResponseBodyKey];
      expect(body.ContentType).toBe('APPLICATION_JSON');
      expect(JSON.parse(body.Content)).toMatchObject({ status: 429, title: 'Te veel aanvragen', type: expect.stringMatching(/rate-limited$/) });
    }
  });

  it('AWS managed common rule set and known bad inputs, with only the rules that break the API counted (body size: applications exceed 8 KB)', () => {
    for (const [name, counted] of Object.entries(countedManagedRules)) {
      const group = rule(name);
      expect(group.OverrideAction).toEqual({ None: {} });
      expect(group.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS', Name: name });
      expect((group.Statement.ManagedRuleGroupStatement.RuleActionOverrides ?? []).map((o: { Name: string; ActionToUse: unknown }) => [o.Name, o.ActionToUse])).toEqual(counted.map((c) => [c, { Count: {} }]));
    }
    expect(Object.keys(countedManagedRules).sort()).toEqual(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']);
    expect(countedManagedRules.AWSManagedRulesCommonRuleSet).toContain('SizeRestrictions_BODY');
  });

  it('the limits are configuration: context values of the environment variable names', () => {
    const other = synthesize({ [RATE_LIMITS.anonymous.envVar]: 300, [RATE_LIMITS.all.envVar]: '4000' });
    const [acl] = resourcesOf(other, 'AWS::WAFv2::WebACL');
    const limits = Object.fromEntries((acl!.resource.Properties!.Rules as Array<Record<string, any>>).filter((r) => r.Statement.RateBasedStatement).map((r) => [r.Name, r.Statement.RateBasedStatement.Limit]));
    expect(limits).toEqual({ 'rate-anonymous': 300, 'rate-all': 4000 });
    // the OpenAPI document states what is deployed: the API functions get the same values
    const [platform] = resourcesOf(other, 'AWS::Lambda::Function').filter(({ id }) => id.startsWith('PlatformApi'));
    expect(platform!.resource.Properties!.Environment.Variables).toMatchObject({ [RATE_LIMITS.anonymous.envVar]: '300', [RATE_LIMITS.all.envVar]: '4000' });
    expect(() => synthesize({ [RATE_LIMITS.anonymous.envVar]: 5 })).toThrow(/between 10 and/);
  }, 120_000);
});

describe('issue 12: CloudFront in front of the API', () => {
  const distribution = () => {
    const [, template] = stackNamed('ApiEdge');
    const found = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::CloudFront::Distribution');
    expect(found).toHaveLength(1);
    return { template, config: found[0]![1].Properties!.DistributionConfig as Record<string, any> };
  };

  it('is associated with the WebACL through the cross-region reference', () => {
    const { template, config } = distribution();
    const reader = refOf(config.WebACLId)!;
    expect(template.Resources[reader]!.Type).toBe('Custom::CrossRegionExportReader');
    expect(JSON.stringify(config.WebACLId)).toContain('ApiWebAclArn');
    const [, waf] = stackNamed('ApiWaf');
    const writer = Object.values(waf.Resources).find((r) => r.Type === 'Custom::CrossRegionExportWriter')!;
    expect(JSON.stringify(writer.Properties)).toContain('"ApiWebAcl","Arn"');
  });

  it('caches nothing and forwards every viewer header but Host (Authorization, Idempotency-Key) and the query string, for every method', () => {
    const { config } = distribution();
    const behaviour = config.DefaultCacheBehavior;
    expect(behaviour.CachePolicyId).toBe(CACHING_DISABLED);
    expect(behaviour.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    expect(behaviour.AllowedMethods.sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    expect(behaviour.ViewerProtocolPolicy).toBe('https-only');
    expect(config.CacheBehaviors).toBeUndefined();
    expect(config.Logging.Prefix).toBe('api-cloudfront/');
  });

  it('reaches the execute-api endpoint over TLS 1.2 and adds the origin-verify secret as a header', () => {
    const { config } = distribution();
    const [origin] = config.Origins;
    expect(JSON.stringify(origin.DomainName)).toMatch(/ApiEndpoint/);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    const header = origin.OriginCustomHeaders.find((h: { HeaderName: string }) => h.HeaderName === 'X-Origin-Verify');
    expect(JSON.stringify(header.HeaderValue)).toMatch(/\{\{resolve:secretsmanager:.*OriginVerifySecret.*:SecretString:::\}\}/);
  });

  it('the site calls the API through CloudFront (CSP connect-src and the build\'s PUBLIC_API_URL), and the site distribution stays without a WebACL', () => {
    const [, site] = stackNamed('Site');
    const [project] = Object.values(site.Resources).filter((r) => r.Type === 'AWS::CodeBuild::Project');
    const apiUrl = JSON.stringify((project!.Properties!.Environment.EnvironmentVariables as Array<{ Name: string; Value: unknown }>).find((v) => v.Name === 'PUBLIC_API_URL')!.Value);
    expect(apiUrl).toMatch(/ApiEdge.*Distribution.*DomainName/);
    expect(apiUrl).not.toMatch(/ApiEndpoint/);
    const csp = JSON.stringify(Object.values(site.Resources).find((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!.Properties);
    expect(csp).toMatch(/ApiEdge.*Distribution.*DomainName/);
    const siteDistribution = Object.values(site.Resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    expect(siteDistribution.Properties!.DistributionConfig.WebACLId).toBeUndefined();
  });
});

describe('issue 12: least privilege of table grants', () => {
  type Statement = { Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, string[]>> };
  const statementsOf = (fn: AppFunction): Statement[] => {
    const policy = fn.role.node.tryFindChild('DefaultPolicy') as Policy | undefined;
    return policy ? (Stack.of(fn).resolve(policy.document) as { Statement: Statement[] }).Statement : [];
  };
  const all = () => [...s.stacks.api.functions, ...s.stacks.jobs.functions, ...s.stacks.streams.functions];
  const fn = (kind: string, name: string) => all().find((f) => f.kind === kind && f.functionName === name)!;
  const onTable = (statements: Statement[], table: 'MainTable' | 'IdempotencyTable' | 'QuotaTable') =>
    // item access (the stream consumers' stream grants are on the table's stream, not its items)
    statements.filter((st) => JSON.stringify(st.Resource).includes(table) && [st.Action].flat().some((a) => a === 'dynamodb:GetItem' || a === 'dynamodb:Query'));
  const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

  it('read-only functions hold no write action on the main table (the republishers only Query registrations)', () => {
    for (const [kind, name] of [['stream', 'republish'], ['job', 'republish-catalogue']] as const) {
      const grants = onTable(statementsOf(fn(kind, name)), 'MainTable');
      expect(grants.length, `${kind} ${name}`).toBe(1);
      const actions = [grants[0]!.Action].flat();
      expect(actions, `${kind} ${name}`).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      for (const write of writes) expect(actions, `${kind} ${name}`).not.toContain(write);
    }
  });

  it('the platform (health, OpenAPI, /v1/me) and open-data search functions have no table at all', () => {
    for (const name of ['platform', 'catalogue']) {
      const dynamo = statementsOf(fn('api', name)).filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')));
      expect(dynamo, name).toEqual([]);
    }
  });

  it('the issuer webhook reaches only cheque requests, issuer events, budgets and outbox items (dynamodb:LeadingKeys)', () => {
    const grants = onTable(statementsOf(fn('api', 'issuer')), 'MainTable');
    expect(grants).toHaveLength(1);
    expect(grants[0]!.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CHQ#*', 'ISSUEREVENT#*', 'WORKER#*', 'OUTBOX#*'] } });
  });

  it('every grant on the idempotency table is limited to the area\'s own records, every quota grant to the area\'s own counters', () => {
    let idempotent = 0;
    let quota = 0;
    for (const f of s.stacks.api.functions) {
      const ops = operations.filter((op) => op.fn === f.functionName);
      for (const grant of onTable(statementsOf(f), 'IdempotencyTable')) {
        idempotent++;
        expect(grant.Condition, f.functionName).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${idempotencyKeyPrefix(f.functionName)}#*`] } });
      }
      for (const grant of onTable(statementsOf(f), 'QuotaTable')) {
        quota++;
        const ids = [...new Set(ops.flatMap((op) => (op.quotas ?? []).map((q) => q.id)))];
        expect([...grant.Condition!['ForAllValues:StringLike']!['dynamodb:LeadingKeys']!].sort(), f.functionName).toEqual(ids.map((id) => `${id}#*`).sort());
      }
    }
    expect(idempotent).toBe(new Set(operations.filter((op) => op.idempotent).map((op) => op.fn)).size);
    expect(quota).toBe(new Set(operations.filter((op) => op.quotas?.length).map((op) => op.fn)).size);
  });
});
