import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isNavigationAllowed,
  isTrustedSenderUrl,
  resolveStaticFile,
  secureWebPreferences,
  staticHeaders,
} from '../../../src-main/app/security';
import { resolveDataDir } from '../../../src-main/paths';

describe('window security settings', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the page from app://, never file://', () => {
    expect(APP_INDEX_URL).toBe('app://siklus/index.html');
  });

  it('has a strict CSP: own scripts only, no eval, no remote, no frames or plugins', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => {
        const [name, ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(staticHeaders('/x/index.html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies every navigation and redirect', () => {
    for (const url of ['https://evil.example', 'file:///etc/passwd', 'app://siklus/other.html']) {
      expect(isNavigationAllowed(url)).toBe(false);
    }
  });

  it('opens only allow-listed https pages externally', () => {
    expect(isAllowedExternalUrl('https://satusehat.kemkes.go.id/platform')).toBe(true);
    expect(isAllowedExternalUrl('http://satusehat.kemkes.go.id/')).toBe(false);
    expect(isAllowedExternalUrl('https://satusehat.kemkes.go.id.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@satusehat.kemkes.go.id/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });

  it('trusts IPC only from the app:// page (or the dev server in development)', () => {
    expect(isTrustedSenderUrl('app://siklus/index.html#/penduduk')).toBe(true);
    expect(isTrustedSenderUrl('app://other/index.html')).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/index.html')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index.js?v=1')).toBe(
      path.join(root, 'assets/index.js'),
    );
    expect(resolveStaticFile(root, '/../secret.txt')).toBeNull();
    expect(resolveStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStaticFile(root, '/assets/%00.js')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
  });

  it('keeps data under userData unless SIKLUS_DATA_DIR overrides it', () => {
    expect(resolveDataDir({}, '/home/u/.config/Siklus')).toBe('/home/u/.config/Siklus/data');
    expect(resolveDataDir({ SIKLUS_DATA_DIR: '/tmp/x' }, '/home/u/.config/Siklus')).toBe('/tmp/x');
    expect(resolveDataDir({ SIKLUS_DATA_DIR: '  ' }, '/u')).toBe('/u/data');
  });
});
