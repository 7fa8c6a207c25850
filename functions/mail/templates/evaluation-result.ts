import { composeMail, type Mail } from '../mail';
import { dutchDate } from '../../../shared/time/calendar';

export interface EvaluationResultMail {
  to: string;
  organisationName: string;
  title: string;
  odbNumber: string;
  outcome: 'positive' | 'negative';
  /** Positive: the date of the next evaluation. */
  evaluationDue: string;
  /** Negative: the day the training leaves the databank. */
  removalDate: string | null;
}

/** R-BO-5: the outcome of the annual evaluation, to the organisation's general contact. */
export function evaluationResultMail(data: EvaluationResultMail): Mail {
  const intro = `De jaarlijkse evaluatie van de opleiding "${data.title}" (${data.odbNumber}) van ${data.organisationName} is afgerond.`;
  if (data.outcome === 'positive') {
    return composeMail([data.to], `Evaluatie positief: ${data.odbNumber}`, [
      'Beste,',
      intro,
      `De evaluatie is positief. De registratie wordt met een jaar verlengd; de volgende evaluatie is voorzien op ${dutchDate(data.evaluationDue)}.`,
    ]);
  }
  return composeMail([data.to], `Evaluatie negatief: ${data.odbNumber}`, [
    'Beste,',
    intro,
    `De evaluatie is negatief. De opleiding wordt op ${(data.removalDate ? dutchDate(data.removalDate) : '31 december van volgend jaar')} uit de opleidingsdatabank verwijderd. Vanaf die dag kunnen nieuwe cursisten er geen incentives meer voor gebruiken.`,
    'Hebt u vragen over deze beslissing, antwoord dan op deze e-mail.',
  ]);
}
