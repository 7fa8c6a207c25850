import { outboxStoreContract } from '../../support/contracts/outbox-store';
import { memoryOutboxStore } from './memory-store';

outboxStoreContract('in-memory fake', async () => {
  const store = memoryOutboxStore();
  return {
    store,
    add: (id, message, now) => store.add(id, message, now),
    addInvalid: (id, now) => store.add(id, { kind: 'carrier-pigeon' }, now),
  };
});
