import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, useEffect, useState } from 'react';
import { isIsoDate } from '@shared/domain/dates';

/** `1990-03-05` → `05-03-1990`; anything else is shown as typed. */
function toDisplay(value: string | null | undefined): string {
  if (!value) return '';
  return isIsoDate(value)
    ? `${value.slice(8, 10)}-${value.slice(5, 7)}-${value.slice(0, 4)}`
    : value;
}

/**
 * Typed digits → `DD-MM-YYYY` with the dashes added as you type; complete and valid input is
 * handed on as an ISO date (`YYYY-MM-DD`), anything else as typed (so the schema names the
 * problem). Independent of the PC's locale, unlike the browser's date picker.
 */
export function parseTypedDate(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  if (digits.length === 8) {
    const iso = `${digits.slice(4, 8)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
    if (isIsoDate(iso)) return iso;
  }
  return typed;
}

function formatTyping(typed: string): string {
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 8)].filter(Boolean).join('-');
}

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string | null | undefined;
  onChange: (value: string) => void;
}

export const DateField = forwardRef<HTMLInputElement, DateFieldProps>(function DateField(
  { value, onChange, ...props },
  ref,
) {
  const [text, setText] = useState(toDisplay(value));
  useEffect(() => {
    // Follow outside changes (form reset, loaded record) without fighting the typing.
    if (parseTypedDate(text) !== (value ?? '')) setText(toDisplay(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <TextInput
      ref={ref}
      inputMode="numeric"
      placeholder="HH-BB-TTTT"
      maxLength={10}
      {...props}
      value={text}
      onChange={(event) => {
        const next = formatTyping(event.currentTarget.value);
        setText(next);
        onChange(parseTypedDate(next));
      }}
    />
  );
});
