import { Alert, Button, Group } from '@mantine/core';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useT } from '../lib/i18n';

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether Enter/Escape belong to the widget itself (an open list, a textarea, a button). */
function widgetOwnsKey(target: HTMLElement): boolean {
  return (
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'BUTTON' ||
    target.getAttribute('aria-expanded') === 'true' ||
    target.closest('[data-combobox-dropdown]') !== null
  );
}

/** Move focus to the next field of the form (Enter works like Tab, as on a paper register). */
function focusNext(form: HTMLFormElement, from: HTMLElement, backwards = false) {
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) =>
      el.offsetParent !== null && el.tabIndex >= 0 && el.getAttribute('data-skip-enter') === null,
  );
  const index = fields.indexOf(from);
  const next = fields[index + (backwards ? -1 : 1)];
  next?.focus();
  if (next instanceof HTMLInputElement && next.type === 'text') next.select();
}

export interface DataFormProps {
  onSubmit: (event?: FormEvent) => void;
  onCancel?: () => void;
  saving?: boolean;
  /** Message for a problem no field could take (shown above the buttons). */
  error?: string | null;
  submitLabel?: string;
  children: ReactNode;
  /** Extra buttons shown before Batal/Simpan. */
  extraActions?: ReactNode;
  /** Replace the Batal/Simpan buttons entirely (e.g. a wizard's Kembali/Lanjut). */
  actions?: ReactNode;
  'aria-label'?: string;
}

/**
 * The data-entry form every screen uses: Enter moves to the next field, Ctrl+S saves, Esc
 * cancels; errors appear inline next to their fields (and a banner for the rest).
 */
export function DataForm({
  onSubmit,
  onCancel,
  saving,
  error,
  submitLabel,
  children,
  extraActions,
  actions,
  ...rest
}: DataFormProps) {
  const t = useT();

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (event.key === 'Escape' && onCancel && !widgetOwnsKey(target)) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !widgetOwnsKey(target)) {
      event.preventDefault();
      focusNext(event.currentTarget, target, event.shiftKey);
    }
  }

  return (
    <form
      noValidate
      aria-label={rest['aria-label']}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event);
      }}
      onKeyDown={onKeyDown}
    >
      {children}
      {error && (
        <Alert color="red" mt="md" role="alert">
          {error}
        </Alert>
      )}
      {actions ?? (
        <Group justify="flex-end" mt="lg">
          {extraActions}
          {onCancel && (
            <Button variant="default" onClick={onCancel} data-skip-enter>
              {t('common.cancel')} (Esc)
            </Button>
          )}
          <Button type="submit" loading={saving} data-skip-enter>
            {submitLabel ?? t('common.save')} (Ctrl+S)
          </Button>
        </Group>
      )}
    </form>
  );
}
