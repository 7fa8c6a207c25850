import { formatKbo } from '../../../shared/organisations/kbo';
import { composeMail, type Mail } from '../mail';
import { receivedOn, type ReceivedApplication } from './application-received';
import { shortDossierReference } from './dossier-reference';

export interface ApplicationSubmittedMail extends ReceivedApplication {
  /** R-ORG-3: no quality registration yet, so the application waits before it is sent on. */
  waitingForQualityRegistration: boolean;
  /** Warnings of the check (they do not block), in Dutch. */
  warnings: string[];
}

/** R-SUB-1: the confirmation to the organisation's contact email after submitting. */
export function applicationSubmittedMail(data: ApplicationSubmittedMail): Mail {
  const paragraphs: Array<string | string[]> = [
    'Beste,',
    `${receivedOn(data)} ` +
      `in de opleidingsdatabank, ingediend voor ${data.organisationName} (ondernemingsnummer ${formatKbo(data.kbo)}).`,
    `Uw dossier: ${shortDossierReference(data.applicationId)}. U kunt de aanvraag niet meer wijzigen; het team opleidingsdatabank bekijkt ze nu.`,
    data.waitingForQualityRegistration
      ? 'Uw organisatie heeft nog geen kwaliteitsregistratie bij het departement Werk en Sociale Economie. ' +
        'De aanvraag wordt pas naar een beslissingsinstantie doorgestuurd zodra die kwaliteitsregistratie is vastgelegd.'
      : 'Als we meer informatie nodig hebben, stellen we u een vraag per e-mail. U hebt dan een maand om te antwoorden.',
  ];
  if (data.warnings.length > 0) {
    paragraphs.push('Let op de volgende opmerkingen bij uw aanvraag:', data.warnings);
  }
  return composeMail([data.to], `Aanvraag ontvangen: ${data.title}`, paragraphs);
}
