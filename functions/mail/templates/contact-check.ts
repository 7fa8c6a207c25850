import { formatKbo } from '../../../shared/organisations/kbo';
import { composeMail, type Mail } from '../mail';

export interface ContactCheckMail {
  to: string;
  organisationName: string;
  kbo: string;
  contact: { name: string; email: string; phone: string };
}

/**
 * R-REG-4: the yearly request to confirm the contact details — and R-REG-3: the reminder to review the
 * registered offer and stop what is no longer organised, so the catalogue stays true.
 */
export function contactCheckMail(data: ContactCheckMail): Mail {
  return composeMail([data.to], 'Kloppen uw contactgegevens nog?', [
    'Beste,',
    `Het departement houdt de contactgegevens van alle opleidingsverstrekkers bij, voor vragen over aanvragen, evaluaties en nieuwsbrieven. Eén keer per jaar vragen we na of ze nog kloppen. Voor ${data.organisationName} (ondernemingsnummer ${formatKbo(data.kbo)}) hebben we:`,
    [`Contactpersoon: ${data.contact.name}`, `E-mail: ${data.contact.email}`, `Telefoon: ${data.contact.phone}`],
    'Kloppen deze gegevens niet meer, of wilt u ze bevestigen? Werk dan het organisatieprofiel bij in het aanbiedersportaal. Elke bijwerking van het profiel geldt als bevestiging.',
    'Kijk meteen ook uw geregistreerde opleidingen na. Organiseert u een opleiding niet meer, geef dan een stopdatum en een reden op: zo blijft de opleidingsdatabank juist.',
  ]);
}
