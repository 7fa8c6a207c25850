import type { Operation } from './operation';
import { backofficeOperations } from './backoffice';
import { catalogueOperations } from './catalogue';
import { chequeOperations } from './cheques';
import { platformOperations } from './platform';
import { providerOperations } from './provider';
import { registrationOperations } from './registrations';

/**
 * Every operation of the HTTP API (api.md). Each area adds its list here; the route table of the
 * CDK app, the local gateway and the OpenAPI document are all derived from this one array.
 */
export const operations: readonly Operation[] = [
  ...platformOperations,
  ...catalogueOperations,
  ...chequeOperations,
  ...providerOperations,
  ...registrationOperations,
  ...backofficeOperations,
];
