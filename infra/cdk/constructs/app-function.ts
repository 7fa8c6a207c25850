import { Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IProject } from 'aws-cdk-lib/aws-codebuild';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, RuntimeFamily, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BucketDefinition, TableDefinition } from '../../../functions/storage/definitions';
import type { BucketAccess, FunctionKind, TableAccess } from '../function-access';
import { bundleSettings, nodeOptions } from './bundling';

export const repoRoot = resolve(import.meta.dirname, '../../..');

/** `nodejs24.x`, also with an aws-cdk-lib that predates the constant. */
export const nodeRuntime: Runtime =
  (Runtime as unknown as Record<string, Runtime | undefined>).NODEJS_24_X ?? new Runtime('nodejs24.x', RuntimeFamily.NODEJS);

export interface AppFunctionProps {
  kind: FunctionKind;
  /** Area, job or consumer name; part of the function's description and alarms. */
  name: string;
  /** Module (relative to the repository root) exporting `handler`. */
  entry: string;
  memorySize: number;
  timeout: Duration;
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
  alarmTopic: ITopic;
  environment?: Record<string, string>;
}

const tableActions: Record<TableAccess, string[]> = {
  // No Scan: jobs Query the due index, lists Query gsi1/gsi2 (a Scan would not scale with the catalogue).
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
  readWrite: [
    'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable',
    'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem',
  ],
};

/**
 * THE Lambda function of this project: Node.js 24 on arm64, explicit memory and timeout, its own log
 * group with retention, X-Ray tracing, an ESM bundle (AWS SDK included, minified, source maps), its own
 * role that starts with nothing but writing its logs, and alarms on errors and throttles.
 * Access is added only through the `bind…` helpers, each of which sets the environment variable the
 * handler reads AND grants exactly the matching permissions.
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly kind: FunctionKind;
  readonly functionName: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    if (!existsSync(resolve(repoRoot, props.entry))) {
      throw new Error(`${props.kind} ${props.name}: its handler module ${props.entry} does not exist (every route, job and consumer needs one)`);
    }
    this.kind = props.kind;
    this.functionName = props.name;
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.kind} ${props.name}: only what function-access.ts grants`,
    });
    // Writing its own log group, instead of the managed AWSLambdaBasicExecutionRole (logs on *).
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [this.logGroup.logGroupArn],
    }));

    this.fn = new NodejsFunction(this, 'Function', {
      entry: resolve(repoRoot, props.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: resolve(repoRoot, 'package-lock.json'),
      description: `${props.kind} ${props.name} (${props.entry})`,
      runtime: nodeRuntime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: nodeOptions,
        POWERTOOLS_SERVICE_NAME: 'opleidingsincentives',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        platform: bundleSettings.platform,
        target: bundleSettings.target,
        minify: bundleSettings.minify,
        sourceMap: bundleSettings.sourcemap,
        sourcesContent: bundleSettings.sourcesContent,
        mainFields: [...bundleSettings.mainFields],
        banner: bundleSettings.banner,
        bundleAwsSDK: true,
        externalModules: [...bundleSettings.external],
      },
    });
    // Active tracing adds xray:PutTraceSegments/PutTelemetryRecords on "*" to the role; a DynamoDB
    // stream event source adds dynamodb:ListStreams on "*". Neither action supports resource-level permissions.
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: props.kind === 'stream'
        ? 'Only actions without resource-level permissions: xray:PutTraceSegments/PutTelemetryRecords (tracing) and dynamodb:ListStreams (stream event source); stream reads are on the table stream ARN.'
        : 'Only xray:PutTraceSegments and xray:PutTelemetryRecords (active tracing), which support no resource-level permissions.',
    });

    const alarm = (metricName: 'Errors' | 'Throttles', description: string) => {
      const created = new Alarm(this, `${metricName}Alarm`, {
        alarmDescription: `${props.kind} ${props.name}: ${description}`,
        metric: this.fn.metric(metricName, { statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(props.alarmTopic));
      return created;
    };
    alarm('Errors', 'invocation errors');
    alarm('Throttles', 'throttled invocations');
  }

  /** Plain configuration (never a secret). */
  bindEnv(name: string, value: string): this {
    this.fn.addEnvironment(name, value);
    return this;
  }

  /**
   * The table's name in `definition.envVar`, and item-level access to the table and its own indexes only;
   * with `leadingKeys`, only to items whose partition key matches one of the patterns
   * (`ForAllValues:StringLike` on `dynamodb:LeadingKeys`, checked by IAM for every item of a batch or transaction).
   */
  bindTable(table: ITable, definition: TableDefinition, access: TableAccess, leadingKeys?: readonly string[]): this {
    this.fn.addEnvironment(definition.envVar, table.tableName);
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: tableActions[access],
      resources: [table.tableArn, ...definition.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`)],
      ...(leadingKeys?.length ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] } } } : {}),
    }));
    return this;
  }

  /**
   * The bucket's name in `definition.envVar`; objects are read (GET, presigned GET) and/or written
   * (PUT, presigned POST). Object keys are data (one per document or order), so the object grant is
   * `<bucket>/*` of that one bucket: `bucket.arnExport` names the exported bucket ARN, which makes the
   * finding id stable for its acknowledgement.
   */
  bindBucket(bucket: { name: string; arnExport: string }, definition: BucketDefinition, access: BucketAccess): this {
    this.fn.addEnvironment(definition.envVar, bucket.name);
    const bucketArn = Fn.importValue(bucket.arnExport);
    const actions: string[] = [];
    if (access !== 'write') actions.push('s3:GetObject');
    if (access !== 'read') actions.push('s3:PutObject');
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [`${bucketArn}/*`] }));
    if (access !== 'read' && definition.clientUploadPrefix) {
      // issue 12: rejected and checked uploads are deleted from quarantine; nothing else may be deleted
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [`${bucketArn}/${definition.clientUploadPrefix}*`] }));
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucket.arnExport}/${definition.clientUploadPrefix}*]`,
        reason: `s3:DeleteObject only under ${definition.clientUploadPrefix} of the ${definition.id} bucket, where clients upload: each upload is its own key.`,
      });
    }
    if (access !== 'write') {
      // ListBucket makes a missing key a 404 (NoSuchKey) instead of a 403.
      this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucketArn] }));
    }
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucket.arnExport}/*]`,
      reason: `${actions.join(', ')} on the objects of the ${definition.id} bucket only: object keys are data (one per ${definition.id} object), so they cannot be listed in the policy.`,
    });
    return this;
  }

  /**
   * MAIL_FROM, CHEQUES_MAIL_FROM and SES_CONFIGURATION_SET; may send only as those sender addresses, only
   * through that identity and configuration set.
   */
  bindMail(mail: { identityArn: string; configurationSetName: string; configurationSetArn: string; from: string; chequesFrom: string }): this {
    this.fn.addEnvironment('MAIL_FROM', mail.from);
    this.fn.addEnvironment('CHEQUES_MAIL_FROM', mail.chequesFrom);
    this.fn.addEnvironment('SES_CONFIGURATION_SET', mail.configurationSetName);
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [mail.identityArn, mail.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': [mail.from, mail.chequesFrom] } },
    }));
    return this;
  }

  /**
   * `<envVar>_ARN` names the secret; the handler fetches the value at cold start (Secrets Manager
   * GetSecretValue). The value is never in the environment or the template.
   */
  bindSecret(secret: ISecret, envVar: string): this {
    this.fn.addEnvironment(`${envVar}_ARN`, secret.secretArn);
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [secret.secretArn],
    }));
    return this;
  }

  /** SITE_BUILD_PROJECT: may start (and follow) builds of that one project. */
  bindSiteBuild(project: IProject): this {
    this.fn.addEnvironment('SITE_BUILD_PROJECT', project.projectName);
    this.role.addToPrincipalPolicy(new PolicyStatement({
      actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'],
      resources: [project.projectArn],
    }));
    return this;
  }
}
