/**
 * Personal data never reaches the logs: national register numbers and email addresses are masked,
 * by key name and by pattern, wherever they appear in a log record.
 */
const SENSITIVE_KEYS = /^(rrn|nationalregisternumber|email|authorization|cookie|x-issuer-signature|password|secret|token|idtoken|phone|firstname|lastname)$/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// 11 digits, optionally written as 85.07.30-033.28
const RRN = /\b\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}\b/g;

export const REDACTED = '[redacted]';

export function redactString(value: string): string {
  return value.replace(EMAIL, REDACTED).replace(RRN, REDACTED);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 12) return REDACTED;
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: value.stack ? redactString(value.stack) : undefined };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SENSITIVE_KEYS.test(key) ? REDACTED : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}
