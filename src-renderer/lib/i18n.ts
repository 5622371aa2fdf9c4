import { useCallback } from 'react';
import { translate, type MessageKey, type MessageParams } from '@shared/i18n';
import { useUiStore } from '../stores/ui';

/** `t(key, params)` in the current language. */
export function useT() {
  const locale = useUiStore((s) => s.locale);
  return useCallback(
    (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    [locale],
  );
}
