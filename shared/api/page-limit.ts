import * as z from 'zod';

/**
 * The `limit` query parameter of every paged route: a whole number from 1 to `max`, coerced from the
 * query string (one schema instead of a regex per route). The message names the range for people.
 */
export const pageLimit = (max: number, description: string) => {
  const message = `Geef een limiet tussen 1 en ${max}.`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(1, { error: message })
    .max(max, { error: message })
    .optional()
    .meta({ description });
};
