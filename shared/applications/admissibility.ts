import type { RuleFinding } from '../http/problem';
import { hasBlendedFollowUpOnFile } from '../organisations/organisation';
import { cefrRank, FIRST_NON_BASIC_CEFR_LEVEL, type CefrLevel } from '../reference/cefr';
import { hasCode } from '../reference/code-list';
import { LANGUAGE_BASIC_COMPETENCES, MIN_PILLARS_FOR_GENERAL_GROUP } from '../reference/competences';
import type { ApplicationBody, EvcTrajectory } from './application';
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
 * - `unique-own-reference`: an own reference already used; `date-order`: end before start;
 *   `blended-planned-time`: a blended training in study points alone. R-APP-7 is also a warning (a
 *   second application for the same language); R-REG-2 also an error for a `replacesOdbNumber` that
 *   is not the provider's own active registration.
 */
export const UNIQUE_OWN_REFERENCE = 'unique-own-reference';
/** A blended training given in study points alone ([M] step 3: planned time, not study points). */
export const BLENDED_PLANNED_TIME = 'blended-planned-time';
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

/** How the size of a training or module is judged (R-APP-4/5): contact hours if known, else study points. */
type SizeBasis = 'contactHours' | 'studyPoints';

/** Below the minimum size: the basis it was judged on; null when not below (or unknown). */
function belowMinimumSize(contactHours: number | null | undefined, studyPoints: number | null | undefined): SizeBasis | null {
  if (typeof contactHours === 'number') return contactHours < MIN_CONTACT_HOURS ? 'contactHours' : null;
  if (typeof studyPoints === 'number') return studyPoints < MIN_STUDY_POINTS ? 'studyPoints' : null;
  return null;
}

/** The size in words that fit its basis: never "32 contacturen" for a training measured in study points. */
const belowMinimumPhrase = (basis: SizeBasis) =>
  basis === 'contactHours' ? `minder dan ${MIN_CONTACT_HOURS} contacturen` : `minder dan ${MIN_STUDY_POINTS} studiepunten`;

// ── size, mentor training, workplace learning ───────────────────────────────────────────────────

/** R-APP-4: below the minimum size the question "mentor training?" must be answered. */
const checkMentorQuestion: Check = (app) => {
  const findings: RuleFinding[] = [];
  const basis = belowMinimumSize(effectiveContactHours(app), app.studyPoints);
  if (basis !== null && isMissing(app.mentorTraining)) {
    findings.push(
      error('mentorTraining', 'R-APP-4', `De opleiding heeft ${belowMinimumPhrase(basis)}: geef aan of het een mentoropleiding is.`),
    );
  }
  modulesOf(app).forEach((module, index) => {
    const moduleBasis = belowMinimumSize(module.contactHours, module.studyPoints);
    if (moduleBasis !== null && isMissing(module.mentorTraining)) {
      findings.push(
        error(
          `modules.${index}.mentorTraining`,
          'R-APP-4',
          `Module ${index + 1} heeft ${belowMinimumPhrase(moduleBasis)}: geef aan of het een mentoropleiding is.`,
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
  const basis = belowMinimumSize(effectiveContactHours(app), app.studyPoints);
  if (basis === null || app.mentorTraining !== false) return [];
  const minimum = basis === 'contactHours'
    ? `Een opleiding van minder dan ${MIN_CONTACT_HOURS} contacturen die geen mentoropleiding is, is onontvankelijk. Alleen mentoropleidingen zijn vrijgesteld van het minimum van ${MIN_CONTACT_HOURS} uur.`
    : `Een opleiding van minder dan ${MIN_STUDY_POINTS} studiepunten die geen mentoropleiding is, is onontvankelijk. Alleen mentoropleidingen zijn vrijgesteld van de minimumomvang.`;
  return [error(basis, 'R-APP-5', minimum)];
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
      ? 'Uw organisatie heeft nog geen LMS en opvolgingsdocument opgegeven bij de organisatiegegevens.'
      : 'Uw organisatie heeft nog geen document opgeladen dat beschrijft hoe het leerproces opgevolgd wordt.';
  return [
    error(
      'blended',
      'R-APP-2',
      `${missing} Vul dat aan, of voeg bij deze aanvraag een opleidingsspecifiek opvolgingsdocument toe.`,
    ),
  ];
};

/**
 * R-APP-3: a blended training is integral unless every module is blended. So a modular training is
 * blended in all its modules or in none: a training-level `blended` with a module that is not, or
 * some modules blended and others not (also when the training-level `blended` is null), is refused
 * on each module that is not blended.
 */
const checkBlendedStructure: Check = (app) => {
  if (app.structure !== 'modular') return [];
  const modules = modulesOf(app);
  const blendedModules = modules.filter(isModuleBlended).length;
  if (isMissing(app.blended) && (blendedModules === 0 || blendedModules === modules.length)) return [];
  return modules.flatMap((module, index) =>
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

/**
 * [M] step 3: blended post-graduate courses are expressed in planned time, not in study points. A
 * blended training (or module) given in study points alone is refused until its contact hours are
 * given (code `blended-planned-time`; it is corrected, not inadmissible).
 */
const checkBlendedPlannedTime: Check = (app) => {
  const findings: RuleFinding[] = [];
  if (!isMissing(app.blended) && typeof app.studyPoints === 'number' && effectiveContactHours(app) === undefined) {
    findings.push(
      error(
        'contactHours',
        BLENDED_PLANNED_TIME,
        'Een blended opleiding drukt u uit in geplande tijd, niet in studiepunten: vul de contacturen en de uren afstandsleren in.',
      ),
    );
  }
  modulesOf(app).forEach((module, index) => {
    if (isModuleBlended(module) && typeof module.studyPoints === 'number' && typeof module.contactHours !== 'number') {
      findings.push(
        error(
          `modules.${index}.contactHours`,
          BLENDED_PLANNED_TIME,
          `Module ${index + 1} is blended: druk ze uit in geplande tijd (contacturen), niet in studiepunten.`,
        ),
      );
    }
  });
  return findings;
};

// ── special kinds of training ───────────────────────────────────────────────────────────────────

const EVC_TITLES: Record<EvcTrajectory, { pattern: RegExp; convention: string }> = {
  recognised: { pattern: /^BK EVC-traject \S/, convention: "'BK EVC-traject <naam>'" },
  other: { pattern: /^EVC-traject \S/, convention: "'EVC-traject <naam>'" },
};

/**
 * R-APP-6: an EVC trajectory is registered as "BK EVC-traject <naam>" (recognised,
 * profession-qualifying) or "EVC-traject <naam>" (others), with 16 hours, as mentor training.
 * Reading (domain.md): only the explicit `evcTrajectory` makes an application an EVC trajectory; a
 * title that merely contains "EVC" (e.g. "Opleiding tot EVC-assessor", 40 h) triggers nothing.
 */
const checkEvc: Check = (app) => {
  const kind = app.evcTrajectory;
  if (kind === null || kind === undefined) return [];
  const findings: RuleFinding[] = [];
  const title = EVC_TITLES[kind];
  if (!isBlank(app.title) && !title.pattern.test(app.title ?? '')) {
    findings.push(
      error(
        'title',
        'R-APP-6',
        kind === 'recognised'
          ? `Noem een erkend beroepskwalificerend EVC-traject ${title.convention}.`
          : `Noem een EVC-traject dat niet erkend beroepskwalificerend is ${title.convention}.`,
      ),
    );
  }
  const hours = effectiveContactHours(app);
  if (hours !== undefined && hours !== EVC_HOURS) {
    findings.push(error('contactHours', 'R-APP-6', `Een EVC-traject wordt geregistreerd met ${EVC_HOURS} uren.`));
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

/**
 * R-REG-2: a re-registration replaces one of the provider's OWN registrations that is still active
 * (checked at check and submit, not only at approval, when nobody can edit the application any
 * more). Another organisation's registration reads as unknown, so numbers of others are not probed.
 */
const checkReplacedRegistration: Check = (app, context) => {
  if (isBlank(app.replacesOdbNumber) || context.replacedRegistration === undefined) return [];
  const found = context.replacedRegistration;
  if (found === null || found.providerKbo !== context.providerKbo) {
    return [
      error(
        'replacesOdbNumber',
        'R-REG-2',
        `${app.replacesOdbNumber} is geen registratie van uw organisatie. Een nieuwe aanvraag vervangt alleen een eigen, actieve registratie; laat het veld leeg voor een nieuwe opleiding.`,
      ),
    ];
  }
  if (found.status !== 'active') {
    return [
      error(
        'replacesOdbNumber',
        'R-REG-2',
        `Registratie ${app.replacesOdbNumber} is niet meer actief en kan niet vervangen worden. Laat het veld leeg om de opleiding als nieuwe opleiding aan te melden.`,
      ),
    ];
  }
  return [];
};

/** R-APP-7: one application per language per provider — warned about, the back office judges. */
const checkOneApplicationPerLanguage: Check = (app, context) => {
  if (!app.language || context.languageInUse !== true) return [];
  return [
    warning(
      'language.code',
      'R-APP-7',
      'Uw organisatie heeft al een aanvraag voor deze taal. Per taal dient u één aanvraag in, met één module per ERK-niveau: voeg de niveaus liever als modules aan die aanvraag toe.',
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

/**
 * R-APP-7 with R-CMP-4: a language training is one application per language with one module per
 * CEFR level [M]. Its levels below B2 are a basic competence (a language basic competence) and its
 * levels from B2 meet three pillars, so such a training legitimately spans the basic group (by its
 * language competence only) and the general group: R-CMP-4 is then met level by level.
 */
function isLanguageByLevel(app: ApplicationBody, groups: readonly string[]): boolean {
  if (!app.language || groups.includes('professionSpecific')) return false;
  const levels = modulesOf(app).flatMap((module) => (isMissing(module.cefrLevel) ? [] : [module.cefrLevel as CefrLevel]));
  const threshold = cefrRank(FIRST_NON_BASIC_CEFR_LEVEL);
  const hasBasicLevels = levels.some((level) => cefrRank(level) < threshold);
  const hasHighLevels = levels.some((level) => cefrRank(level) >= threshold);
  return hasBasicLevels && hasHighLevels && basicOf(app).every((code) => LANGUAGE_BASIC_COMPETENCES.includes(code));
}

/** R-CMP-4: a modular training belongs to exactly one competence group. */
const checkModularSingleGroup: Check = (app) => {
  if (app.structure !== 'modular') return [];
  const groups = competenceGroupsOf(app.competences);
  if (groups.length <= 1 || isLanguageByLevel(app, groups)) return [];
  return [
    error(
      'competences',
      'R-CMP-4',
      app.language
        // [M] asks for one application per language with a module per level: never "submit the modules separately" here.
        ? 'Een modulaire taalopleiding hoort per niveau bij één competentiegroep: de niveaus tot B1 bij de basiscompetenties (taal), de niveaus vanaf B2 bij de algemene arbeidsmarktcompetenties (minstens drie pijlers). Vink geen andere competenties aan.'
        : 'Een modulaire opleiding behoort tot precies één competentiegroep. Vink alleen competenties van één groep aan, of dien de modules apart in.',
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
  checkBlendedPlannedTime,
  checkEvc,
  checkLanguage,
  checkDuration,
  checkReregistrationLeadTime,
  checkReplacedRegistration,
  checkOneApplicationPerLanguage,
  checkCompetenceCodes,
  checkCompetenceGroups,
  checkModularSingleGroup,
  checkDecisionBody,
];

/** Every finding for the application, errors and warnings, in form order. */
export function checkApplication(app: ApplicationBody, context: CheckContext): RuleFinding[] {
  return CHECKS.flatMap((check) => check(app, context));
}
