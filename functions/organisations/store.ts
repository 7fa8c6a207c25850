import type { Organisation } from '../../shared/organisations/organisation';

/**
 * The port through which the organisation use cases read and write an organisation. The DynamoDB
 * adapter is `dynamo-store.ts`; unit tests use the in-memory fake (test/unit/provider/fakes). Both
 * pass the same contract suite (test/unit/provider/contracts/stores.ts).
 */

/** An upload slot handed out for the LMS follow-up document (R-ORG-4), not yet confirmed. */
export interface PendingLmsUpload {
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** Where the client uploads (quarantine; the client can write here, never to the final key). */
  key: string;
  createdAt: string;
}

export interface StoredOrganisation extends Organisation {
  version: number;
  /** Internal: the LMS document upload awaiting confirmation. Never in API responses. */
  lmsUpload?: PendingLmsUpload | null;
  /** Internal: the storage key of the LMS document on file. */
  lmsDocumentKey?: string | null;
}

/** The stored version is not the one the write expected (or, for a new organisation, it exists). */
export class OrganisationVersionConflict extends Error {
  constructor(kbo: string) {
    super(`organisation ${kbo} was changed concurrently`);
    this.name = 'OrganisationVersionConflict';
  }
}

export interface OrganisationStore {
  /** The organisation (strongly consistent read), or null when it has not been filled in. */
  get(kbo: string): Promise<StoredOrganisation | null>;
  /**
   * Writes the organisation when the stored version is still `expectedVersion` (`null`: it must not
   * exist yet); else `OrganisationVersionConflict`. Returns it with its new version.
   */
  save(organisation: Omit<StoredOrganisation, 'version'>, expectedVersion: number | null): Promise<StoredOrganisation>;
}
