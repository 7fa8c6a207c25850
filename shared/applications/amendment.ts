import * as z from 'zod';
import { draftApplicationSchema, type Application, type ApplicationBody } from './application';
import type { ApplicationStatus } from './state-machine';

/**
 * R-BO-7: after submitting, the provider cannot change the application but may ask the team to; the
 * back office amends a submitted dossier until the decision, with a reason. The same validation and
 * admissibility rules run on the result (every problem at once; nothing written on a refusal), the
 * change goes into the history (R-BO-6) and the contact is told what changed.
 */
export const AMENDABLE_STATUSES: readonly ApplicationStatus[] = ['waiting-for-quality-registration', 'screening', 'question-open', 'forwarded'];

export const amendmentBodySchema = z
  .object({
    // Not amendable: the own reference and the language (held as unique claims of the provider, taken at
    // submit) and the registration it replaces (checked at submit, R-REG-2) — those need a new application.
    changes: draftApplicationSchema
      .omit({ ownReference: true, language: true, replacesOdbNumber: true })
      .partial()
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, 'Geef minstens één wijziging op.')
      .meta({ description: 'De velden van de aanvraag die wijzigen (zelfde namen en regels als de aanvraag)' }),
    reason: z.string('Geef de reden van de wijziging.').trim().min(1, 'Geef de reden van de wijziging.').max(2_000, 'De reden is te lang (max. 2000 tekens).'),
  })
  .strict()
  .meta({ description: 'Wijziging van een ingediend dossier door de back office (R-BO-7)' });
export type AmendmentBody = z.infer<typeof amendmentBodySchema>;

const LABELS: Partial<Record<keyof ApplicationBody, string>> = {
  title: 'Naam van de opleiding', ownReference: 'Eigen referentie', targetGroup: 'Doelgroep', websiteUrl: 'Webpagina',
  content: 'Inhoud', structure: 'Structuur', contactHours: 'Contacturen', studyPoints: 'Studiepunten',
  mentorTraining: 'Mentoropleiding', workplaceHours: 'Uren werkplekleren', blended: 'Blended leren',
  finalAssessment: 'Eindbeoordeling', leadsToQualification: 'Leidt tot een (deel)kwalificatie',
  separatelyAssessedParts: 'Apart beoordeelde onderdelen', modules: 'Modules', language: 'Taal',
  competences: 'Competenties', decisionBody: 'Beslissingsinstantie', chequeCategory: 'Voorgestelde chequecategorie',
  plannedStart: 'Geplande start', plannedEnd: 'Gepland einde', replacesOdbNumber: 'Vervangt ODB-nummer',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(leeg)';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return 'gewijzigd';
}

/** The fields whose value really changes, in words for people: "Contacturen: 30 → 40". */
export function describeChanges(before: Application, changes: Partial<ApplicationBody>): string[] {
  return (Object.keys(changes) as Array<keyof ApplicationBody>)
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(changes[field] ?? null))
    .map((field) => {
      const label = LABELS[field] ?? field;
      const from = shown(before[field]);
      const to = shown(changes[field]);
      return to === 'gewijzigd' || from === 'gewijzigd' ? `${label}: gewijzigd` : `${label}: ${from} → ${to}`;
    });
}
