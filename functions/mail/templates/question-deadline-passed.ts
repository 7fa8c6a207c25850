import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';
import { dossierLine, type DossierReference } from './dossier-reference';

export interface QuestionDeadlinePassedMail extends DossierReference {
  to: string;
  /** The last day to answer that passed, 'YYYY-MM-DD'. */
  deadline: string;
}

/** R-BO-1: the answer period passed without an answer: the file is assessed as it stands. */
export function questionDeadlinePassedMail(data: QuestionDeadlinePassedMail): Mail {
  return composeMail([data.to], `Antwoordtermijn verstreken: ${data.title}`, [
    'Beste,',
    `De termijn om onze vraag over ${dossierLine(data)} te beantwoorden, liep af op ${dutchDate(data.deadline)}. We ontvingen geen antwoord.`,
    'We beoordelen de aanvraag nu zoals ze is, op basis van de informatie die we hebben. U hoeft niets meer te doen.',
  ]);
}
