import * as z from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'Dutch, for people' }),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().meta({ description: 'Dotted path into the body; query./path. prefixes for parameters' }),
          code: z.string().meta({ description: 'Stable code: a rule id (R-APP-5) or a validation code' }),
          message: z.string().meta({ description: 'Dutch, for people' }),
        }),
      )
      .optional()
      .meta({ description: 'Every problem at once' }),
    allowed: z.array(z.string()).optional().meta({ description: 'For 409: what is allowed from the current state' }),
  })
  .meta({ description: 'RFC 9457 problem details' });
