import * as z from 'zod';
// Only the Dutch messages: `z.locales.nl()` would pull every language into each Lambda bundle.
import nl from 'zod/v4/locales/nl.js';

/**
 * Dutch validation messages for every schema: zod's own Dutch locale, with a plainer message for a
 * missing field. Schemas that need a more specific message give it themselves.
 */
z.config(nl());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'Dit veld is verplicht.';
    if (issue.code === 'unrecognized_keys') return `Onbekend veld: ${issue.keys.join(', ')}.`;
    return undefined;
  },
});

export { z };
