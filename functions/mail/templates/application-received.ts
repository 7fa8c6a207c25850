import { dutchDate } from '../../../shared/time/calendar';

/** What every mail about a submitted application names: to whom, which organisation and training, when. */
export interface ReceivedApplication {
  to: string;
  organisationName: string;
  kbo: string;
  applicationId: string;
  title: string;
  ownReference: string;
  /** 'YYYY-MM-DD' (Brussels). */
  submittedOn: string;
}

/** The opening words of those mails: "Wij ontvingen op 1 december 2026 uw aanvraag tot registratie van de opleiding …". */
export const receivedOn = (data: ReceivedApplication): string =>
  `Wij ontvingen op ${dutchDate(data.submittedOn)} uw aanvraag tot registratie van de opleiding "${data.title}" (uw referentie: ${data.ownReference})`;
