import { composeMail, type Mail } from '../mail';
import { dutchDate } from '../../../shared/time/calendar';

export interface EvaluationOverdueMail {
  to: string;
  organisationName: string;
  title: string;
  odbNumber: string;
  /** The date the annual evaluation was due. */
  evaluationDue: string;
}

/**
 * R-BO-5: the annual evaluation of a registration is overdue — to the organisation's general contact
 * (R-ORG-2). The registration stays valid meanwhile: a late evaluation is the department's delay,
 * never a reason to stop the training (the provider is not punished for it).
 */
export function evaluationOverdueMail(data: EvaluationOverdueMail): Mail {
  return composeMail([data.to], `Jaarlijkse evaluatie nog niet afgerond: ${data.odbNumber}`, [
    'Beste,',
    `De jaarlijkse evaluatie van de opleiding "${data.title}" (${data.odbNumber}) van ${data.organisationName} was voorzien op ${dutchDate(data.evaluationDue)} en is nog niet afgerond.`,
    'De registratie blijft intussen gewoon geldig: cursisten kunnen de incentives voor deze opleiding blijven gebruiken tot de evaluatie is afgerond. U hoeft daarvoor niets te doen.',
    'Vraagt het team opleidingsdatabank voor de evaluatie nog informatie, dan krijgt u daarover een aparte e-mail. Organiseert u de opleiding niet meer, geef dan in het aanbiedersportaal een stopdatum en een reden op.',
    'Hebt u vragen, antwoord dan op deze e-mail.',
  ]);
}
