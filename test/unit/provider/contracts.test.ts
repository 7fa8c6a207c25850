import { applicationStoreContract, documentStorageContract, organisationStoreContract } from './contracts/stores';
import { memoryApplicationStore, memoryDocumentStorage, memoryOrganisationStore } from './fakes/memory-stores';

applicationStoreContract('in-memory fake', memoryApplicationStore);
organisationStoreContract('in-memory fake', memoryOrganisationStore);
documentStorageContract('in-memory fake', () => {
  const storage = memoryDocumentStorage();
  return { storage, upload: async (key, bytes, contentType) => storage.upload(key, bytes, contentType) };
});
