import type { HistoryEntry } from '../../shared/applications/history';
import type { RegistrationStatus } from '../../shared/registrations/registration';
import type { DocumentStorage } from '../documents/storage';
import type { OrganisationStore } from '../organisations/store';
import type { ApplicationStore } from './store';

/** R-REG-2: what the provider area may know of a registration (owned by the registrations area). */
export interface RegistrationLookup {
  /** The registration with this (training) ODB number, or null. */
  find(odbNumber: string): Promise<{ providerKbo: string; status: RegistrationStatus } | null>;
}

/** Everything the provider's use cases touch outside themselves; `now` is passed per call. */
export interface ProviderPorts {
  applications: ApplicationStore;
  organisations: OrganisationStore;
  registrations: RegistrationLookup;
  documents: DocumentStorage;
  /** R-BO-6: the dossier's history (owned by the back office), for the provider's view. */
  history?: { list(applicationId: string): Promise<HistoryEntry[]> };
  /** New ids (applications, documents). */
  newId: () => string;
}
