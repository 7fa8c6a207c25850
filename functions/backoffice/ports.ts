import type { HistoryEntry } from '../../shared/applications/history';
import type { Grant } from '../../shared/registrations/registration';
import type { GrantedSeries } from '../../shared/registrations/odb-number';
import type { IsoDate } from '../../shared/time/calendar';
import type { Application } from '../../shared/applications/application';
import type { RegistrationLookup } from '../applications/ports';
import type { ApplicationStore, ChangeRequest, StoredApplication, TransitionRequest } from '../applications/store';
import type { OrganisationStore, StoredOrganisation } from '../organisations/store';
import type { ApplicationDocument } from '../../shared/applications/documents';

/**
 * Everything the back office's use cases touch outside themselves (issue 15; the cheques area is the
 * model): the DynamoDB/S3 adapters are wired in wiring.ts, the in-memory fakes in
 * test/unit/backoffice/fakes. `Extra` is what an adapter adds to an application's transaction (the
 * DynamoDB adapter: the registration's TransactWrite items on approval); the use cases only pass it on.
 */
export interface BackofficePorts<Extra = unknown> {
  applications: Omit<ApplicationStore, 'transition'> & {
    /** The one way to change a status (state machine), with history (R-BO-6), mail and `extraItems`, in one transaction. */
    transition(request: TransitionRequest<Extra>): Promise<StoredApplication>;
    /** R-BO-7: a change without a state change, with its history entry and mail, in one transaction. */
    change(request: ChangeRequest<Extra>): Promise<StoredApplication>;
  };
  organisations: OrganisationStore;
  /** R-REG-2 for the amendment's check (the same inputs a submit checks with). */
  registrations: RegistrationLookup;
  /** R-BO-6: the dossier's history, oldest first. */
  history: { list(applicationId: string): Promise<HistoryEntry[]> };
  /** Short-lived download links of an application's documents. */
  links: DocumentLinker;
  /** R-BO-3, R-BO-4: registers an approved application (owned by the registrations area). */
  approvals: ApprovalRegistrar<Extra>;
}

export interface ApprovalInput {
  application: Application;
  organisation: StoredOrganisation;
  validFrom: IsoDate;
  grant: Grant & { series: GrantedSeries | null };
  now: Date;
}

/** Allocates the ODB numbers (at most once per application) and returns what the approval's transaction must also write. */
export interface ApprovalRegistrar<Extra> {
  prepare(input: ApprovalInput): Promise<{ numbers: { training: string; modules: string[] }; extraItems: Extra[] }>;
}

/** Seconds a document download link stays valid. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

/** Port: a short-lived download link for an uploaded document of an application (S3 adapter: s3-document-linker.ts). */
export type DocumentLinker = (applicationId: string, document: ApplicationDocument) => Promise<string>;
