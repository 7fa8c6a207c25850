/**
 * Version of the reference data in this folder. Bump it whenever a list changes, so stored
 * applications and check reports can say against which lists they were checked.
 */
export const REFERENCE_VERSION = '2026-1';
