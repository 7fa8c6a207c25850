import { App, RemovalPolicy, Tags, Validations, type AppProps, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig, type DeployConfig } from './config';
import type { SharedResources } from './shared-resources';
import { ApiEdgeStack } from './stacks/api-edge-stack';
import { ApiStack } from './stacks/api-stack';
import { ApiWafStack } from './stacks/api-waf-stack';
import { DataStack } from './stacks/data-stack';
import { JobsStack } from './stacks/jobs-stack';
import { MailStack } from './stacks/mail-stack';
import { MonitoringStack } from './stacks/monitoring-stack';
import { SecretsStack } from './stacks/secrets-stack';
import { SiteStack } from './stacks/site-stack';
import { StorageStack } from './stacks/storage-stack';
import { StreamsStack } from './stacks/streams-stack';

export interface PlatformStacks {
  config: DeployConfig;
  monitoring: MonitoringStack;
  data: DataStack;
  storage: StorageStack;
  secrets: SecretsStack;
  mail: MailStack;
  api: ApiStack;
  /** The API's WAF WebACL, in us-east-1 (CLOUDFRONT scope). */
  apiWaf: ApiWafStack;
  /** The API's public address: CloudFront with the WebACL. */
  apiEdge: ApiEdgeStack;
  site: SiteStack;
  jobs: JobsStack;
  streams: StreamsStack;
}

const retentionByDays = new Map<number, RetentionDays>(
  Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number').map((v) => [v as number, v]),
);

/**
 * The whole platform, stacks by concern. Dependencies point one way: monitoring, data, storage,
 * secrets, mail → api → site (its CSP and build need the API URL) → streams (the republisher starts
 * the site build); jobs need no site.
 */
export function buildPlatform(app: App, options: { nag?: boolean } = {}): PlatformStacks {
  const config = readConfig(app.node);
  const logRetention = retentionByDays.get(config.logRetentionDays);
  if (logRetention === undefined) throw new Error(`logRetentionDays ${config.logRetentionDays} is not a CloudWatch retention (1, 3, 5, 7, 14, 30, 60, 90, …)`);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT || undefined, region: config.region };
  const props = (description: string): StackProps => ({ env, description: `Opleidingsincentives (${config.stage}): ${description}` });
  const name = (concern: string) => `Opleidingsincentives-${config.stage}-${concern}`;

  const monitoring = new MonitoringStack(app, name('Monitoring'), config, props('alarm topic'));
  const data = new DataStack(app, name('Data'), config, props('DynamoDB tables'));
  const storage = new StorageStack(app, name('Storage'), config, props('S3 buckets'));
  const secrets = new SecretsStack(app, name('Secrets'), config, props('Secrets Manager secrets'));
  const mail = new MailStack(app, name('Mail'), config, props('SES identity and configuration set'));

  const shared: SharedResources = {
    config,
    removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention,
    alarmTopic: monitoring.alarmTopic,
    tables: data.tables,
    buckets: storage.buckets,
    secrets: secrets.secrets,
    mail: { identityArn: mail.identityArn, configurationSetName: mail.configurationSetName, configurationSetArn: mail.configurationSetArn },
  };
  const api = new ApiStack(app, name('Api'), shared, props('HTTP API and its functions'));
  // A CLOUDFRONT-scope WebACL exists only in us-east-1: its own stack there, referenced across regions (decision 0013).
  const apiWaf = new ApiWafStack(app, name('ApiWaf'), config, {
    env: { account: env.account, region: config.edgeRegion },
    crossRegionReferences: true,
    description: `Opleidingsincentives (${config.stage}): WAF WebACL of the API (CloudFront scope, us-east-1)`,
  });
  const apiEdge = new ApiEdgeStack(app, name('ApiEdge'), {
    ...props('public address of the API: CloudFront with the WAF WebACL'),
    crossRegionReferences: true,
    config, apiEndpoint: api.url, webAclArn: apiWaf.webAcl.attrArn, originVerify: secrets.secrets.originVerify,
  });
  const catalogue = storage.buckets.get('catalogue');
  if (!catalogue) throw new Error('The site build needs the catalogue bucket');
  const site = new SiteStack(app, name('Site'), { ...props('catalogue site: CloudFront, site bucket, build service'), config, catalogueBucket: catalogue.bucket, catalogueBucketArnExport: catalogue.arnExport, apiUrl: apiEdge.url, logRetention, alarmTopic: monitoring.alarmTopic });
  const jobs = new JobsStack(app, name('Jobs'), shared, props('scheduled jobs'));
  const streams = new StreamsStack(app, name('Streams'), { ...shared, siteBuild: site.buildProject }, props('table stream consumers'));

  Tags.of(app).add('project', 'opleidingsincentives');
  Tags.of(app).add('stage', config.stage);
  if (options.nag !== false) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { config, monitoring, data, storage, secrets, mail, api, apiWaf, apiEdge, site, jobs, streams };
}

export function createApp(props?: AppProps, options?: { nag?: boolean }): { app: App; stacks: PlatformStacks } {
  const app = new App(props);
  return { app, stacks: buildPlatform(app, options) };
}
