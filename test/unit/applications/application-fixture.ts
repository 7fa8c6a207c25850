import type { ApplicationBody } from '../../../shared/applications/application';
import type { CheckContext } from '../../../shared/applications/admissibility';
import { REFERENCE_DATA } from '../../../shared/reference/reference-data';

/** A complete, admissible integral application (no findings at all). */
export function validApplication(overrides: Partial<ApplicationBody> = {}): ApplicationBody {
  return {
    title: 'Excel voor gevorderden',
    ownReference: 'XL-ADV-01',
    targetGroup: 'Werknemers die Excel al dagelijks gebruiken.',
    websiteUrl: 'https://www.voorbeeld.be/excel',
    content: 'Draaitabellen, formules, grafieken. Leerdoelen: zelfstandig rapporten bouwen.',
    structure: 'integral',
    contactHours: 40,
    studyPoints: null,
    mentorTraining: null,
    workplaceHours: 0,
    blended: null,
    finalAssessment: true,
    leadsToQualification: false,
    separatelyAssessedParts: false,
    modules: [],
    language: null,
    competences: { basic: ['basicIct'], professionSpecific: [], generalPillars: [] },
    decisionBody: { kind: 'VOC' },
    chequeCategory: 'standard',
    plannedStart: '2026-09-01',
    plannedEnd: '2027-06-30',
    replacesOdbNumber: null,
    ...overrides,
  };
}

export function checkContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    today: '2026-05-01',
    organisation: { lms: null, lmsDocument: { status: 'missing', fileName: null, uploadedAt: null } },
    documents: [],
    reference: REFERENCE_DATA,
    ownReferencesInUse: [],
    ...overrides,
  };
}

export const ORGANISATION_WITH_LMS_ON_FILE: CheckContext['organisation'] = {
  lms: { system: 'moodle' },
  lmsDocument: { status: 'on-file', fileName: 'opvolging.pdf', uploadedAt: '2026-01-10T09:00:00Z' },
};
