import { composeMail, type Mail } from '../mail';
import { dossierLine, type DossierReference } from './dossier-reference';

export interface ApplicationAmendedMail extends DossierReference {
  to: string;
  /** What changed, in words for people ("Contacturen: 30 → 40"). */
  changes: string[];
  reason: string;
}

/** R-BO-7: the back office amended a submitted dossier; the contact is told what changed and why. */
export function applicationAmendedMail(data: ApplicationAmendedMail): Mail {
  return composeMail([data.to], `Aanvraag aangepast: ${data.title}`, [
    'Beste,',
    `Het team opleidingsdatabank heeft ${dossierLine(data)} aangepast. Dit werd gewijzigd:`,
    data.changes,
    `Reden: ${data.reason}`,
    'Klopt er iets niet? Antwoord dan op deze e-mail.',
  ]);
}
