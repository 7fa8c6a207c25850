import * as z from 'zod';

/**
 * Parse the environment once, at module load, with one zod schema; fail fast with every missing or
 * malformed variable named (never their values: some are secrets).
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const names = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${names.join('; ')}`);
  }
  return result.data;
}

/** Variables every function has. */
export const baseEnv = z.object({
  AWS_REGION: z.string().default('eu-west-1'),
  POWERTOOLS_SERVICE_NAME: z.string().default('opleidingsincentives'),
  STAGE: z.string().default('local'),
});
