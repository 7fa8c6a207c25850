import { composeMail, type Mail } from '../mail';

export interface DecisionRejectedMail {
  to: string;
  organisationName: string;
  applicationId: string;
  title: string;
  ownReference: string;
  reason: string;
}

/** R-BO-3: the decision body refused the application; the reason is mailed to the contact. */
export function decisionRejectedMail(data: DecisionRejectedMail): Mail {
  return composeMail([data.to], `Aanvraag afgekeurd: ${data.title}`, [
    'Beste,',
    `De aanvraag tot registratie van de opleiding "${data.title}" (uw referentie: ${data.ownReference}, dossiernummer ${data.applicationId}) van ${data.organisationName} werd afgekeurd.`,
    'Motivering:',
    data.reason,
    'U kunt een nieuwe aanvraag indienen waarin u met deze motivering rekening houdt.',
  ]);
}
