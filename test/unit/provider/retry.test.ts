import { describe, expect, it } from 'vitest';
import { retryOnConflict } from '../../../shared/concurrency/retry';
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
