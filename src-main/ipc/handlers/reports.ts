import type { Services } from '../../services';
import { defineHandlers } from '../types';

/** Laporan (issue #8): every signed-in user may read the reports, pembaca included. */
export function reportsHandlers(services: Services) {
  const { reports } = services;
  return defineHandlers({
    'reports.monthly': {
      access: 'signedIn',
      handle: ({ period, cluster }, ctx) => reports.monthly(period, cluster, ctx.locale),
    },
    'reports.drill': {
      access: 'signedIn',
      handle: (input, ctx) => reports.drill(input, ctx.locale),
    },
    'reports.series': {
      access: 'signedIn',
      handle: ({ period, code }, ctx) => reports.series(period, code, ctx.locale),
    },
    'reports.skdn': {
      access: 'signedIn',
      handle: ({ period }, ctx) => reports.skdn(period, ctx.locale),
    },
    'reports.xlsx': {
      access: 'signedIn',
      handle: ({ period }, ctx) => reports.xlsx(period, ctx.locale),
    },
  });
}
