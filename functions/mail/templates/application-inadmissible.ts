import { formatKbo } from '../../../shared/organisations/kbo';
import { composeMail, type Mail } from '../mail';
import { receivedOn, type ReceivedApplication } from './application-received';
import { shortDossierReference } from './dossier-reference';

export interface ApplicationInadmissibleMail extends ReceivedApplication {
  /** Why it is inadmissible (R-APP-5, R-CMP-3), in Dutch; the rule id is for machines, never in the mail text. */
  reasons: Array<{ code: string; message: string }>;
}

/** R-APP-5, R-CMP-3: a submitted application that is refused automatically, with the reasons. */
export function applicationInadmissibleMail(data: ApplicationInadmissibleMail): Mail {
  return composeMail([data.to], `Aanvraag onontvankelijk: ${data.title}`, [
    'Beste,',
    `${receivedOn(data)} ` +
      `voor ${data.organisationName} (ondernemingsnummer ${formatKbo(data.kbo)}). Uw dossier: ${shortDossierReference(data.applicationId)}.`,
    'De aanvraag is onontvankelijk en wordt niet naar een beslissingsinstantie doorgestuurd, om deze reden(en):',
    data.reasons.map((reason) => reason.message),
    'Past u de opleiding aan zodat ze wel aan de voorwaarden voldoet, dan kunt u een nieuwe aanvraag indienen.',
  ]);
}
