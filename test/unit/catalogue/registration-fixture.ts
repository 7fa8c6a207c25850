import type { Registration } from '../../../shared/registrations/registration';

/** A stored registration as the back office's approval produces it (shared/registrations). */
export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    odbNumber: 'ODB-Y000123',
    title: 'Jeugd- en gehandicaptenzorg',
    ownReference: 'JGZ-2026',
    provider: { kbo: '0403170701', name: 'CVO Brabant' },
    validFrom: '2026-09-01',
    stopDate: null,
    status: 'active',
    replacedBy: null,
    replaces: null,
    modules: [],
    chequeCategory: 'shortageOccupation',
    structure: 'integral',
    competenceGroups: ['professionSpecific'],
    contactHours: 420,
    studyPoints: null,
    mentorTraining: false,
    targetGroup: 'Volwassenen die begeleider willen worden in de jeugdhulp.',
    content: 'U leert observeren, begeleiden en rapporteren in een leefgroep.',
    websiteUrl: 'https://www.cvo-brabant.example/jeugdzorg',
    blended: false,
    distanceHours: null,
    finalAssessment: true,
    leadsToQualification: true,
    language: null,
    incentives: ['trainingLeave', 'trainingCheques'],
    evaluationDue: '2027-09-01',
    removalDate: null,
    applicationId: 'app-1',
    stopReason: null,
    evaluations: [],
    ...overrides,
  };
}
