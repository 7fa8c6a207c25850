import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * One action of a DynamoDB transaction (TransactWriteItems), as the adapters build them: the one
 * definition the stores, the outbox's `outboxPut` and the back office's composition root share.
 */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
