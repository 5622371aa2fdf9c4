import type { Services } from '../services';
import { appHandlers } from './handlers/app';
import { authHandlers } from './handlers/auth';
import { backupHandlers } from './handlers/backup';
import { maternalHandlers } from './handlers/maternal';
import { childHandlers } from './handlers/child';
import { bundleHandlers } from './handlers/bundle';
import { managementHandlers } from './handlers/management';
import { registryHandlers } from './handlers/registry-area';
import { adultHandlers } from './handlers/adult';
import { reportsHandlers } from './handlers/reports';
import type { HandlerRegistry } from './types';

/** Every channel's handler. A channel in the contract without a handler fails to compile. */
export function createHandlers(services: Services, nowMs: () => number) {
  return {
    ...appHandlers(services),
    ...authHandlers(services, nowMs),
    ...registryHandlers(services),
    ...backupHandlers(services),
    ...maternalHandlers(services),
    ...childHandlers(services),
    ...adultHandlers(services),
    ...bundleHandlers(services),
    ...managementHandlers(services),
    ...reportsHandlers(services),
  } satisfies HandlerRegistry;
}
