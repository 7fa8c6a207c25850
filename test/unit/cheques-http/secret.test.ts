import { describe, expect, it } from 'vitest';
import { resolveSecret } from '../../../functions/config/secrets';

describe('secrets of the cheque area', () => {
  it('takes the value from the environment (local stack) and names what is missing otherwise', async () => {
    expect(await resolveSecret('RRN_HMAC_SECRET', { RRN_HMAC_SECRET: 'local-value' })).toBe('local-value');
    await expect(resolveSecret('RRN_HMAC_SECRET', {})).rejects.toThrow('RRN_HMAC_SECRET or RRN_HMAC_SECRET_ARN is required');
  });
});
