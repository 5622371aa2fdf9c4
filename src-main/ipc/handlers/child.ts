import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/** Klaster 2, children: reads for every signed-in user, writes for admin and petugas. */
export function childHandlers(services: Services) {
  const { child } = services;
  return defineHandlers({
    'child.register': { access: 'signedIn', handle: (input) => child.register(input) },
    'child.card': {
      access: 'signedIn',
      handle: ({ personId }, ctx) => child.card(personId, ctx.locale),
    },
    'child.profile.save': {
      access: WRITERS,
      handle: (input, ctx) => child.saveProfile(ctx.actor, input),
    },
    'child.settings.get': { access: 'signedIn', handle: () => child.settings.get() },
    'child.settings.set': {
      access: ADMIN,
      handle: (input, ctx) => child.settings.set(ctx.actor, input),
    },

    'growth.create': {
      access: WRITERS,
      handle: (input, ctx) => child.createGrowth(ctx.actor, input),
    },
    'growth.update': {
      access: WRITERS,
      handle: (input, ctx) => child.updateGrowth(ctx.actor, input),
    },
    'growth.delete': {
      access: WRITERS,
      handle: (input, ctx) => child.deleteGrowth(ctx.actor, input),
    },

    'immunization.create': {
      access: WRITERS,
      handle: (input, ctx) => child.createDose(ctx.actor, input),
    },
    'immunization.update': {
      access: WRITERS,
      handle: (input, ctx) => child.updateDose(ctx.actor, input),
    },
    'immunization.delete': {
      access: WRITERS,
      handle: (input, ctx) => child.deleteDose(ctx.actor, input),
    },
    'immunization.sasaran': {
      access: 'signedIn',
      handle: (input, ctx) => child.sasaran(input, ctx.locale),
    },
    'immunization.sasaranXlsx': {
      access: 'signedIn',
      handle: (input, ctx) => child.sasaranXlsx(input, ctx.locale),
    },

    'vitaminA.create': {
      access: WRITERS,
      handle: (input, ctx) => child.createVitaminA(ctx.actor, input),
    },
    'vitaminA.update': {
      access: WRITERS,
      handle: (input, ctx) => child.updateVitaminA(ctx.actor, input),
    },
    'vitaminA.delete': {
      access: WRITERS,
      handle: (input, ctx) => child.deleteVitaminA(ctx.actor, input),
    },
    'vitaminA.round': {
      access: 'signedIn',
      handle: (input, ctx) => child.vitaminARound(input, ctx.locale),
    },

    'neonatal.create': {
      access: WRITERS,
      handle: (input, ctx) => child.createNeonatal(ctx.actor, input),
    },
    'neonatal.update': {
      access: WRITERS,
      handle: (input, ctx) => child.updateNeonatal(ctx.actor, input),
    },
    'neonatal.delete': {
      access: WRITERS,
      handle: (input, ctx) => child.deleteNeonatal(ctx.actor, input),
    },

    'posyandu.session.open': {
      access: 'signedIn',
      handle: (input, ctx) => child.session.open(input, ctx.locale),
    },
    'posyandu.session.save': {
      access: WRITERS,
      handle: (input, ctx) => child.session.save(ctx.actor, input),
    },
    'posyandu.session.list': { access: 'signedIn', handle: (input) => child.session.list(input) },
  });
}
