import { composeMail, type Mail } from '../mail';
import { dossierLine, type DossierReference } from './dossier-reference';

export interface DecisionRejectedMail extends DossierReference {
  to: string;
  reason: string;
}

/** R-BO-3: the decision body refused the application; the reason is mailed to the contact. */
export function decisionRejectedMail(data: DecisionRejectedMail): Mail {
  return composeMail([data.to], `Aanvraag afgekeurd: ${data.title}`, [
    'Beste,',
    `De beslissingsinstantie heeft ${dossierLine(data)} afgekeurd.`,
    'Motivering:',
    data.reason,
    'U kunt een nieuwe aanvraag indienen waarin u met deze motivering rekening houdt.',
  ]);
}
