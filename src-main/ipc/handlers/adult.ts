import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/** Klaster 3: PTM screening, HT/DM registers and kontrol, lansia; reference-set settings. */
export function adultHandlers(services: Services) {
  const { adult } = services;
  return defineHandlers({
    'adult.settings.get': { access: 'signedIn', handle: () => adult.settings() },
    'adult.settings.set': {
      access: ADMIN,
      handle: (input, ctx) => adult.setSettings(ctx.actor, input),
    },

    'adult.screening.list': { access: 'signedIn', handle: (input) => adult.screeningList(input) },
    'adult.screening.export': {
      access: 'signedIn',
      handle: (input, ctx) => adult.screeningExport(input, ctx.locale),
    },
    'adult.screening.get': {
      access: 'signedIn',
      handle: ({ id }, ctx) => adult.screeningGet(id, ctx.locale),
    },
    'adult.screening.create': {
      access: WRITERS,
      handle: (input, ctx) => adult.screeningCreate(ctx.actor, input),
    },
    'adult.screening.update': {
      access: WRITERS,
      handle: (input, ctx) => adult.screeningUpdate(ctx.actor, input),
    },
    'adult.screening.delete': {
      access: WRITERS,
      handle: (input, ctx) => adult.screeningDelete(ctx.actor, input),
    },

    'adult.patient.list': { access: 'signedIn', handle: (input) => adult.patientList(input) },
    'adult.patient.export': {
      access: 'signedIn',
      handle: (input, ctx) => adult.patientExport(input, ctx.locale),
    },
    'adult.patient.create': {
      access: WRITERS,
      handle: (input, ctx) => adult.patientCreate(ctx.actor, input),
    },
    'adult.patient.update': {
      access: WRITERS,
      handle: (input, ctx) => adult.patientUpdate(ctx.actor, input),
    },
    'adult.patient.delete': {
      access: WRITERS,
      handle: (input, ctx) => adult.patientDelete(ctx.actor, input),
    },

    'adult.kontrol.create': {
      access: WRITERS,
      handle: (input, ctx) => adult.kontrolCreate(ctx.actor, input),
    },
    'adult.kontrol.update': {
      access: WRITERS,
      handle: (input, ctx) => adult.kontrolUpdate(ctx.actor, input),
    },
    'adult.kontrol.delete': {
      access: WRITERS,
      handle: (input, ctx) => adult.kontrolDelete(ctx.actor, input),
    },

    'adult.lansia.list': { access: 'signedIn', handle: (input) => adult.lansiaList(input) },
    'adult.lansia.export': {
      access: 'signedIn',
      handle: (input, ctx) => adult.lansiaExport(input, ctx.locale),
    },
    'adult.lansia.get': {
      access: 'signedIn',
      handle: ({ id }, ctx) => adult.lansiaGet(id, ctx.locale),
    },
    'adult.lansia.create': {
      access: WRITERS,
      handle: (input, ctx) => adult.lansiaCreate(ctx.actor, input),
    },
    'adult.lansia.update': {
      access: WRITERS,
      handle: (input, ctx) => adult.lansiaUpdate(ctx.actor, input),
    },
    'adult.lansia.delete': {
      access: WRITERS,
      handle: (input, ctx) => adult.lansiaDelete(ctx.actor, input),
    },

    'adult.person.summary': {
      access: 'signedIn',
      handle: ({ personId }, ctx) => adult.personSummary(personId, ctx.locale),
    },
  });
}
