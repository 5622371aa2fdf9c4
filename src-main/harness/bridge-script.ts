/**
 * The browser-side `window.siklus` of the harness, served as /__siklus/bridge.js. It mirrors the
 * Electron preload: `invoke` posts to the harness with the per-run token taken from the page
 * URL (`?token=`), and `on` listens to a server-sent event stream.
 */
export const BRIDGE_SCRIPT = String.raw`(() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || sessionStorage.getItem('siklus.token') || '';
  sessionStorage.setItem('siklus.token', token);
  const listeners = new Map();
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/__siklus/events?token=' + encodeURIComponent(token));
    source.onmessage = (message) => {
      let data;
      try { data = JSON.parse(message.data); } catch { return; }
      for (const listener of listeners.get(data.event) || []) listener(data.payload);
    };
  }
  const bridge = {
    async invoke(channel, input) {
      try {
        const response = await fetch('/__siklus/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Siklus-Token': token },
          body: JSON.stringify({ channel, input }),
        });
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: 'Harness tidak dapat dihubungi.' } };
      }
    },
    on(event, listener) {
      ensureEvents();
      const set = listeners.get(event) || new Set();
      listeners.set(event, set);
      const wrapped = (payload) => listener(payload);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
  Object.defineProperty(window, 'siklus', { value: Object.freeze(bridge), writable: false });
})();
`;
