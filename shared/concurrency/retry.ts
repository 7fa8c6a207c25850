import { conflict } from '../http/problem';

/** How often a read-modify-write is tried before the caller is told to try again (409). */
export const OPTIMISTIC_ATTEMPTS = 3;

/** What an attempt returns when it lost a race (a conditional write was refused): read again and decide again. */
export const TRY_AGAIN: unique symbol = Symbol('try again');

export interface OptimisticRetry {
  attempts: number;
  /** The error after the last attempt lost (for people: Dutch, e.g. a 409 or a 503). */
  exhausted: () => Error;
  /** Waited before attempt `n + 1` after attempt `n` (0-based) lost; none by default. The caller owns the timer. */
  pause?: (attempt: number) => Promise<void>;
}

/**
 * THE optimistic-concurrency loop: runs `attempt` (a fresh read, a decision, a conditional write) until
 * it returns something other than `TRY_AGAIN`, at most `attempts` times, then throws `exhausted()`.
 * Errors thrown by an attempt pass through at once.
 */
export async function retryOptimistic<T>(attempt: (n: number) => Promise<T | typeof TRY_AGAIN>, options: OptimisticRetry): Promise<T> {
  for (let n = 0; n < options.attempts; n++) {
    const result = await attempt(n);
    if (result !== TRY_AGAIN) return result;
    if (n + 1 < options.attempts) await options.pause?.(n);
  }
  throw options.exhausted();
}

/**
 * Optimistic concurrency where a lost race is an error: runs `work` again when it fails with an error
 * `isConflict` recognises — someone wrote in between. After `attempts` tries the caller gets a 409 with
 * `message` (Dutch, for people). Any other error passes through.
 */
export function retryOnConflict<T>(
  work: () => Promise<T>,
  isConflict: (error: unknown) => boolean,
  message: string,
  attempts = OPTIMISTIC_ATTEMPTS,
): Promise<T> {
  return retryOptimistic(async () => {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error)) throw error;
      return TRY_AGAIN;
    }
  }, { attempts, exhausted: () => conflict(message) });
}
