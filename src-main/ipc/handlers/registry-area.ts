import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/** Facility, regions, wilayah kerja and the person registry. */
export function registryHandlers(services: Services) {
  const { facility, regions, wilayah, persons, nakes } = services;
  return defineHandlers({
    'facility.get': { access: 'signedIn', handle: (_i, ctx) => facility.get(ctx.locale) },
    // Region lists are needed by the first-run wizard, before any account exists.
    'regions.provinces': { access: 'public', handle: () => regions.provinces() },
    'regions.regencies': {
      access: 'public',
      handle: ({ provinceCode }) => regions.regencies(provinceCode),
    },
    'regions.districts': {
      access: 'public',
      handle: ({ regencyCode }) => regions.districts(regencyCode),
    },
    'regions.villages': {
      access: 'public',
      handle: ({ districtCode }) => regions.villages(districtCode),
    },

    'desa.list': { access: 'signedIn', handle: () => wilayah.listDesa() },
    'desa.update': {
      access: WRITERS,
      handle: (input, ctx) => wilayah.updateDesa(ctx.actor, input),
    },
    'desa.add': { access: ADMIN, handle: ({ codes }, ctx) => wilayah.addDesa(ctx.actor, codes) },
    'posyandu.list': {
      access: 'signedIn',
      handle: ({ includeInactive }) => wilayah.listPosyandu(includeInactive),
    },
    'posyandu.create': {
      access: WRITERS,
      handle: (input, ctx) => wilayah.createPosyandu(ctx.actor, input),
    },
    'posyandu.update': {
      access: WRITERS,
      handle: (input, ctx) => wilayah.updatePosyandu(ctx.actor, input),
    },

    'nakes.options': {
      access: 'signedIn',
      handle: ({ includeInactive }) => nakes.options(includeInactive),
    },
    'persons.search': { access: 'signedIn', handle: (input) => persons.search(input) },
    'persons.get': { access: 'signedIn', handle: ({ id }, ctx) => persons.get(id, ctx.locale) },
    'persons.card': { access: 'signedIn', handle: ({ id }, ctx) => persons.card(id, ctx.locale) },
    'persons.checkNik': { access: 'signedIn', handle: (input) => persons.checkNik(input) },
    'persons.create': { access: WRITERS, handle: (input, ctx) => persons.create(ctx.actor, input) },
    'persons.update': { access: WRITERS, handle: (input, ctx) => persons.update(ctx.actor, input) },
    'persons.delete': { access: WRITERS, handle: (input, ctx) => persons.remove(ctx.actor, input) },
    'persons.restore': { access: ADMIN, handle: (input, ctx) => persons.restore(ctx.actor, input) },
  });
}
