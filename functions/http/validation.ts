import { toJSONSchema, type z } from 'zod';
import type { Problem } from '../../shared/http/problem';
import { MULTILINE_MIN_LENGTH, textProblem } from '../../shared/http/text-safety';

/** zod issues → problems with a stable code: a rule id given as `params.code`, else zod's own code. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix = ''): Problem[] {
  return issues.map((issue) => {
    // A rule id given by the schema (`params: { rule: 'R-ORG-4' }` or `{ code }`) is the stable code.
    const params = (issue as { params?: { rule?: unknown; code?: unknown } }).params;
    const code = typeof params?.rule === 'string' ? params.rule : typeof params?.code === 'string' ? params.code : issue.code;
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, code, message: issue.message };
  });
}

type Json = Record<string, unknown>;
const jsonSchemas = new WeakMap<z.ZodType, Json>();

/** The input JSON Schema of a request schema (computed once): it tells which strings may be long. */
function jsonSchemaOf(schema: z.ZodType): Json {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
    jsonSchemas.set(schema, json);
  }
  return json;
}

/** The branches a value may match: `$ref`s resolved, `anyOf`/`oneOf`/`allOf` flattened. */
function branches(schema: Json | undefined, root: Json, depth = 0): Json[] {
  if (!schema || depth > 20) return [];
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
    const defs = (root.$defs ?? root.definitions) as Record<string, Json> | undefined;
    return ref === '#' ? branches(root, root, depth + 1) : branches(defs?.[name], root, depth + 1);
  }
  const nested = [...((schema.anyOf ?? []) as Json[]), ...((schema.oneOf ?? []) as Json[]), ...((schema.allOf ?? []) as Json[])];
  return nested.length ? [schema, ...nested.flatMap((s) => branches(s, root, depth + 1))] : [schema];
}

/**
 * Every text problem (shared/http/text-safety.ts) in a request value, walking it with its schema: a
 * string is multi-line only where the schema allows long text. Checks the raw input, so these problems
 * are listed together with the schema's own.
 */
export function textProblems(schema: z.ZodType, value: unknown, prefix = ''): Problem[] {
  const root = jsonSchemaOf(schema);
  const problems: Problem[] = [];
  const walk = (node: Json[], current: unknown, path: string[]) => {
    if (typeof current === 'string') {
      const multiline = node.some((s) => typeof s.maxLength === 'number' && s.maxLength >= MULTILINE_MIN_LENGTH);
      const problem = textProblem(current, multiline);
      if (problem) problems.push({ path: [prefix, ...path].filter(Boolean).join('.'), ...problem });
    } else if (Array.isArray(current)) {
      const items = node.flatMap((s) => branches(s.items as Json | undefined, root));
      current.forEach((item, index) => walk(items, item, [...path, String(index)]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const inner = node.flatMap((s) => branches(
          ((s.properties as Record<string, Json> | undefined)?.[key]) ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties as Json : undefined),
          root,
        ));
        walk(inner, item, [...path, key]);
      }
    }
  };
  walk(branches(root, root), value, []);
  return problems;
}
