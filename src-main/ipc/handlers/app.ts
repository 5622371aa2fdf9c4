import type { Services } from '../../services';
import { defineHandlers } from '../types';

export function appHandlers(services: Services) {
  return defineHandlers({
    'app.info': { access: 'public', handle: () => services.app.info() },
    'settings.setLocale': {
      access: 'public',
      handle: async ({ locale }, ctx) => ({
        locale: await services.settings.setLocale(locale, { ...ctx.actor, locale }),
      }),
    },
  });
}
