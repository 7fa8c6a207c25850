import { formatEuro } from '../../../shared/cheques/money';
import { requestReference, trainingLabel } from '../../../shared/cheques/reference';
import { dutchDate } from '../../../shared/time/calendar';
import { composeMail, type Mail } from '../mail';
import { CHEQUES_SENDER, FOLLOW_UP, type ChequeMailBase } from './cheque-common';

export interface ChequeApprovedMail extends ChequeMailBase {
  contributionCents: number;
  governmentCents: number;
  /** ISO timestamp until which the contribution can be paid; null when there is nothing to pay. */
  contributionDueAt: string | null;
}

/** R-CHQ-3…5, R-CHQ-7: approval, with the worker's share and how to pay it. */
export function chequeApprovedMail(data: ChequeApprovedMail): Mail {
  const paragraphs: Array<string | string[]> = [
    `Beste ${data.firstName},`,
    `Uw aanvraag ${requestReference(data.requestId)} van opleidingscheques voor ${trainingLabel(data.odbNumber, data.training)} is goedgekeurd.`,
    [
      `Bedrag aan opleidingscheques: ${formatEuro(data.amountCents)}`,
      `Uw persoonlijke bijdrage: ${formatEuro(data.contributionCents)}`,
      `Deel van de Vlaamse overheid: ${formatEuro(data.governmentCents)}`,
    ],
  ];
  if (data.contributionCents > 0) {
    const due = data.contributionDueAt === null ? '' : ` uiterlijk op ${dutchDate(data.contributionDueAt)}`;
    paragraphs.push(
      `Hoe betaalt u? De uitgever van de opleidingscheques stuurt u een e-mail met een betaalopdracht. Betaal uw bijdrage van ` +
        `${formatEuro(data.contributionCents)}${due} met de vermelde gestructureerde mededeling. Zodra de betaling binnen is, ` +
        'levert de uitgever de cheques elektronisch.',
      'Betaalt u niet op tijd, dan vervalt de aanvraag en komt het bedrag weer vrij in uw budget.',
    );
  } else {
    paragraphs.push('U hoeft niets te betalen: de Vlaamse overheid betaalt het volledige bedrag. De uitgever levert de cheques elektronisch.');
  }
  paragraphs.push('Wilt u de cheques toch niet? Zolang ze niet geleverd zijn, kunt u de aanvraag op de website annuleren.', FOLLOW_UP);
  return composeMail([data.to], 'Uw aanvraag van opleidingscheques is goedgekeurd', paragraphs, CHEQUES_SENDER);
}
