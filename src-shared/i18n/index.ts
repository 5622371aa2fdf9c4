import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey };
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { id, en };

export type MessageParams = Record<string, string | number>;

/** Translate `key` into `locale`, filling `{placeholders}` from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in id;
}

/**
 * The label of a form field (`field.<name>`), or the name itself when no label is defined.
 * Field names are the last segment of a zod issue path (e.g. `nik`, `birthDate`).
 */
export function fieldLabel(locale: Locale, name: string): string {
  const key = `field.${name}`;
  return isMessageKey(key) ? translate(locale, key) : name;
}
