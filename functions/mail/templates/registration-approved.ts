import { composeMail, type Mail } from '../mail';
import { dutchDate } from '../../../shared/time/calendar';

export interface RegistrationApprovedMail {
  to: string;
  organisationName: string;
  title: string;
  odbNumber: string;
  validFrom: string;
  modules: Array<{ odbNumber: string; title: string }>;
  replaces: string | null;
}

/** R-BO-3, R-BO-4: the approval, with the ODB number of the training and of each module. */
export function registrationApprovedMail(data: RegistrationApprovedMail): Mail {
  const paragraphs: Array<string | string[]> = [
    'Beste,',
    `De aanvraag van ${data.organisationName} voor de opleiding "${data.title}" is goedgekeurd. De opleiding is geregistreerd in de opleidingsdatabank.`,
    `Het ODB-nummer van de opleiding is ${data.odbNumber}. De registratie geldt vanaf ${dutchDate(data.validFrom)}.`,
  ];
  if (data.modules.length > 0) {
    paragraphs.push('Elke module heeft een eigen ODB-nummer:');
    paragraphs.push(data.modules.map((module) => `${module.odbNumber}: ${module.title}`));
  }
  if (data.replaces) {
    paragraphs.push(`Deze registratie vervangt ${data.replaces} vanaf ${dutchDate(data.validFrom)}. Tot dan blijft ${data.replaces} gewoon geldig. Cursisten die onder het oude nummer zijn ingeschreven, behouden dat nummer.`);
  }
  paragraphs.push('Vermeld het ODB-nummer op de inschrijvings- en aanwezigheidsattesten.');
  return composeMail([data.to], `Opleiding geregistreerd: ${data.odbNumber}`, paragraphs);
}
