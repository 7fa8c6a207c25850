import type { RuleFinding } from '../http/problem';
import { hasBlendedFollowUpOnFile } from '../organisations/organisation';
import { cefrRank, FIRST_NON_BASIC_CEFR_LEVEL, type CefrLevel } from '../reference/cefr';
import { hasCode } from '../reference/code-list';
import { LANGUAGE_BASIC_COMPETENCES, MIN_PILLARS_FOR_GENERAL_GROUP } from '../reference/competences';
import type { ApplicationBody } from './application';
import { addMonths, compareDates, isIsoDate, schoolYearsSpanned } from '../time/calendar';
import {
  basicOf,
  effectiveContactHours,
  error,
  isAnyBlended,
  isBlank,
  isMissing,
  isModuleBlended,
  modulesOf,
  pillarsOf,
  professionSpecificOf,
  warning,
  type Check,
  type CheckContext,
} from './check-context';
import { checkCompleteness } from './completeness';
import { earliestReregistrationStart } from './deadlines';
import { hasTrainingFollowUpDocument } from './documents';

export type { CheckContext } from './check-context';
export { effectiveContactHours } from './check-context';
export { REQUIRED } from './completeness';

/**
 * The admissibility and completeness check (POST /v1/applications/{id}/check and submit).
 * Returns EVERY problem at once; never throws for any body that passed `draftApplicationSchema`.
 *
 * Codes:
 * - `required`: a field that must be filled in before submitting is missing (the manual: "alle
 *   velden zijn verplicht, behalve (optioneel)"). Blocks submitting; the application stays a draft.
 * - a rule id (`R-APP-5`, `R-CMP-3`, …) for a rule; see `INADMISSIBILITY_RULES` (submission.ts) for
 *   the two that make a complete application inadmissible.
 * - `unique-own-reference`: an own reference already used; `date-order`: end before start.
 */
export const UNIQUE_OWN_REFERENCE = 'unique-own-reference';
export const DATE_ORDER = 'date-order';

/** R-APP-4/R-APP-5: the minimum size unless it is a mentor training. */
export const MIN_CONTACT_HOURS = 32;
/** [public] three study points count as the minimum too. */
export const MIN_STUDY_POINTS = 3;
/** R-APP-6: EVC trajectories are registered with 16 hours, as mentor training. */
export const EVC_HOURS = 16;
/** R-APP-8 */
export const LONG_TRAINING_MONTHS = 12;
export const MAX_SCHOOL_YEARS = 2;

/** Below the minimum size (R-APP-4/5): contact hours if known, else study points; unknown → false. */
function isBelowMinimumSize(contactHours: number | null | undefined, studyPoints: number | null | undefined): boolean {
  if (typeof contactHours === 'number') return contactHours < MIN_CONTACT_HOURS;
  if (typeof studyPoints === 'number') return studyPoints < MIN_STUDY_POINTS;
  return false;
}

// ── size, mentor training, workplace learning ───────────────────────────────────────────────────

/** R-APP-4: below 32 contact hours the question "mentor training?" must be answered. */
const checkMentorQuestion: Check = (app) => {
  const findings: RuleFinding[] = [];
  if (isBelowMinimumSize(effectiveContactHours(app), app.studyPoints) && isMissing(app.mentorTraining)) {
    findings.push(
      error('mentorTraining', 'R-APP-4', 'De opleiding heeft minder dan 32 contacturen: geef aan of het een mentoropleiding is.'),
    );
  }
  modulesOf(app).forEach((module, index) => {
    if (isBelowMinimumSize(module.contactHours, module.studyPoints) && isMissing(module.mentorTraining)) {
      findings.push(
        error(
          `modules.${index}.mentorTraining`,
          'R-APP-4',
          `Module ${index + 1} heeft minder dan 32 contacturen: geef aan of het een mentoropleiding is.`,
        ),
      );
    }
  });
  return findings;
};

/**
 * R-APP-5: under 32 contact hours (or 3 study points) and not a mentor training → inadmissible.
 * Judged on the training as a whole: since 2021-2022 learners may combine short modules [M].
 */
const checkMinimumSize: Check = (app) => {
  if (!isBelowMinimumSize(effectiveContactHours(app), app.studyPoints) || app.mentorTraining !== false) return [];
  return [
    error(
      'contactHours',
      'R-APP-5',
      'Een opleiding van minder dan 32 contacturen die geen mentoropleiding is, is onontvankelijk. Alleen mentoropleidingen zijn vrijgesteld van het minimum van 32 uur.',
    ),
  ];
};

/** R-APP-1: workplace-learning hours are part of the contact hours. */
const checkWorkplaceHours: Check = (app) => {
  const contactHours = effectiveContactHours(app);
  if (typeof app.workplaceHours !== 'number' || contactHours === undefined || app.workplaceHours <= contactHours) return [];
  return [
    error(
      'workplaceHours',
      'R-APP-1',
      `De uren werkplekleren (${app.workplaceHours}) zijn een deel van de contacturen en kunnen er niet meer zijn dan de contacturen (${contactHours}).`,
    ),
  ];
};

// ── blended learning ────────────────────────────────────────────────────────────────────────────

/**
 * R-APP-2 (with R-ORG-4): blended learning needs the organisation's LMS and follow-up document on
 * file, or a training-specific follow-up document attached to the application.
 */
const checkBlendedFollowUp: Check = (app, context) => {
  if (!isAnyBlended(app) || hasTrainingFollowUpDocument(context.documents)) return [];
  const org = context.organisation;
  if (org !== null && hasBlendedFollowUpOnFile(org)) return [];
  const missing =
    org === null || org.lms === null
      ? 'Uw organisatie heeft nog geen LMS en opvolgingsdocument opgegeven bij de organisatiegegevens (R-ORG-4).'
      : 'Uw organisatie heeft nog geen document opgeladen dat beschrijft hoe het leerproces opgevolgd wordt (R-ORG-4).';
  return [
    error(
      'blended',
      'R-APP-2',
      `${missing} Vul dat aan, of voeg bij deze aanvraag een opleidingsspecifiek opvolgingsdocument toe.`,
    ),
  ];
};

/** R-APP-3: a blended training is integral unless every module is blended. */
const checkBlendedStructure: Check = (app) => {
  if (isMissing(app.blended) || app.structure !== 'modular') return [];
  return modulesOf(app).flatMap((module, index) =>
    isModuleBlended(module)
      ? []
      : [
          error(
            `modules.${index}.blended`,
            'R-APP-3',
            `Een blended opleiding is integraal, tenzij elke module blended is. Maak module ${index + 1} blended of kies voor een integrale opleiding.`,
          ),
        ],
  );
};

// ── special kinds of training ───────────────────────────────────────────────────────────────────

const EVC_MENTION = /\bEVC\b/i;
const EVC_TITLE = /^(?:BK )?EVC-traject \S/;

/** R-APP-6: EVC trajectories: "BK EVC-traject <naam>" or "EVC-traject <naam>", 16 hours, mentor training. */
const checkEvc: Check = (app) => {
  if (isBlank(app.title) || !EVC_MENTION.test(app.title ?? '')) return [];
  const findings: RuleFinding[] = [];
  if (!EVC_TITLE.test(app.title ?? '')) {
    findings.push(
      error(
        'title',
        'R-APP-6',
        "Noem een EVC-traject 'BK EVC-traject <naam>' (erkend beroepskwalificerend) of 'EVC-traject <naam>' (andere).",
      ),
    );
  }
  if (typeof app.contactHours === 'number' && app.contactHours !== EVC_HOURS) {
    findings.push(error('contactHours', 'R-APP-6', 'Een EVC-traject wordt geregistreerd met 16 uren.'));
  }
  if (app.mentorTraining !== true) {
    findings.push(
      error('mentorTraining', 'R-APP-6', 'Duid bij een EVC-traject aan dat het een mentoropleiding is, zodat aan de minimumduur voldaan is.'),
    );
  }
  return findings;
};

/** R-APP-7: one language per application, one module per CEFR level; from B2 upward: ≥ 3 pillars, not basic. */
const checkLanguage: Check = (app) => {
  if (!app.language) return [];
  const findings: RuleFinding[] = [];
  const modules = modulesOf(app);
  const seen = new Map<CefrLevel, number>();
  modules.forEach((module, index) => {
    if (isMissing(module.cefrLevel)) {
      findings.push(
        error(`modules.${index}.cefrLevel`, 'R-APP-7', `Een taalopleiding heeft één module per ERK-niveau: vul het niveau van module ${index + 1} in.`),
      );
      return;
    }
    const level = module.cefrLevel as CefrLevel;
    const first = seen.get(level);
    if (first !== undefined) {
      findings.push(
        error(`modules.${index}.cefrLevel`, 'R-APP-7', `ERK-niveau ${level} komt al voor in module ${first + 1}: maak één module per niveau.`),
      );
    } else {
      seen.set(level, index);
    }
  });
  const levels = [...seen.keys()];
  if (app.language.cefrLevel) levels.push(app.language.cefrLevel);
  if (levels.length === 0) return findings;

  const threshold = cefrRank(FIRST_NON_BASIC_CEFR_LEVEL);
  const high = [...new Set(levels.filter((level) => cefrRank(level) >= threshold))].sort();
  if (high.length > 0 && pillarsOf(app).length < MIN_PILLARS_FOR_GENERAL_GROUP) {
    findings.push(
      error(
        'competences.generalPillars',
        'R-APP-7',
        `Een taalopleiding vanaf ERK-niveau B2 (${high.join(', ')}) is geen basiscompetentie en moet aan minstens drie pijlers van de algemene arbeidsmarktcompetenties voldoen.`,
      ),
    );
  }
  if (high.length === levels.length) {
    basicOf(app).forEach((code, index) => {
      if (LANGUAGE_BASIC_COMPETENCES.includes(code)) {
        findings.push(
          error(`competences.basic.${index}`, 'R-APP-7', 'Een taalopleiding vanaf ERK-niveau B2 is geen basiscompetentie.'),
        );
      }
    });
  }
  return findings;
};

/** R-APP-8: longer than 12 months → contact the back office; over two school years cannot be reimbursed. */
const checkDuration: Check = (app) => {
  const start = app.plannedStart;
  const end = app.plannedEnd;
  if (!start || !end || !isIsoDate(start) || !isIsoDate(end)) return [];
  if (compareDates(end, start) < 0) {
    return [error('plannedEnd', DATE_ORDER, 'De einddatum ligt voor de startdatum.')];
  }
  const findings: RuleFinding[] = [];
  if (compareDates(end, addMonths(start, LONG_TRAINING_MONTHS)) > 0) {
    findings.push(
      warning(
        'plannedEnd',
        'R-APP-8',
        'De opleiding duurt langer dan 12 maanden. Neem contact op met het team opleidingsdatabank om te bekijken hoe u ze best aanmeldt (bv. in modules).',
      ),
    );
  }
  if (schoolYearsSpanned(start, end) > MAX_SCHOOL_YEARS) {
    findings.push(
      warning(
        'plannedEnd',
        'R-APP-8',
        'De opleiding loopt over meer dan twee schooljaren: terugbetalingen daarvoor kunnen niet verwerkt worden. Dien lange opleidingen in als modules.',
      ),
    );
  }
  return findings;
};

/** R-REG-2: a changed training is applied for at least 3 months before it starts. */
const checkReregistrationLeadTime: Check = (app, context) => {
  if (isBlank(app.replacesOdbNumber) || !app.plannedStart || !isIsoDate(app.plannedStart)) return [];
  const earliest = earliestReregistrationStart(context.today);
  if (compareDates(app.plannedStart, earliest) >= 0) return [];
  return [
    warning(
      'plannedStart',
      'R-REG-2',
      `Een gewijzigde opleiding moet minstens drie maanden voor de start opnieuw aangemeld worden. De geplande start ligt voor ${earliest}.`,
    ),
  ];
};

// ── competences ─────────────────────────────────────────────────────────────────────────────────

/** R-CMP-1: only codes from the reference lists. */
const checkCompetenceCodes: Check = (app, context) => {
  const findings: RuleFinding[] = [];
  basicOf(app).forEach((code, index) => {
    if (!hasCode(context.reference.basicCompetences, code)) {
      findings.push(error(`competences.basic.${index}`, 'R-CMP-1', `'${code}' is geen basiscompetentie uit de lijst.`));
    }
  });
  professionSpecificOf(app).forEach((code, index) => {
    if (!hasCode(context.reference.professionSpecificCompetences, code)) {
      findings.push(
        error(`competences.professionSpecific.${index}`, 'R-CMP-1', `'${code}' is geen beroepsspecifieke competentie uit de lijst.`),
      );
    }
  });
  return findings;
};

/** The competence groups the self-analysis puts the training in (R-CMP-1, R-CMP-2). */
export function competenceGroupsOf(competences: ApplicationBody['competences']): ('basic' | 'professionSpecific' | 'general')[] {
  const groups: ('basic' | 'professionSpecific' | 'general')[] = [];
  if ((competences?.basic ?? []).length > 0) groups.push('basic');
  if ((competences?.professionSpecific ?? []).length > 0) groups.push('professionSpecific');
  if ((competences?.generalPillars ?? []).length >= MIN_PILLARS_FOR_GENERAL_GROUP) groups.push('general');
  return groups;
}

/** R-CMP-2 (warning) and R-CMP-3 (inadmissible). */
const checkCompetenceGroups: Check = (app) => {
  if (isMissing(app.competences)) return [];
  const pillars = pillarsOf(app).length;
  const otherGroups = basicOf(app).length + professionSpecificOf(app).length;
  if (otherGroups === 0 && pillars < MIN_PILLARS_FOR_GENERAL_GROUP) {
    // R-CMP-3: nothing in the basic or profession-specific group and fewer than three pillars.
    return [
      error(
        'competences',
        'R-CMP-3',
        'De opleiding behoort tot geen enkele competentiegroep: er is geen basis- of beroepsspecifieke competentie aangevinkt en minder dan drie pijlers. Zo is de aanvraag onontvankelijk.',
      ),
    ];
  }
  if (pillars > 0 && pillars < MIN_PILLARS_FOR_GENERAL_GROUP) {
    // R-CMP-2: one or two pillars do not make the general group.
    return [
      warning(
        'competences.generalPillars',
        'R-CMP-2',
        'Een opleiding behoort pas tot de algemene arbeidsmarktcompetenties bij minstens drie pijlers; de aangevinkte pijlers tellen niet mee.',
      ),
    ];
  }
  return [];
};

/** R-CMP-4: a modular training belongs to exactly one competence group. */
const checkModularSingleGroup: Check = (app) => {
  if (app.structure !== 'modular') return [];
  const groups = competenceGroupsOf(app.competences);
  if (groups.length <= 1) return [];
  return [
    error(
      'competences',
      'R-CMP-4',
      'Een modulaire opleiding behoort tot precies één competentiegroep. Vink alleen competenties van één groep aan, of dien de modules apart in.',
    ),
  ];
};

// ── decision body, uniqueness ───────────────────────────────────────────────────────────────────

/** R-DEC-1: only a joint committee that volunteered can be chosen. */
const checkDecisionBody: Check = (app, context) => {
  const body = app.decisionBody;
  if (body?.kind !== 'PC' || isBlank(body.committee)) return [];
  if (hasCode(context.reference.jointCommittees, body.committee ?? '')) return [];
  return [
    error(
      'decisionBody.committee',
      'R-DEC-1',
      `Paritair comité ${body.committee} staat niet in de lijst van comités die over aanvragen beslissen. Kies dan voor de Vlaamse opleidingscommissie (vaardigheden nuttig voor meerdere beroepen).`,
    ),
  ];
};

/** The own reference is unique per provider, and per module within the application. */
const checkOwnReferences: Check = (app, context) => {
  const findings: RuleFinding[] = [];
  const inUse = new Set(context.ownReferencesInUse ?? []);
  if (!isBlank(app.ownReference) && inUse.has(app.ownReference ?? '')) {
    findings.push(error('ownReference', UNIQUE_OWN_REFERENCE, 'Deze eigen referentie gebruikt u al voor een andere opleiding.'));
  }
  const seen = new Set<string>();
  modulesOf(app).forEach((module, index) => {
    const reference = module.ownReference;
    if (isBlank(reference) || reference === undefined || reference === null) return;
    if (seen.has(reference) || inUse.has(reference)) {
      findings.push(
        error(`modules.${index}.ownReference`, UNIQUE_OWN_REFERENCE, `De eigen referentie van module ${index + 1} is al in gebruik.`),
      );
    }
    seen.add(reference);
  });
  return findings;
};

const CHECKS: readonly Check[] = [
  checkCompleteness,
  checkOwnReferences,
  checkMentorQuestion,
  checkMinimumSize,
  checkWorkplaceHours,
  checkBlendedFollowUp,
  checkBlendedStructure,
  checkEvc,
  checkLanguage,
  checkDuration,
  checkReregistrationLeadTime,
  checkCompetenceCodes,
  checkCompetenceGroups,
  checkModularSingleGroup,
  checkDecisionBody,
];

/** Every finding for the application, errors and warnings, in form order. */
export function checkApplication(app: ApplicationBody, context: CheckContext): RuleFinding[] {
  return CHECKS.flatMap((check) => check(app, context));
}
