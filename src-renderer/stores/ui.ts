import { create } from 'zustand';
import { DEFAULT_LOCALE, type Locale } from '@shared/i18n';

/** UI state only: never a copy of the database. */
interface UiState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useUiStore = create<UiState>((set) => ({
  locale: DEFAULT_LOCALE,
  setLocale: (locale) => {
    document.documentElement.lang = locale;
    set({ locale });
  },
}));
