import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './child.css';

/**
 * What this screen prints (Ctrl+P or a print button): rendered outside the app frame, hidden on
 * screen, the only thing on paper while the screen is open.
 */
export function PrintArea({ children }: { children: ReactNode }) {
  useEffect(() => {
    const before = () => document.body.classList.add('siklus-print');
    const after = () => document.body.classList.remove('siklus-print');
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      after();
    };
  }, []);
  return createPortal(<div className="siklus-print-root">{children}</div>, document.body);
}

/** Print now (the same as Ctrl+P on this screen). */
export function printNow(): void {
  document.body.classList.add('siklus-print');
  window.print();
}
