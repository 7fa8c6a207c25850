import { CEFR_LEVELS } from './cefr';
import type { CodeList } from './code-list';
import { BASIC_COMPETENCES, GENERAL_PILLARS, PROFESSION_SPECIFIC_COMPETENCES } from './competences';
import { JOINT_COMMITTEES } from './joint-committees';
import { LMS_SYSTEMS } from './lms';
import { REFERENCE_VERSION } from './version';

/** Every reference list, bundled, so checks can be given a (test or future) version of the data. */
export interface ReferenceData {
  version: string;
  basicCompetences: CodeList;
  professionSpecificCompetences: CodeList;
  generalPillars: CodeList;
  jointCommittees: CodeList;
  lmsSystems: CodeList;
  cefrLevels: CodeList;
}

export const REFERENCE_DATA: ReferenceData = {
  version: REFERENCE_VERSION,
  basicCompetences: BASIC_COMPETENCES,
  professionSpecificCompetences: PROFESSION_SPECIFIC_COMPETENCES,
  generalPillars: GENERAL_PILLARS,
  jointCommittees: JOINT_COMMITTEES,
  lmsSystems: LMS_SYSTEMS,
  cefrLevels: CEFR_LEVELS,
};
