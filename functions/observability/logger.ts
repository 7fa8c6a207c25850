import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import * as z from 'zod';
import { baseEnv, parseEnv } from '../config/env';
import { redact } from './redact';

/** Powertools log records with personal data redacted (rrn, email, names, tokens). */
class RedactingLogFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      ...(attributes.lambdaContext ? { function_request_id: attributes.lambdaContext.awsRequestId } : {}),
      ...(attributes.xRayTraceId ? { xray_trace_id: attributes.xRayTraceId } : {}),
    };
    return new LogItem({ attributes: redact({ ...base, ...additional }) as LogAttributes });
  }
}

const env = parseEnv(baseEnv.pick({ POWERTOOLS_SERVICE_NAME: true }).extend({
  LOG_LEVEL: z.string().toUpperCase().pipe(z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'])).default('INFO'),
}));

export const logger = new Logger({
  serviceName: env.POWERTOOLS_SERVICE_NAME,
  logLevel: env.LOG_LEVEL,
  logFormatter: new RedactingLogFormatter(),
});
