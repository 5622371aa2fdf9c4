import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * What a screen prints (Ctrl+P or a print button): rendered outside the app frame into
 * `<div class="{name}-root">`, hidden on screen, and the only thing on paper while the body has
 * the class `name` (set just before printing, removed after). Each kind of print brings its own
 * stylesheet for those two classes (page size, fonts).
 */
export function PrintArea({
  name = 'siklus-print',
  testId,
  children,
}: {
  name?: string;
  testId?: string;
  children: ReactNode;
}) {
  useEffect(() => {
    const before = () => document.body.classList.add(name);
    const after = () => document.body.classList.remove(name);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      after();
    };
  }, [name]);
  return createPortal(
    <div className={`${name}-root`} data-testid={testId}>
      {children}
    </div>,
    document.body,
  );
}

/** Print the screen's `name` print area now (the same as Ctrl+P on that screen). */
export function printNow(name = 'siklus-print'): void {
  document.body.classList.add(name);
  window.print();
}
