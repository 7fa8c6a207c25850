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
          severity: z.enum(['error', 'warning']).optional().meta({ description: 'Findings of the admissibility check: blocking, or only a warning' }),
        }),
      )
      .optional()
      .meta({ description: 'Every problem at once' }),
    problems: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string(), severity: z.enum(['error', 'warning']) }))
      .optional()
      .meta({ description: 'A refused submit (409 application-incomplete): every finding of the check, warnings included' }),
    allowed: z.array(z.string()).optional().meta({ description: 'For 409: what is allowed from the current state' }),
  })
  .meta({ description: 'RFC 9457 problem details' });
