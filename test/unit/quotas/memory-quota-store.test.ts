import { memoryQuotaStore } from '../../support/memory-quota-store';
import { quotaStoreContract } from '../../support/quota-store-contract';

quotaStoreContract('in-memory fake', () => memoryQuotaStore());
