import { chequeStoreContract } from './store-contract';
import { memoryStore } from './memory-store';

chequeStoreContract('in-memory fake', memoryStore);
