import * as z from 'zod';
import { validationFailed } from '../../shared/http/problem';

/**
 * THE cursor codec of every paged route (issue 12): a cursor is base64url JSON of an exact key set,
 * parsed with a strict zod schema, so a crafted cursor — unknown keys, wrong types, another caller's
 * partition — is a 400 problem (`invalid_cursor`), never a DynamoDB error and a 500.
 */
export interface CursorCodec<T> {
  encode(value: T): string;
  /** Decodes, or throws 400; `expected` pins fields (e.g. the caller's own partition). */
  decode(cursor: string, expected?: Partial<T>): T;
}

const invalidCursor = () => validationFailed([{
  path: 'query.cursor', code: 'invalid_cursor', message: 'Deze cursor is ongeldig; gebruik nextCursor van de vorige pagina of begin opnieuw bij de eerste.',
}]);

export function cursorCodec<S extends z.ZodType<Record<string, unknown>>>(schema: S): CursorCodec<z.output<S>> {
  return {
    encode: (value) => Buffer.from(JSON.stringify(schema.parse(value)), 'utf8').toString('base64url'),
    decode(cursor, expected = {}) {
      if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw invalidCursor();
      let json: unknown;
      try { json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')); } catch { throw invalidCursor(); }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw invalidCursor();
      for (const [key, value] of Object.entries(expected)) if (parsed.data[key] !== value) throw invalidCursor();
      return parsed.data;
    },
  };
}

/** A DynamoDB `LastEvaluatedKey` of a query on these key attributes (all strings), as a cursor. */
export function dynamoKeyCursor(keyNames: readonly string[]) {
  const codec = cursorCodec(z.strictObject(Object.fromEntries(keyNames.map((name) => [name, z.string().min(1).max(1024)]))) as z.ZodType<Record<string, string>>);
  return {
    ...codec,
    /** The cursor of a page's `LastEvaluatedKey`, or null on the last page. */
    fromKey: (key: Record<string, unknown> | undefined): string | null =>
      key ? codec.encode(Object.fromEntries(keyNames.map((name) => [name, key[name] as string]))) : null,
  };
}
