/**
 * How a mail names an application for people: its title, the provider's own reference, the
 * organisation and a short dossier reference — never the UUID (R-BO-6 keeps the id for machines).
 */
export interface DossierReference {
  organisationName: string;
  applicationId: string;
  title: string;
  ownReference: string;
}

/** The short dossier reference people can quote: the first eight characters of the id, upper case ("A1B2C3D4"). */
export function shortDossierReference(applicationId: string): string {
  return applicationId.replace(/-/g, '').slice(0, 8).toUpperCase();
}

/** 'de aanvraag "Heftruckchauffeur" (uw referentie HT-1, dossier A1B2C3D4) van Opleidingscentrum X'. */
export function dossierLine(data: DossierReference): string {
  return `de aanvraag "${data.title}" (uw referentie ${data.ownReference}, dossier ${shortDossierReference(data.applicationId)}) van ${data.organisationName}`;
}
