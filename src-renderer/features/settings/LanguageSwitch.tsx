import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, type Locale } from '@shared/i18n';
import { invoke } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useUiStore } from '../../stores/ui';

const LABELS: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };
const SHORT: Record<Locale, string> = { id: 'ID', en: 'EN' };

/** Switches the language of the screens and of the main process's messages. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const locale = useUiStore((s) => s.locale);
  const setLocale = useUiStore((s) => s.setLocale);

  async function change(value: string) {
    const next = LOCALES.find((l) => l === value);
    if (!next || next === locale) return;
    const result = await invoke('settings.setLocale', { locale: next });
    if (result.ok) setLocale(result.value.locale);
    else
      notifications.show({ color: 'red', title: t('error.title'), message: result.error.message });
  }

  return (
    <SegmentedControl
      aria-label={t('common.language')}
      size={compact ? 'xs' : 'sm'}
      value={locale}
      onChange={(value) => void change(value)}
      data={LOCALES.map((l) => ({ value: l, label: compact ? SHORT[l] : LABELS[l] }))}
    />
  );
}
