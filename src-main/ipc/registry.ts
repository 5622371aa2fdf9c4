import type { Services } from '../services';
import { appHandlers } from './handlers/app';
import type { HandlerRegistry } from './types';

/** Every channel's handler. A channel in the contract without a handler fails to compile. */
export function createHandlers(services: Services) {
  return {
    ...appHandlers(services),
  } satisfies HandlerRegistry;
}
