import type { Services } from '../../services';
import { ADMIN, defineHandlers, WRITERS } from '../types';

/** Klaster 2 · Ibu: kohort ibu, pregnancy card, ANC, persalinan, nifas, Td, KB, work lists. */
export function maternalHandlers(services: Services) {
  const { maternal, maternalLists } = services;
  return defineHandlers({
    'maternal.rules': { access: 'signedIn', handle: () => maternal.rules() },
    'maternal.setRules': {
      access: ADMIN,
      handle: (input, ctx) => maternal.setRules(ctx.actor, input),
    },
    'maternal.kohort': { access: 'signedIn', handle: (input) => maternalLists.kohort(input) },
    'maternal.kohortExport': {
      access: 'signedIn',
      handle: (input, ctx) => maternalLists.kohortExport(input, ctx.locale),
    },
    'maternal.workList': {
      access: 'signedIn',
      handle: (input, ctx) => maternalLists.workList(input, ctx.locale),
    },
    'maternal.workListExport': {
      access: 'signedIn',
      handle: (input, ctx) => maternalLists.workListExport(input, ctx.locale),
    },
    'maternal.card': { access: 'signedIn', handle: ({ id }, ctx) => maternal.card(id, ctx.locale) },
    'maternal.person': {
      access: 'signedIn',
      handle: ({ personId }, ctx) => maternal.person(personId, ctx.locale),
    },
    'maternal.createPregnancy': {
      access: WRITERS,
      handle: (input, ctx) => maternal.createPregnancy(ctx.actor, input),
    },
    'maternal.updatePregnancy': {
      access: WRITERS,
      handle: (input, ctx) => maternal.updatePregnancy(ctx.actor, input),
    },
    'maternal.closePregnancy': {
      access: WRITERS,
      handle: (input, ctx) => maternal.closePregnancy(ctx.actor, input),
    },
    'maternal.saveAnc': {
      access: WRITERS,
      handle: (input, ctx) => maternal.saveAnc(ctx.actor, input),
    },
    'maternal.saveDelivery': {
      access: WRITERS,
      handle: (input, ctx) => maternal.saveDelivery(ctx.actor, input),
    },
    'maternal.saveNifas': {
      access: WRITERS,
      handle: (input, ctx) => maternal.saveNifas(ctx.actor, input),
    },
    'maternal.addVitaminA': {
      access: WRITERS,
      handle: (input, ctx) => maternal.addVitaminA(ctx.actor, input),
    },
    'maternal.addTdDose': {
      access: WRITERS,
      handle: (input, ctx) => maternal.addTdDose(ctx.actor, input),
    },
    'maternal.deleteRecord': {
      access: WRITERS,
      handle: (input, ctx) => maternal.deleteRecord(ctx.actor, input),
    },
    'kb.save': { access: WRITERS, handle: (input, ctx) => maternal.saveKb(ctx.actor, input) },
    'kb.preview': { access: 'signedIn', handle: (input) => maternal.kbPreview(input) },
  });
}
