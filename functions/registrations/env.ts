import * as z from 'zod';
import { baseEnv, parseEnv } from '../config/env';

const schema = baseEnv.extend({
  TABLE_NAME: z.string().min(1),
});

let parsed: z.output<typeof schema> | undefined;

/**
 * The environment of the registrations area, parsed once on first use (not at import), because
 * `registerApprovedApplication` is also a library function that other areas and tests import before
 * they set the environment.
 */
export function registrationsEnv(): z.output<typeof schema> {
  parsed ??= parseEnv(schema);
  return parsed;
}
