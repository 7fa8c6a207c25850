import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tables, type TableDefinition } from '../../../functions/storage/definitions';
import type { DeployConfig } from '../config';

const streamView: Record<NonNullable<TableDefinition['stream']>, StreamViewType> = {
  NEW_AND_OLD_IMAGES: StreamViewType.NEW_AND_OLD_IMAGES,
  NEW_IMAGE: StreamViewType.NEW_IMAGE,
};

/** Every table of `functions/storage/definitions.ts`: on demand, point-in-time recovery, streams and TTL as defined. */
export class DataStack extends Stack {
  readonly tables = new Map<string, { table: ITable; definition: TableDefinition }>();

  constructor(scope: Construct, id: string, config: DeployConfig, props?: StackProps) {
    super(scope, id, props);
    for (const definition of tables) {
      const table = new Table(this, `${definition.id[0]!.toUpperCase()}${definition.id.slice(1)}Table`, {
        partitionKey: { name: definition.partitionKey, type: AttributeType.STRING },
        ...(definition.sortKey ? { sortKey: { name: definition.sortKey, type: AttributeType.STRING } } : {}),
        billingMode: BillingMode.PAY_PER_REQUEST,
        encryption: TableEncryption.AWS_MANAGED,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: config.production,
        removalPolicy: config.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        ...(definition.stream ? { stream: streamView[definition.stream] } : {}),
        ...(definition.ttlAttribute ? { timeToLiveAttribute: definition.ttlAttribute } : {}),
      });
      for (const index of definition.globalIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
        });
      }
      this.tables.set(definition.id, { table, definition });
    }
  }
}
