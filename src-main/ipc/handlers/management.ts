import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/** Klaster 1 Manajemen: sasaran, SDM (nakes register), kader, Pustu, FKTP lain, posyandu files. */
export function managementHandlers(services: Services) {
  const { sasaran, sdm, kader, jejaring } = services.management;
  return defineHandlers({
    'sasaran.table': { access: 'signedIn', handle: ({ year }) => sasaran.table(year) },
    'sasaran.save': { access: WRITERS, handle: (input, ctx) => sasaran.save(ctx.actor, input) },
    'sasaran.estimate': {
      access: WRITERS,
      handle: (input, ctx) => sasaran.estimate(ctx.actor, input),
    },
    'sasaran.split': { access: WRITERS, handle: (input, ctx) => sasaran.split(ctx.actor, input) },
    'sasaran.copyYear': {
      access: WRITERS,
      handle: (input, ctx) => sasaran.copyYear(ctx.actor, input),
    },
    'sasaran.constants': { access: 'signedIn', handle: ({ year }) => sasaran.constants(year) },
    // The constants change every estimate and so every report's denominator: admin only.
    'sasaran.setConstants': {
      access: ADMIN,
      handle: (input, ctx) => sasaran.setConstants(ctx.actor, input),
    },
    'sasaran.export': {
      access: 'signedIn',
      handle: (input, ctx) => sasaran.exportFile(input, ctx.locale),
    },
    'sasaran.import': {
      access: WRITERS,
      handle: (input, ctx) => sasaran.importFile(ctx.actor, input),
    },

    'nakes.list': {
      access: 'signedIn',
      handle: ({ includeInactive }) => sdm.list(includeInactive),
    },
    'nakes.create': { access: WRITERS, handle: (input, ctx) => sdm.create(ctx.actor, input) },
    'nakes.update': { access: WRITERS, handle: (input, ctx) => sdm.update(ctx.actor, input) },
    'nakes.expiring': { access: 'signedIn', handle: ({ days }) => sdm.expiring(days) },
    'nakes.export': { access: 'signedIn', handle: (_i, ctx) => sdm.exportFile(ctx.locale) },
    'nakes.import': { access: WRITERS, handle: (input, ctx) => sdm.importFile(ctx.actor, input) },

    'kader.list': { access: 'signedIn', handle: (input) => kader.list(input) },
    'kader.create': { access: WRITERS, handle: (input, ctx) => kader.create(ctx.actor, input) },
    'kader.update': { access: WRITERS, handle: (input, ctx) => kader.update(ctx.actor, input) },
    'kader.export': { access: 'signedIn', handle: (_i, ctx) => kader.exportFile(ctx.locale) },
    'kader.import': {
      access: WRITERS,
      handle: (input, ctx) => kader.importFile(ctx.actor, input),
    },

    'pustu.list': {
      access: 'signedIn',
      handle: ({ includeInactive }) => jejaring.pustuList(includeInactive),
    },
    'pustu.create': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.createPustu(ctx.actor, input),
    },
    'pustu.update': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.updatePustu(ctx.actor, input),
    },
    'pustu.export': { access: 'signedIn', handle: (_i, ctx) => jejaring.exportPustu(ctx.locale) },
    'pustu.import': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.importPustu(ctx.actor, input),
    },

    'fktp.list': {
      access: 'signedIn',
      handle: ({ includeInactive }) => jejaring.fktpList(includeInactive),
    },
    'fktp.options': {
      access: 'signedIn',
      handle: ({ includeInactive }) => jejaring.fktpOptions(includeInactive),
    },
    'fktp.create': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.createFktp(ctx.actor, input),
    },
    'fktp.update': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.updateFktp(ctx.actor, input),
    },
    'fktp.export': { access: 'signedIn', handle: (_i, ctx) => jejaring.exportFktp(ctx.locale) },
    'fktp.import': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.importFktp(ctx.actor, input),
    },

    'posyandu.export': {
      access: 'signedIn',
      handle: (_i, ctx) => jejaring.exportPosyandu(ctx.locale),
    },
    'posyandu.import': {
      access: WRITERS,
      handle: (input, ctx) => jejaring.importPosyandu(ctx.actor, input),
    },
  });
}
