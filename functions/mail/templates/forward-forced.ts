import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';
import { dossierLine, type DossierReference } from './dossier-reference';

export interface ForwardForcedMail extends DossierReference {
  to: string;
  /** End of the 3-month decision period, 'YYYY-MM-DD'. */
  decisionPeriodEnd: string;
}

/** R-BO-2: the decision period nears its end; the application goes to the VOC with a negative advice. */
export function forwardForcedMail(data: ForwardForcedMail): Mail {
  return composeMail([data.to], `Aanvraag doorgestuurd met negatief advies: ${data.title}`, [
    'Beste,',
    `De beslissingstermijn van drie maanden voor ${dossierLine(data)} loopt af op ${dutchDate(data.decisionPeriodEnd)}.`,
    'Omdat er nog informatie ontbreekt (een vraag bleef onbeantwoord of het dossier is onvolledig), hebben we ze doorgestuurd naar de Vlaamse opleidingscommissie (VOC), met een negatief advies wegens onvoldoende informatie.',
    'De VOC neemt de beslissing. U ontvangt die beslissing per e-mail.',
  ]);
}
