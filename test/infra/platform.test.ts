import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buckets, tables } from '../../functions/storage/definitions';
import { accessFor } from '../../infra/cdk/function-access';
import { assertRouteAllowed } from '../../infra/cdk/stacks/api-stack';
import { apiFunctionNames, apiRoutes } from '../../infra/routes';
import { schedules } from '../../infra/schedules';
import { streamConsumers } from '../../infra/stream-consumers';
import { CATALOGUE_HEAD_KEY } from '../../functions/catalogue/keys';
import { cdkContext, policyStatements, refOf, resourcesOf, synthesize, type Synthesized } from './support';

// One offline synthesis (no bundling, cdk-nag on) shared by every test of this file.
let s: Synthesized;
beforeAll(() => {
  s = synthesize();
}, 120_000);

const flat = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

describe('cdk-nag AwsSolutions', () => {
  it('has zero unacknowledged findings', () => {
    // Prepare / Act: synthesize() ran the pack. Assess:
    expect(s.violations.map((v) => `${v.rule} at ${v.paths.join(', ')}`)).toEqual([]);
  });

  it('every acknowledgement gives a specific reason', () => {
    expect(s.acknowledgements.length).toBeGreaterThan(0);
    for (const ack of s.acknowledgements) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
      expect(ack.reason, `${ack.id} at ${ack.path}`).not.toMatch(/^(n\/a|ok|todo|fine|not needed|ignore)/i);
    }
  });
});

describe('data: tables', () => {
  it('every table of the definitions exists with PITR, on-demand billing, keys, indexes, stream and TTL', () => {
    const found = resourcesOf(s, 'AWS::DynamoDB::Table');
    expect(found).toHaveLength(tables.length);
    for (const definition of tables) {
      const match = found.find(({ resource }) => resource.Properties!.KeySchema[0].AttributeName === definition.partitionKey
        && (resource.Properties!.GlobalSecondaryIndexes ?? []).length === definition.globalIndexes.length
        && resource.Properties!.TimeToLiveSpecification?.AttributeName === definition.ttlAttribute);
      expect(match, definition.id).toBeDefined();
      const props = match!.resource.Properties!;
      expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect((props.GlobalSecondaryIndexes ?? []).map((i: { IndexName: string }) => i.IndexName).sort()).toEqual(definition.globalIndexes.map((i) => i.name).sort());
      expect(props.StreamSpecification?.StreamViewType).toBe(definition.stream);
    }
  });

  it('in production every table has deletion protection and is retained', () => {
    for (const { id, resource } of resourcesOf(s, 'AWS::DynamoDB::Table')) {
      expect(resource.Properties!.DeletionProtectionEnabled, id).toBe(true);
      expect(resource.DeletionPolicy, id).toBe('Retain');
    }
  });
});

describe('storage: buckets', () => {
  it('every bucket blocks public access, is encrypted and enforces TLS', () => {
    const all = resourcesOf(s, 'AWS::S3::Bucket');
    // the defined buckets, the site bucket and one access-log bucket per stack with buckets or a distribution (storage, site, api edge)
    expect(all.length).toBe(buckets.length + 4);
    const policies = resourcesOf(s, 'AWS::S3::BucketPolicy');
    for (const { stack, id, resource } of all) {
      expect(resource.Properties!.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(resource.Properties!.BucketEncryption, id).toBeDefined();
      const policy = policies.find((p) => p.stack === stack && refOf(p.resource.Properties!.Bucket) === id);
      expect(policy, `${id} has a bucket policy`).toBeDefined();
      const denyInsecure = (policy!.resource.Properties!.PolicyDocument.Statement as Array<Record<string, any>>)
        .find((st) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false');
      expect(denyInsecure, `${id} denies plain HTTP`).toBeDefined();
    }
  });

  it('CORS only on buckets that take browser uploads, and only for POST from the site', () => {
    const storage = [...s.json.entries()].find(([name]) => name.endsWith('-Storage'))![1];
    const withCors = Object.values(storage.Resources).filter((r) => r.Type === 'AWS::S3::Bucket' && r.Properties!.CorsConfiguration);
    expect(withCors).toHaveLength(buckets.filter((b) => b.browserUploads).length);
    for (const bucket of withCors) {
      for (const rule of bucket.Properties!.CorsConfiguration.CorsRules) {
        expect(rule.AllowedMethods).toEqual(['POST']);
        expect(rule.AllowedOrigins).toEqual([`https://${cdkContext.domain as string}`]);
      }
    }
  });

  it('buckets with an expiry in their definition have that lifecycle rule', () => {
    const rules = resourcesOf(s, 'AWS::S3::Bucket').flatMap(({ resource }) => resource.Properties!.LifecycleConfiguration?.Rules ?? []);
    for (const definition of buckets.filter((b) => b.expireAfterDays)) {
      expect(rules.some((r: { ExpirationInDays?: number }) => r.ExpirationInDays === definition.expireAfterDays), definition.id).toBe(true);
    }
  });
});

describe('api: routes and authorizer', () => {
  const routes = () => resourcesOf(s, 'AWS::ApiGatewayV2::Route');

  it('issue 12: every route has its own throttle; anonymous routes a lower one than the stage default, so they cannot starve providers', () => {
    const [stage] = resourcesOf(s, 'AWS::ApiGatewayV2::Stage');
    const settings = stage!.resource.Properties!.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(Object.keys(settings).sort()).toEqual(apiRoutes.map((r) => r.routeKey).sort());
    const stageRate = stage!.resource.Properties!.DefaultRouteSettings.ThrottlingRateLimit as number;
    for (const route of apiRoutes) {
      const limits = settings[route.routeKey]!;
      expect(limits.ThrottlingRateLimit, route.routeKey).toBeGreaterThan(0);
      if (route.auth.kind !== 'jwt') expect(limits.ThrottlingRateLimit, route.routeKey).toBeLessThan(stageRate);
    }
    expect(settings['GET /v1/trainings']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    // the stage waits for its routes (route settings name existing routes)
    expect((stage!.resource as { DependsOn?: string[] }).DependsOn?.length ?? 0).toBeGreaterThanOrEqual(apiRoutes.length);
  });

  it('one route per operation of the contract', () => {
    expect(routes().map((r) => r.resource.Properties!.RouteKey).sort()).toEqual(apiRoutes.map((r) => r.routeKey).sort());
  });

  it('every non-public route has the JWT authorizer; every public one is a GET without it', () => {
    const [authorizer] = resourcesOf(s, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer!.resource.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: cdkContext.oidcIssuer, Audience: cdkContext.oidcAudience },
    });
    for (const { resource } of routes()) {
      const key = resource.Properties!.RouteKey as string;
      const route = apiRoutes.find((r) => r.routeKey === key)!;
      if (route.auth.kind === 'jwt') {
        expect(resource.Properties!.AuthorizationType, key).toBe('JWT');
        expect(refOf(resource.Properties!.AuthorizerId), key).toBe(authorizer!.id);
      } else {
        expect(resource.Properties!.AuthorizationType ?? 'NONE', key).toBe('NONE');
        if (route.auth.kind === 'public') expect(key.startsWith('GET '), key).toBe(true);
        else expect(key, 'only the signed issuer webhook skips the authorizer').toMatch(/^POST /);
      }
    }
  });

  it('a public route that is not read-only fails the synth', () => {
    expect(() => assertRouteAllowed({ routeKey: 'POST /v1/x', method: 'POST', path: '/v1/x', fn: 'x', auth: { kind: 'public' } })).toThrow(/public but not read-only/);
    expect(() => assertRouteAllowed({ routeKey: 'GET /v1/x', method: 'GET', path: '/v1/x', fn: 'x', auth: { kind: 'public' } })).not.toThrow();
  });

  it('the stage throttles and writes access logs to a log group with retention', () => {
    const [stage] = resourcesOf(s, 'AWS::ApiGatewayV2::Stage');
    expect(stage!.resource.Properties!.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: cdkContext.apiRateLimit, ThrottlingBurstLimit: cdkContext.apiBurstLimit });
    const logGroup = refOf(stage!.resource.Properties!.AccessLogSettings.DestinationArn);
    expect(s.json.get(stage!.stack)!.Resources[logGroup!]!.Properties!.RetentionInDays).toBe(cdkContext.logRetentionDays);
  });
});

describe('jobs and streams: failure destinations', () => {
  it('every schedule runs in its time zone with the job input, retries and a dead-letter queue', () => {
    const found = resourcesOf(s, 'AWS::Scheduler::Schedule');
    expect(found).toHaveLength(schedules.length);
    for (const definition of schedules) {
      const match = found.find(({ resource }) => JSON.parse(resource.Properties!.Target.Input).job === definition.name);
      expect(match, definition.name).toBeDefined();
      const props = match!.resource.Properties!;
      expect(props.ScheduleExpression).toBe(definition.expression);
      expect(props.ScheduleExpressionTimezone).toBe(definition.timezone);
      expect(JSON.parse(props.Target.Input)).toEqual({ job: definition.name, time: '<aws.scheduler.scheduled-time>' });
      expect(props.Target.RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      const queue = refOf(props.Target.DeadLetterConfig.Arn);
      expect(s.json.get(match!.stack)!.Resources[queue!]!.Type).toBe('AWS::SQS::Queue');
    }
  });

  it('every stream consumer has its filters, bisect, partial batch responses, bounded retries and an on-failure queue', () => {
    const found = resourcesOf(s, 'AWS::Lambda::EventSourceMapping');
    expect(found).toHaveLength(streamConsumers.length);
    for (const consumer of streamConsumers) {
      const patterns = consumer.filters.map((f) => JSON.stringify(f));
      const match = found.find(({ resource }) => JSON.stringify(resource.Properties!.FilterCriteria?.Filters.map((f: { Pattern: string }) => f.Pattern)) === JSON.stringify(patterns));
      expect(match, consumer.name).toBeDefined();
      const props = match!.resource.Properties!;
      expect(props).toMatchObject({ BatchSize: consumer.batchSize, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], StartingPosition: 'TRIM_HORIZON' });
      expect(props.MaximumRetryAttempts).toBeGreaterThan(0);
      if (consumer.maxBatchingWindowSeconds > 0) expect(props.MaximumBatchingWindowInSeconds).toBe(consumer.maxBatchingWindowSeconds);
      const queue = refOf(props.DestinationConfig.OnFailure.Destination);
      expect(s.json.get(match!.stack)!.Resources[queue!]!.Type).toBe('AWS::SQS::Queue');
    }
  });
});

/** CDK's own handlers of the cross-region reference (decision 0013): one writer in us-east-1, one reader. */
const isCrossRegionHandler = (id: string) => /^CustomCrossRegionExport(Writer|Reader)CustomResourceProviderHandler/.test(id);

describe('functions', () => {
  const functions = () => resourcesOf(s, 'AWS::Lambda::Function').filter(({ id }) => !isCrossRegionHandler(id));

  it('one function per API area, job and stream consumer, the site updater (and only CDK\'s two cross-region reference handlers besides)', () => {
    expect(functions()).toHaveLength(apiFunctionNames.length + schedules.length + streamConsumers.length + 1);
    expect(functions().filter(({ resource }) => resource.Properties!.PackageType === 'Image').map(({ id }) => id)).toEqual([expect.stringMatching(/^SiteUpdater/)]);
    expect(resourcesOf(s, 'AWS::Lambda::Function').filter(({ id }) => isCrossRegionHandler(id)).map(({ stack }) => stack.replace(/^.*-/, '')).sort()).toEqual(['ApiEdge', 'ApiWaf']);
  });

  it('every function has nodejs24.x on arm64, explicit memory and timeout, tracing and a log group with retention', () => {
    for (const { stack, id, resource } of functions()) {
      const p = resource.Properties!;
      // The site updater is a container image (site/updater.Dockerfile: the Node 24 Lambda base image).
      if (p.PackageType !== 'Image') expect(p.Runtime, id).toBe('nodejs24.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.MemorySize, id).toBeGreaterThanOrEqual(128);
      expect(p.Timeout, id).toBeGreaterThan(0);
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.Environment.Variables.NODE_OPTIONS, id).toContain('--enable-source-maps');
      const logGroup = s.json.get(stack)!.Resources[refOf(p.LoggingConfig.LogGroup)!]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties!.RetentionInDays, id).toBe(cdkContext.logRetentionDays);
    }
  });

  it('every function alarms on errors and throttles to the alarm topic', () => {
    const alarms = resourcesOf(s, 'AWS::CloudWatch::Alarm');
    for (const { stack, id } of functions()) {
      for (const metric of ['Errors', 'Throttles']) {
        const alarm = alarms.find((a) => a.stack === stack && a.resource.Properties!.MetricName === metric
          && refOf(a.resource.Properties!.Dimensions?.[0]?.Value) === id);
        expect(alarm, `${metric} alarm of ${id}`).toBeDefined();
        expect(JSON.stringify(alarm!.resource.Properties!.AlarmActions)).toContain('Alarms');
      }
    }
    const queues = resourcesOf(s, 'AWS::SQS::Queue');
    for (const { stack, id } of queues) {
      expect(alarms.some((a) => a.stack === stack && a.resource.Properties!.MetricName === 'ApproximateNumberOfMessagesVisible'
        && refOf(a.resource.Properties!.Dimensions?.[0]?.Value) === id), `depth alarm of ${id}`).toBe(true);
    }
    expect(alarms.filter((a) => a.resource.Properties!.MetricName === 'IteratorAge')).toHaveLength(streamConsumers.length);
  });

  it('no secret value is in any environment: secrets are passed by ARN', () => {
    for (const { id, resource } of functions()) {
      const env = resource.Properties!.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(env), id).not.toContain('RRN_HMAC_SECRET');
      expect(Object.keys(env), id).not.toContain('ISSUER_WEBHOOK_SECRET');
    }
    // The one dynamic reference: CloudFront's origin-verify header (CloudFront takes header values only
    // in its configuration; the reference keeps the value out of the template).
    const references = [...s.json.entries()].flatMap(([stack, template]) => Object.entries(template.Resources)
      .filter(([, resource]) => JSON.stringify(resource).includes('{{resolve:secretsmanager'))
      .map(([id, resource]) => `${stack.replace(/^.*-/, '')} ${resource.Type} ${id.replace(/[0-9A-F]{8}$/, '')}`));
    expect(references).toEqual(['ApiEdge AWS::CloudFront::Distribution Distribution']);
  });

  it('each function gets exactly the variables of its access entry (bind… sets the variable and the grant together)', () => {
    const all = [
      ...s.stacks.api.functions, ...s.stacks.jobs.functions, ...s.stacks.streams.functions,
    ];
    for (const fn of all) {
      const access = accessFor(fn.kind, fn.functionName);
      const template = s.templates.get(Stack.of(fn).stackName)!;
      const logicalId = Stack.of(fn).resolve(Stack.of(fn).getLogicalId(fn.fn.node.defaultChild as never)) as string;
      const env = template.toJSON().Resources[logicalId].Properties.Environment.Variables as Record<string, unknown>;
      for (const definition of tables) expect(definition.envVar in env, `${fn.functionName} ${definition.envVar}`).toBe(definition.id in access.tables);
      for (const definition of buckets) expect(definition.envVar in env, `${fn.functionName} ${definition.envVar}`).toBe(definition.id in access.buckets);
      expect('MAIL_FROM' in env, `${fn.functionName} MAIL_FROM`).toBe(access.mail);
      expect('RRN_HMAC_SECRET_ARN' in env, `${fn.functionName} RRN_HMAC_SECRET_ARN`).toBe(access.secrets.includes('rrnHmac'));
      expect('ISSUER_WEBHOOK_SECRET_ARN' in env, `${fn.functionName} ISSUER_WEBHOOK_SECRET_ARN`).toBe(access.secrets.includes('issuerWebhook'));
      // issue 12: every API function refuses requests that did not come through CloudFront
      expect('ORIGIN_VERIFY_SECRET_ARN' in env, `${fn.functionName} ORIGIN_VERIFY_SECRET_ARN`).toBe(fn.kind === 'api');
      const policy = JSON.stringify(template.toJSON().Resources);
      if (access.mail) expect(policy).toContain('ses:FromAddress');
    }
  });
});

describe('IAM: least privilege', () => {
  /** Actions that support no resource-level permissions: "*" is the only possible resource. */
  const resourceless = new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams']);

  const statements = () => policyStatements(s);

  it('no action wildcard of our own, and "*" as a resource only for actions without resource-level permissions', () => {
    const all = statements();
    expect(all.length).toBeGreaterThan(0);
    for (const { path, statement } of all.filter(({ statement }) => statement.Effect === 'Allow')) {
      const actions = flat(statement.Action);
      expect(actions, path).not.toContain('*');
      for (const action of actions) expect(action, path).not.toMatch(/^[a-z0-9-]+:\*$/);
      if (flat(statement.Resource).includes('*')) {
        for (const action of actions) expect(resourceless.has(action), `${action} on * at ${path}`).toBe(true);
      }
      // Data never gets a wildcard: tables, indexes, streams and secrets are named exactly.
      for (const resource of flat(statement.Resource)) {
        if (actions.some((a) => a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams') || actions.some((a) => a.startsWith('secretsmanager:'))) {
          expect(resource, `${actions.join(',')} at ${path}`).not.toMatch(/\*/);
        }
      }
    }
  });

  it('every remaining wildcard (actions or resources) carries an acknowledged reason on that principal', () => {
    for (const { path, statement } of statements().filter(({ statement }) => statement.Effect === 'Allow')) {
      const wildcard = [...flat(statement.Action), ...flat(statement.Resource)].some((v) => v.includes('*'));
      if (!wildcard) continue;
      const acknowledged = s.acknowledgements.filter((a) => a.id.startsWith('AwsSolutions-IAM5') && (path === a.path || path.startsWith(`${a.path}/`)));
      expect(acknowledged.length, `wildcard at ${path}: ${JSON.stringify(statement)}`).toBeGreaterThan(0);
    }
  });
});

describe('site', () => {
  it('CloudFront reaches the private site bucket through origin access control, over HTTPS, with security headers', () => {
    const site = [...s.templates.entries()].find(([name]) => name.endsWith('-Site'))![1];
    site.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: Match.anyValue() }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
    site.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
          FrameOptions: Match.objectLike({ FrameOption: 'DENY' }),
          ContentTypeOptions: Match.anyValue(),
          ReferrerPolicy: Match.anyValue(),
        }),
      }),
    });
    // The CSP names the API origin (a token), so compare its text.
    const [policy] = resourcesOf(s, 'AWS::CloudFront::ResponseHeadersPolicy');
    const csp = JSON.stringify(policy!.resource.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(directive);
    // Issue 12: no inline scripts are allowed (the site has none; catalogue-site.test.ts checks every page).
    expect(/script-src [^;]*'unsafe-inline'/.test(csp)).toBe(false);
  });

  it('the build syncs only after a successful site build, in the same phase (a failed build keeps the previous site)', () => {
    const [project] = resourcesOf(s, 'AWS::CodeBuild::Project');
    const spec = JSON.parse(project!.resource.Properties!.Source.BuildSpec as string) as { phases: Record<string, { commands: string[] }> };
    expect(Object.keys(spec.phases)).not.toContain('post_build');
    const commands = spec.phases.build!.commands;
    const build = commands.findIndex((c) => c.includes('site/build.ts'));
    const firstSync = commands.findIndex((c) => c.includes('site/s3-deploy.ts'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(firstSync).toBeGreaterThan(build);
    const invalidation = commands.findIndex((c) => c.includes('create-invalidation'));
    expect(invalidation).toBeGreaterThan(firstSync);
    // Then the handover to the per-change updater (its state for this build, and the changes made meanwhile).
    expect(commands.at(-1)).toContain('site/update-handover.ts');
    expect(project!.resource.Properties!.ConcurrentBuildLimit).toBe(1);
  });

  it('a new catalogue head starts the site updater, with retries and a dead-letter queue', () => {
    const [updater] = resourcesOf(s, 'AWS::Lambda::Function').filter(({ resource }) => resource.Properties!.PackageType === 'Image');
    const rules = resourcesOf(s, 'AWS::Events::Rule').filter(({ resource }) => resource.Properties!.Targets?.some((t: { Arn: unknown }) => refOf(t.Arn) === updater!.id));
    expect(rules).toHaveLength(1);
    const { EventPattern, Targets } = rules[0]!.resource.Properties!;
    expect(EventPattern).toMatchObject({ 'source': ['aws.s3'], 'detail-type': ['Object Created'], 'detail': { object: { key: [CATALOGUE_HEAD_KEY] } } });
    expect(Targets[0].DeadLetterConfig.Arn).toBeDefined();
    expect(Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
    const catalogue = resourcesOf(s, 'AWS::S3::Bucket').filter(({ resource }) => resource.Properties!.NotificationConfiguration?.EventBridgeConfiguration?.EventBridgeEnabled);
    expect(catalogue).toHaveLength(1);
  });
});
