import type { CodeList } from './code-list';

/**
 * Learning management systems a provider can choose from (R-ORG-4); "other" with free text is always
 * possible besides these. The department's real drop-down list is not in the sources: these are
 * common systems, to be aligned with it.
 */
export const LMS_SYSTEMS = [
  { code: 'moodle', label: 'Moodle' },
  { code: 'canvas', label: 'Canvas' },
  { code: 'blackboard', label: 'Blackboard' },
  { code: 'smartschool', label: 'Smartschool' },
  { code: 'brightspace', label: 'Brightspace (D2L)' },
  { code: 'chamilo', label: 'Chamilo' },
  { code: 'teams', label: 'Microsoft Teams voor onderwijs' },
  { code: 'googleClassroom', label: 'Google Classroom' },
] as const satisfies CodeList;

export const LMS_CODES = [
  'moodle',
  'canvas',
  'blackboard',
  'smartschool',
  'brightspace',
  'chamilo',
  'teams',
  'googleClassroom',
] as const satisfies readonly (typeof LMS_SYSTEMS)[number]['code'][];

export type LmsCode = (typeof LMS_CODES)[number];

/** The choice that needs a free-text name (R-ORG-4). */
export const OTHER_LMS = 'other';
