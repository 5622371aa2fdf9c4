import { createAppService, type AppFacts } from './app';
import type { ServiceDeps } from './context';
import { createSettingsService } from './settings';

export type { Actor, ServiceDeps } from './context';

/** All use cases, built once per opened database. */
export function createServices(deps: ServiceDeps, facts: AppFacts) {
  const settings = createSettingsService(deps);
  return {
    settings,
    app: createAppService(facts, settings),
  };
}

export type Services = ReturnType<typeof createServices>;
