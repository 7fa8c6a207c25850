import { conflict } from '../http/problem';

/** How often a read-modify-write is tried before the caller is told to try again (409). */
export const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Optimistic concurrency: runs `work` (a fresh read, a decision, a conditional write) again when it
 * fails with an error `isConflict` recognises — someone wrote in between. After `attempts` tries the
 * caller gets a 409 with `message` (Dutch, for people). Any other error passes through.
 */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  isConflict: (error: unknown) => boolean,
  message: string,
  attempts = OPTIMISTIC_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt >= attempts) throw conflict(message);
    }
  }
}
