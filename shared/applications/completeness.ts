import type { RuleFinding } from '../http/problem';
import { effectiveContactHours, error, isBlank, isMissing, modulesOf, type Check } from './check-context';

/**
 * Completeness (code `required`): the fields that must be filled in before submitting — the manual:
 * "alle velden zijn verplicht in te vullen, behalve (optioneel)". A missing field blocks submitting
 * but only needs fixing (the application stays a draft). Deliberately not required, because api.md
 * does not make them part of the fixed contract or they have a meaning when absent: studyPoints
 * (when contactHours is given), plannedEnd, evcTrajectory (absent = not an EVC trajectory), language, replacesOdbNumber,
 * and `blended` (absent = not blended). Also R-ORG-2: the organisation's details must exist.
 */
export const REQUIRED = 'required';


const REQUIRED_TEXTS = [
  ['title', 'Vul de naam van de opleiding in.'],
  ['ownReference', 'Vul de eigen unieke referentie van de opleiding in.'],
  ['targetGroup', 'Beschrijf de doelgroep en de vereiste voorkennis.'],
  ['websiteUrl', 'Vul de webpagina van de opleiding in.'],
  ['content', 'Beschrijf de inhoud en de leerdoelstellingen van de opleiding.'],
] as const;

const REQUIRED_VALUES = [
  ['structure', 'Kies of de opleiding integraal of modulair is.'],
  ['workplaceHours', 'Vul het aantal uren werkplekleren in (0 als er geen werkplekleren is).'],
  ['finalAssessment', 'Geef aan of er een eindbeoordeling bij de opleiding hoort.'],
  ['leadsToQualification', 'Geef aan of de opleiding leidt tot een (deel)kwalificatie.'],
  // [M] step 3: "onderdelen waarvoor men apart kan inschrijven en apart beoordeeld kan worden" (api.md: required)
  ['separatelyAssessedParts', 'Geef aan of de opleiding onderdelen heeft waarvoor men apart kan inschrijven en die apart beoordeeld worden.'],
  ['competences', 'Vul de zelfanalyse arbeidsmarktgerichtheid in: vink de competenties aan.'],
  ['decisionBody', 'Kies de beslissingsinstantie: de Vlaamse opleidingscommissie of een paritair comité.'],
  ['chequeCategory', 'Kies de categorie voor opleidingscheques.'],
  ['plannedStart', 'Vul de geplande startdatum in.'],
] as const;

export const checkCompleteness: Check = (app, context) => {
  const findings: RuleFinding[] = [];
  // R-ORG-2: contact details come first; the confirmation mail goes to the contact email (R-SUB-1).
  if (context.organisation === null) {
    findings.push(error('', 'R-ORG-2', 'Vul eerst de gegevens en de contactpersoon van uw organisatie in.'));
  }
  for (const [field, message] of REQUIRED_TEXTS) {
    if (isBlank(app[field])) findings.push(error(field, REQUIRED, message));
  }
  for (const [field, message] of REQUIRED_VALUES) {
    if (isMissing(app[field])) findings.push(error(field, REQUIRED, message));
  }
  if (effectiveContactHours(app) === undefined && isMissing(app.studyPoints)) {
    findings.push(
      error('contactHours', REQUIRED, 'Vul het aantal contacturen in (of het aantal studiepunten voor regulier hoger onderwijs).'),
    );
  }
  if (app.blended && isMissing(app.blended.distanceHours)) {
    findings.push(error('blended.distanceHours', REQUIRED, 'Vul het geplande aantal uren afstandsleren in.'));
  }
  if (app.structure === 'modular' && modulesOf(app).length === 0) {
    findings.push(error('modules', REQUIRED, 'Een modulaire opleiding heeft minstens één module.'));
  }
  modulesOf(app).forEach((module, index) => {
    const at = `modules.${index}`;
    if (isBlank(module.title)) findings.push(error(`${at}.title`, REQUIRED, `Vul de naam van module ${index + 1} in.`));
    if (isBlank(module.ownReference)) {
      findings.push(error(`${at}.ownReference`, REQUIRED, `Vul de eigen referentie van module ${index + 1} in.`));
    }
    if (isMissing(module.contactHours) && isMissing(module.studyPoints)) {
      findings.push(error(`${at}.contactHours`, REQUIRED, `Vul het aantal contacturen van module ${index + 1} in.`));
    }
    if (typeof module.blended === 'object' && module.blended !== null && isMissing(module.blended.distanceHours)) {
      findings.push(error(`${at}.blended.distanceHours`, REQUIRED, `Vul de uren afstandsleren van module ${index + 1} in.`));
    }
  });
  if (app.decisionBody?.kind === 'PC' && isBlank(app.decisionBody.committee)) {
    findings.push(error('decisionBody.committee', REQUIRED, 'Kies het paritair comité uit de lijst.'));
  }
  if (app.language && isMissing(app.language.cefrLevel) && !modulesOf(app).some((m) => !isMissing(m.cefrLevel))) {
    findings.push(
      error('language.cefrLevel', REQUIRED, 'Vul het ERK-niveau van de taalopleiding in, of maak per niveau een module aan.'),
    );
  }
  return findings;
};

