import { Duration, Fn, IgnoreMode, RemovalPolicy, Size, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import { Architecture, DockerImageCode, DockerImageFunction, LoggingFormat, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods, CachePolicy, Distribution, Function as CloudFrontFunction, FunctionCode, FunctionEventType,
  HeadersFrameOption, HeadersReferrerPolicy, HttpVersion, PriceClass, ResponseHeadersPolicy, SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BuildSpec, CfnProject, ComputeType, LinuxArmBuildImage, Project, Source } from 'aws-cdk-lib/aws-codebuild';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Bucket, CfnBucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';
import type { DeployConfig } from '../config';
import { repoRoot } from '../constructs/app-function';
import { nodeOptions } from '../constructs/bundling';
import { DeadLetterQueue } from '../constructs/dead-letter-queue';
import { accessLogBucket, secureBucketProps } from './storage-stack';
import { CATALOGUE_HEAD_KEY, CATALOGUE_SHARD_PREFIX, SITE_UPDATER_STATE_KEY } from '../../../functions/catalogue/keys';
import { siteContentSecurityPolicy } from '../../../shared/catalogue/site-security';

export interface SiteStackProps extends StackProps {
  config: DeployConfig;
  catalogueBucket: IBucket;
  /** Export name of the catalogue bucket's ARN (storage stack): stable ids for the grant and its acknowledgement. */
  catalogueBucketArnExport: string;
  apiUrl: string;
  logRetention: RetentionDays;
  alarmTopic: ITopic;
}

/** What the site build needs of the repository (uploaded as an asset; CodeBuild runs `npm ci` itself). */
const siteSourceExcludes = [
  '/*', '!/package.json', '!/package-lock.json', '!/tsconfig.json', '!/site/', '!/shared/',
  'site/node_modules/', 'site/dist/', 'site/.astro/', 'site/public/pagefind/',
];

/** What the per-change updater's image needs of the repository (site/updater.Dockerfile). */
const updaterImageExcludes = [
  '*', '!package.json', '!package-lock.json', '!tsconfig.json', '!site', '!shared', '!functions',
  'site/node_modules', 'site/dist', 'site/.astro', 'site/public/pagefind',
];

/** Pretty URLs: `/opleidingen/123/` → `/opleidingen/123/index.html` (Astro's directory format). */
const directoryIndex = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (!uri.split('/').pop().includes('.')) request.uri = uri + '/index.html';
  return request;
}`;

/**
 * The public catalogue: a private site bucket behind CloudFront (origin access control, security
 * headers); the per-change updater (a container-image Lambda, docs/decisions/0018) that each new
 * catalogue head (S3 event) starts, which renders and uploads only what changed and invalidates only
 * those paths; and the build service for full builds (first start, compaction), started by the updater:
 * CodeBuild assembles the catalogue from its shards, builds the Astro site and the Pagefind index,
 * deploys only changed files, invalidates, and hands over to the updater. Every step runs in the build
 * phase, so a failed build never touches the site that is online.
 */
export class SiteStack extends Stack {
  readonly siteBucket: Bucket;
  readonly distribution: Distribution;
  readonly buildProject: Project;
  readonly updater: DockerImageFunction;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logs = accessLogBucket(this, config);
    this.siteBucket = new Bucket(this, 'SiteBucket', {
      ...secureBucketProps(config),
      // The site is rebuilt from the catalogue at any time: no versions to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the public catalogue',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: siteContentSecurityPolicy({
            connect: [props.apiUrl, new URL(config.oidcIssuer).origin],
            formAction: [new URL(config.oidcIssuer).origin],
          }),
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true }],
      },
    });

    const certificate = config.siteCertificateArn ? Certificate.fromCertificateArn(this, 'Certificate', config.siteCertificateArn) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Opleidingsincentives ${config.stage} catalogue`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{
          eventType: FunctionEventType.VIEWER_REQUEST,
          function: new CloudFrontFunction(this, 'DirectoryIndex', { code: FunctionCode.fromInline(directoryIndex), comment: 'Directory index for pretty URLs' }),
        }],
      },
      defaultRootObject: 'index.html',
      // Without s3:ListBucket, a missing object is a 403 from S3: show the 404 page with status 404.
      errorResponses: [403, 404].map((status) => ({ httpStatus: status, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(1) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(certificate ? { certificate, domainNames: [config.domain], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The catalogue is public open data of the Flemish government, read from anywhere (also by Flemish workers abroad); no geo restriction.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'Static, read-only site from S3 with no dynamic origin; a WAF web ACL would add a fixed monthly cost to a pay-per-request platform for no attack surface.',
    });
    if (!certificate) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom certificate (context siteCertificateArn) CloudFront serves its default *.cloudfront.net certificate, whose TLS policy cannot be set; with a certificate TLSv1.2_2021 applies.',
      });
    }

    // The build service.
    const source = new Asset(this, 'SiteSource', { path: repoRoot, exclude: siteSourceExcludes, ignoreMode: IgnoreMode.GIT });
    const buildLogs = new LogGroup(this, 'BuildLogs', { retention: props.logRetention, removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
    this.buildProject = new Project(this, 'SiteBuild', {
      description: 'Republishes the catalogue site from the published catalogue (head + shards)',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      environment: { buildImage: LinuxArmBuildImage.AMAZON_LINUX_2023_STANDARD_3_0, computeType: ComputeType.LARGE },
      environmentVariables: {
        CATALOGUE_BUCKET: { value: props.catalogueBucket.bucketName },
        SITE_BUCKET: { value: this.siteBucket.bucketName },
        DISTRIBUTION_ID: { value: this.distribution.distributionId },
        PUBLIC_API_URL: { value: props.apiUrl },
        PUBLIC_SITE_URL: { value: config.siteUrl },
        PUBLIC_OIDC_ISSUER: { value: config.oidcIssuer },
        PUBLIC_OIDC_CLIENT_ID: { value: config.oidcClientId },
        PUBLIC_OIDC_SCOPES: { value: config.oidcScopes },
        ASTRO_TELEMETRY_DISABLED: { value: '1' },
      },
      // One build at a time: a change that arrives during a build triggers the next one.
      concurrentBuildLimit: 1,
      timeout: Duration.minutes(60),
      logging: { cloudWatch: { logGroup: buildLogs } },
      buildSpec: BuildSpec.fromObject({
        version: '0.2',
        env: { shell: 'bash' },
        phases: {
          install: { commands: ['npm ci --no-audit --no-fund'] },
          build: {
            // A failing command stops the phase: nothing is synced, the previous site stays online.
            commands: [
              // The catalogue assembled from its shards; the open-data downloads exported into the site bucket (multipart).
              'npx tsx site/assemble.ts --bucket "$CATALOGUE_BUCKET" --out /tmp/catalogue.json --open-data-bucket "$SITE_BUCKET" --seq-file /tmp/catalogue.seq',
              'rm -rf /tmp/site && npx tsx site/build.ts --catalogue /tmp/catalogue.json --out /tmp/site',
              'test -f /tmp/site/index.html',
              // Only changed files (assets, index chunks, pages, entry files last); files that left the build
              // stay an hour (open searches still fetch superseded index chunks); only changed paths are
              // invalidated (site/s3-deploy.ts, docs/decisions/0016). The open-data downloads are left alone.
              'npx tsx site/s3-deploy.ts --dir /tmp/site --bucket "$SITE_BUCKET" --invalidation-file /tmp/invalidation.json',
              'if [ -s /tmp/invalidation.json ]; then aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --invalidation-batch file:///tmp/invalidation.json; fi',
              // Hand over to the per-change updater: its state for this build, then the changes made meanwhile.
              'npx tsx site/update-handover.ts --catalogue /tmp/catalogue.json --seq-file /tmp/catalogue.seq --site /tmp/site',
            ],
          },
        },
      }),
    });
    // Every new catalogue head (the republisher writes `CATALOGUE_HEAD_KEY` after the shards) starts the
    // per-change updater (docs/decisions/0016, 0018): one at a time (reserved concurrency 1); an event
    // that arrives while it runs is throttled and retried by Lambda's event queue, and each run applies
    // everything changed since the state's sequence, so none is lost. The updater starts the build
    // service when a full build is due; the build's last step hands over again (site/update-handover.ts).
    const triggerDeadLetters = new DeadLetterQueue(this, 'BuildTriggerDeadLetters', { purpose: 'the site updater trigger (new catalogue head)', alarmTopic: props.alarmTopic });
    const updaterLogs = new LogGroup(this, 'UpdaterLogs', { retention: props.logRetention, removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY });
    const updaterRole = new Role(this, 'UpdaterRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'site updater: read the head and shards, its state, write the site, invalidate, start a full build',
    });
    updaterRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [updaterLogs.logGroupArn] }));
    this.updater = new DockerImageFunction(this, 'SiteUpdater', {
      description: 'Per-change site updater: renders and uploads only what a catalogue change touched (site/update.ts)',
      code: DockerImageCode.fromImageAsset(repoRoot, {
        file: 'site/updater.Dockerfile', platform: Platform.LINUX_ARM64, exclude: updaterImageExcludes, ignoreMode: IgnoreMode.DOCKER,
      }),
      architecture: Architecture.ARM_64,
      memorySize: 3008,
      ephemeralStorageSize: Size.gibibytes(2),
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 1,
      role: updaterRole,
      logGroup: updaterLogs,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: nodeOptions,
        POWERTOOLS_SERVICE_NAME: 'opleidingsincentives',
        CATALOGUE_BUCKET: props.catalogueBucket.bucketName,
        SITE_BUCKET: this.siteBucket.bucketName,
        DISTRIBUTION_ID: this.distribution.distributionId,
        SITE_BUILD_PROJECT: this.buildProject.projectName,
        PUBLIC_API_URL: props.apiUrl,
        PUBLIC_SITE_URL: config.siteUrl,
        PUBLIC_OIDC_ISSUER: config.oidcIssuer,
        PUBLIC_OIDC_CLIENT_ID: config.oidcClientId,
        PUBLIC_OIDC_SCOPES: config.oidcScopes,
        STAGE: config.stage,
      },
    });
    // Errors alarm at once; throttles are how a head that arrives during a run waits (reserved concurrency
    // 1), so only a sustained burst alarms.
    for (const [metricName, threshold, description] of [['Errors', 1, 'invocation errors'], ['Throttles', 100, 'a sustained burst of throttled updates']] as const) {
      new Alarm(this, `Updater${metricName}Alarm`, {
        alarmDescription: `site updater: ${description}`,
        metric: this.updater.metric(metricName, { statistic: 'Sum', period: Duration.minutes(5) }),
        threshold, evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(props.alarmTopic));
    }
    new Rule(this, 'UpdateOnNewHead', {
      description: 'A new catalogue head updates the site',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [props.catalogueBucket.bucketName] }, object: { key: [CATALOGUE_HEAD_KEY] } },
      },
      targets: [new LambdaFunction(this.updater, { deadLetterQueue: triggerDeadLetters.queue, retryAttempts: 185, maxEventAge: Duration.hours(24) })],
    });
    const catalogueArnForUpdater = Fn.importValue(props.catalogueBucketArnExport);
    updaterRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [`${catalogueArnForUpdater}/${CATALOGUE_HEAD_KEY}`, `${catalogueArnForUpdater}/${CATALOGUE_SHARD_PREFIX}*`] }));
    updaterRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [`${catalogueArnForUpdater}/${SITE_UPDATER_STATE_KEY}`] }));
    updaterRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [this.siteBucket.arnForObjects('*')] }));
    updaterRole.addToPrincipalPolicy(new PolicyStatement({
      actions: ['cloudfront:CreateInvalidation'],
      resources: [this.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: this.distribution.distributionId })],
    }));
    updaterRole.addToPrincipalPolicy(new PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.buildProject.projectArn] }));
    const updaterSiteBucketId = this.resolve(this.getLogicalId(this.siteBucket.node.defaultChild as CfnBucket)) as string;
    Validations.of(updaterRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${props.catalogueBucketArnExport}/${CATALOGUE_SHARD_PREFIX}*]`,
      reason: 'Read-only: the catalogue shards (256 objects catalogue/shards/00.json … ff.json), too many to list in a policy; of the rest of the catalogue bucket only the head and the updater state.',
    });
    Validations.of(updaterRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Only xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing), which support no resource-level permissions.',
    });
    Validations.of(updaterRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${updaterSiteBucketId}.Arn>/*]`,
      reason: 'The updater writes and deletes the changed pages and index files of the site bucket only (page paths are data: one per training); it never reads or lists it.',
    });

    const role = this.buildProject.role!;
    const projectLogicalId = this.resolve(this.getLogicalId(this.buildProject.node.defaultChild as CfnProject)) as string;
    const siteBucketLogicalId = this.resolve(this.getLogicalId(this.siteBucket.node.defaultChild as CfnBucket)) as string;
    const acknowledgements: Record<string, string> = {
      'AwsSolutions-IAM5[Action::s3:GetObject*]': 'Read-only grant of the S3 source binding on the CDK asset holding the site source archive (added by Source.s3).',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': 'Read-only grant of the S3 source binding on the CDK asset bucket (added by Source.s3), needed to fetch the site source archive.',
      'AwsSolutions-IAM5[Action::s3:List*]': 'Read-only grant of the S3 source binding on the CDK asset bucket (added by Source.s3), needed to fetch the site source archive.',
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:${this.region}:<AWS::AccountId>:log-group:/aws/codebuild/<${projectLogicalId}>:*]`]:
        "CodeBuild's default statement for the log streams (':*') of this project's own /aws/codebuild/<project> group.",
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:codebuild:${this.region}:<AWS::AccountId>:report-group/<${projectLogicalId}>-*]`]:
        "CodeBuild's default statement for test report groups named after this project only.",
      [`AwsSolutions-IAM5[Resource::<${siteBucketLogicalId}.Arn>/*]`]:
        'The build replaces the whole site: put and delete on the objects of the site bucket only (page paths are data: one per training).',
    };
    for (const [ackId, reason] of Object.entries(acknowledgements)) Validations.of(role).acknowledge({ id: ackId, reason });
    Validations.of(this.buildProject).acknowledge({
      id: 'AwsSolutions-CB4',
      reason: 'The build has no artifacts (it syncs the public site itself) and handles only public catalogue data; CodeBuild encrypts its logs with the AWS-managed key, a customer key would add a fixed monthly cost.',
    });
    // Exactly the head and the shards, nothing else of the catalogue bucket.
    const catalogueArn = Fn.importValue(props.catalogueBucketArnExport);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [`${catalogueArn}/${CATALOGUE_HEAD_KEY}`, `${catalogueArn}/${CATALOGUE_SHARD_PREFIX}*`] }));
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${props.catalogueBucketArnExport}/${CATALOGUE_SHARD_PREFIX}*]`,
      reason: 'Read-only: the catalogue shards (256 objects catalogue/shards/00.json … ff.json), too many to list in a policy; nothing else of the catalogue bucket but its head.',
    });
    // The handover (site/update-handover.ts): the updater's state, nothing else of its prefix.
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [`${catalogueArn}/${SITE_UPDATER_STATE_KEY}`] }));
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.siteBucket.bucketArn] }));
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [this.siteBucket.arnForObjects('*')] }));
    role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['cloudfront:CreateInvalidation'],
      resources: [this.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: this.distribution.distributionId })],
    }));
  }
}
