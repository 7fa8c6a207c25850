import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, HttpMethods, ObjectOwnership, type IBucket, type LifecycleRule } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { buckets, catalogueBucket, type BucketDefinition } from '../../../functions/storage/definitions';
import type { DeployConfig } from '../config';

/** The settings every bucket of this app has: private, TLS only, encrypted, owner-enforced. */
export function secureBucketProps(config: DeployConfig) {
  return {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  } as const;
}

/** The server access log bucket of a stack (itself not logged: that would loop). */
export function accessLogBucket(scope: Construct, config: DeployConfig): Bucket {
  const bucket = new Bucket(scope, 'AccessLogs', {
    ...secureBucketProps(config),
    // S3 server access logging and CloudFront standard logs deliver with the bucket owner's grants.
    objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'This is the server access log bucket itself; logging it to itself would log every log delivery.',
  });
  return bucket;
}

/** Every bucket of `functions/storage/definitions.ts`. CORS only where browsers upload (presigned POST). */
export class StorageStack extends Stack {
  readonly buckets = new Map<string, { bucket: IBucket; definition: BucketDefinition; arnExport: string }>();

  constructor(scope: Construct, id: string, config: DeployConfig, props?: StackProps) {
    super(scope, id, props);
    const logs = accessLogBucket(this, config);
    for (const definition of buckets) {
      const lifecycleRules: LifecycleRule[] = [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) },
      ];
      if (definition.expireAfterDays) {
        lifecycleRules.push({ id: 'expire', expiration: Duration.days(definition.expireAfterDays), ...(definition.expirePrefix ? { prefix: definition.expirePrefix } : {}) });
      }
      const bucket = new Bucket(this, `${definition.id[0]!.toUpperCase()}${definition.id.slice(1)}Bucket`, {
        ...secureBucketProps(config),
        versioned: true,
        lifecycleRules,
        serverAccessLogsBucket: logs,
        serverAccessLogsPrefix: `${definition.id}/`,
        ...(definition.browserUploads
          ? { cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: [config.siteUrl], allowedHeaders: ['*'], maxAge: 3600 }] }
          : {}),
      });
      if (definition.id === catalogueBucket.id) {
        // A new catalogue snapshot starts the site build (EventBridge rule in the site stack). Set on the
        // CloudFormation resource itself: `eventBridgeEnabled` would add a notifications custom resource.
        (bucket.node.defaultChild as CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
      }
      // An explicit export name: functions import the ARN by it, and their acknowledged object grant names it.
      const arnExport = `${this.stackName}-${definition.id}-bucket-arn`;
      new CfnOutput(this, `${definition.id[0]!.toUpperCase()}${definition.id.slice(1)}BucketArn`, { value: bucket.bucketArn, exportName: arnExport });
      this.buckets.set(definition.id, { bucket, definition, arnExport });
    }
  }
}
