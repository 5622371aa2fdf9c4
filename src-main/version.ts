import packageJson from '../package.json' with { type: 'json' };

/** The application version, from package.json (bundled at build time). */
export const APP_VERSION: string = packageJson.version;
