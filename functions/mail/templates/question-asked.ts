import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';

export interface QuestionAskedMail {
  to: string;
  organisationName: string;
  applicationId: string;
  title: string;
  ownReference: string;
  question: string;
  /** Last day to answer, 'YYYY-MM-DD' (R-BO-1). */
  deadline: string;
}

/** R-BO-1: the back office asks for more information; the contact has one month to answer. */
export function questionAskedMail(data: QuestionAskedMail): Mail {
  return composeMail([data.to], `Vraag over uw aanvraag: ${data.title}`, [
    'Beste,',
    `Het team opleidingsdatabank heeft een vraag over de aanvraag "${data.title}" (uw referentie: ${data.ownReference}, dossiernummer ${data.applicationId}) van ${data.organisationName}:`,
    data.question,
    `U kunt antwoorden tot en met ${dutchDate(data.deadline)}. Zolang de vraag openstaat, wordt de aanvraag niet naar een beslissingsinstantie doorgestuurd.`,
    'Antwoordt u niet binnen die termijn, dan beoordelen we de aanvraag op basis van de beschikbare informatie.',
  ]);
}
