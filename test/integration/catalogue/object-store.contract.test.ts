import { s3CatalogueStore } from '../../../functions/catalogue/s3-store';
import { catalogueObjectStoreContract } from '../../unit/catalogue/object-store-contract';
import { isolatedCatalogue } from './support';

// A fresh bucket per case: the contract starts from an empty store.
catalogueObjectStoreContract('S3 adapter on the local S3 emulator', async () => {
  const { bucket, s3 } = await isolatedCatalogue();
  return s3CatalogueStore(bucket, s3);
});
