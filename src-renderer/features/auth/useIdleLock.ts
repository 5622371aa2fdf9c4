import { useEffect, useRef } from 'react';
import { invoke } from '../../lib/api';
import type { AuthStatus } from '@shared/contract';

const TOUCH_EVERY_MS = 60_000;

/**
 * Locks the screen after `minutes` without keyboard or mouse activity, and tells the main
 * process about activity (at most once a minute) so its own idle lock agrees.
 */
export function useIdleLock(
  minutes: number,
  enabled: boolean,
  onStatus: (status: AuthStatus) => void,
) {
  const lastActivity = useRef(0);
  const lastTouch = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    lastTouch.current = lastActivity.current;
    const onActivity = () => {
      lastActivity.current = Date.now();
      if (lastActivity.current - lastTouch.current > TOUCH_EVERY_MS) {
        lastTouch.current = lastActivity.current;
        void invoke('auth.touch');
      }
    };
    const events = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    const timer = window.setInterval(async () => {
      if (Date.now() - lastActivity.current < minutes * 60_000) return;
      const result = await invoke('auth.lock');
      if (result.ok) onStatus(result.value);
    }, 15_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, onActivity));
      window.clearInterval(timer);
    };
  }, [minutes, enabled, onStatus]);
}
