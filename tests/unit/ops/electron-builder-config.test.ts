import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../src-main/paths';

/**
 * The installer configuration, checked without building an installer (that needs downloads):
 * it must validate against electron-builder's own JSON schema and say what issue #10 asks.
 * Validators: ajv and js-yaml are electron-builder's own dependencies (app-builder-lib), present
 * in node_modules; they are not added to package.json.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ??
  AjvModule) as typeof AjvModule;

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[]; icon: string };
  nsis: Record<string, unknown>;
  linux: Record<string, unknown> & { target: string[]; icon: string };
  deb: { depends: string[] };
  directories: { output: string; buildResources: string };
};

const load = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as Config;
const config = load('electron-builder.yml');
const schema = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('validates against electron-builder’s own JSON schema', () => {
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject a misspelt option.
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('passes electron-builder’s own configuration check', async () => {
    const { validateConfiguration } = require(
      path.join(root, 'node_modules/app-builder-lib/out/util/config/config.js'),
    ) as {
      validateConfiguration(c: object, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(
      validateConfiguration(structuredClone(config), { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined();
  });

  it('names the product and publishes nowhere', () => {
    expect(config.productName).toBe('Siklus');
    expect(config.appId).toBe('id.siklus.desktop');
    expect(config.publish).toBeNull();
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'resources' });
  });

  it('builds an assisted NSIS installer for Windows x64 that never deletes the data folder', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
    // The data folder lives under userData (%APPDATA%\Siklus), which the uninstaller keeps.
    const userData = path.join(os.tmpdir(), 'AppData', 'Roaming', 'Siklus');
    expect(resolveDataDir({}, userData)).toBe(path.join(userData, 'data'));
  });

  it('builds an AppImage and a deb with Electron’s Debian/Ubuntu dependencies', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toEqual(expect.stringMatching(/<.+@.+>/));
    const depends = config.deb.depends.join(',');
    for (const library of [
      'libgtk-3-0',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2',
      'libnotify4',
    ]) {
      expect(depends).toContain(library);
    }
  });

  it('ships a real icon set: PNGs 16…512 and a multi-size .ico', () => {
    const resources = path.join(root, config.directories.buildResources);
    const iconsDir = path.join(resources, config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(path.join(iconsDir, `${size}x${size}.png`))).toEqual([size, size]);
    }
    const ico = fs.readFileSync(path.join(resources, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // icon
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    // The script that drew them is committed beside the app's dev tools.
    expect(fs.existsSync(path.join(root, 'src-main/dev/make-icons.ts'))).toBe(true);
  });

  it('packs only the build output and production dependencies, natives unpacked', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.files).toContain('!out/**/*.map');
    expect(config.files.join(' ')).not.toMatch(/src-|tests|node_modules\/\*\*(?!\/)/);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });

  it('rebuilds native modules for Electron while packaging and fails the build on error', async () => {
    expect(config).toMatchObject({
      npmRebuild: true,
      nativeRebuilder: 'sequential',
      buildDependenciesFromSource: false,
    });
    expect(config.afterPack).toBe('./src-main/dev/after-pack.mjs');
    const hook = (await import(
      pathToFileURL(path.join(root, 'src-main/dev/after-pack.mjs')).href
    )) as {
      afterPack: unknown;
      checkNativeModules(dir: string, platform: string, arch: string): string[];
    };
    expect(typeof hook.afterPack).toBe('function');
    // This machine's better-sqlite3 build is a Linux x64 binary: fine for linux/x64 only.
    const release = path.join(root, 'node_modules/better-sqlite3/build/Release');
    if (process.platform === 'linux' && process.arch === 'x64') {
      expect(hook.checkNativeModules(release, 'linux', 'x64')).toEqual([]);
      expect(hook.checkNativeModules(release, 'win32', 'x64').join('\n')).toMatch(
        /better_sqlite3\.node is built for linux\/x64, not win32\/x64/,
      );
    }
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'siklus-natives-'));
    try {
      expect(hook.checkNativeModules(empty, 'linux', 'x64')).toEqual([
        `better_sqlite3.node not found under ${empty}`,
      ]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(fs.existsSync(path.join(root, 'node_modules/@electron/fuses/package.json'))).toBe(true);
  });

  it('has an e2e variant that only re-enables the inspector fuse (electron-builder merges it)', async () => {
    const e2e = load('electron-builder.e2e.yml');
    expect(validate(e2e)).toBe(true);
    const { getConfig } = require(
      path.join(root, 'node_modules/app-builder-lib/out/util/config/config.js'),
    ) as {
      getConfig(projectDir: string, configPath: string | null, options: null): Promise<Config>;
    };
    const merged = await getConfig(root, 'electron-builder.e2e.yml', null);
    expect(merged.electronFuses).toEqual({
      ...config.electronFuses,
      enableNodeCliInspectArguments: true,
    });
    expect(merged.directories.output).toBe('dist/e2e');
    expect(merged.nsis).toEqual(config.nsis);
    expect(merged.files).toEqual(expect.arrayContaining([expect.anything()]));
  });
});
