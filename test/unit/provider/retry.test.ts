import { describe, expect, it } from 'vitest';
import { TRY_AGAIN, retryOnConflict, retryOptimistic } from '../../../shared/concurrency/retry';
import { ProblemError } from '../../../shared/http/problem';

class Conflict extends Error {}

describe('retryOnConflict (optimistic concurrency)', () => {
  it('tries again after a conflict and returns the first success', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw new Conflict();
      return 'ok';
    }, (e) => e instanceof Conflict, 'Probeer opnieuw.');
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it('after the last attempt answers 409 with the message; other errors pass through at once', async () => {
    let calls = 0;
    const exhausted = retryOnConflict(async () => { calls++; throw new Conflict(); }, (e) => e instanceof Conflict, 'Probeer opnieuw.');
    await expect(exhausted).rejects.toMatchObject({ status: 409 });
    await expect(exhausted).rejects.toBeInstanceOf(ProblemError);
    expect(calls).toBe(3);
    const other = new Error('boom');
    await expect(retryOnConflict(async () => { throw other; }, (e) => e instanceof Conflict, 'x')).rejects.toBe(other);
  });
});

describe('retryOptimistic (the one loop: cheques and every retryOnConflict)', () => {
  it('decides again after a lost race, pauses between attempts (not after the last), then throws what exhausted gives', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const won = await retryOptimistic(async (n) => { calls++; return n < 2 ? TRY_AGAIN : `won at ${n}`; }, { attempts: 5, exhausted: () => new Error('busy'), pause: async (n) => { pauses.push(n); } });
    expect(won).toBe('won at 2');
    expect(calls).toBe(3);
    expect(pauses).toEqual([0, 1]);

    pauses.length = 0;
    const busy = new Error('busy');
    await expect(retryOptimistic(async () => TRY_AGAIN, { attempts: 3, exhausted: () => busy, pause: async (n) => { pauses.push(n); } })).rejects.toBe(busy);
    expect(pauses).toEqual([0, 1]);
  });
});
