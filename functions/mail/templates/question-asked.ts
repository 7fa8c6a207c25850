import { dutchDate } from '../../../shared/time/calendar';
import { answerPath } from '../../../shared/applications/provider-view';
import { composeMail, type Mail } from '../mail';
import { dossierLine, type DossierReference } from './dossier-reference';

export interface QuestionAskedMail extends DossierReference {
  to: string;
  question: string;
  /** Last day to answer, 'YYYY-MM-DD' (R-BO-1). */
  deadline: string;
}

/** R-BO-1: the back office asks for more information; the contact has one month to answer. */
export function questionAskedMail(data: QuestionAskedMail): Mail {
  return composeMail([data.to], `Vraag over uw aanvraag: ${data.title}`, [
    'Beste,',
    `Het team opleidingsdatabank heeft een vraag over ${dossierLine(data)}:`,
    data.question,
    `U kunt antwoorden tot en met ${dutchDate(data.deadline)}, in het aanbiedersportaal bij deze aanvraag (via de API: POST ${answerPath(data.applicationId)}, met uw antwoord en eventueel documenten die u eerst bij de aanvraag oplaadt). Zolang de vraag openstaat, wordt de aanvraag niet naar een beslissingsinstantie doorgestuurd.`,
    'Antwoordt u niet binnen die termijn, dan beoordelen we de aanvraag op basis van de beschikbare informatie.',
  ]);
}
