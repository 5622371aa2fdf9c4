import type { z } from 'zod';
import { appChannels } from './app';
import { authChannels } from './auth';
import { backupChannels } from './backup';
import { childChannels } from './child';
import { bundleChannels } from './bundle';
import { facilityChannels } from './facility';
import { managementChannels } from './management';
import { nakesChannels } from './nakes';
import { maternalChannels } from './maternal';
import { personsChannels } from './persons';
import { wilayahChannels } from './wilayah';
import { adultChannels } from './adult';
import { reportsChannels } from './reports';

export * from './errors';
export * from './channel';
export * from './events';
export * from './validation';
export { appInfo, localeSchema, RUNTIMES, type AppInfo } from './app';
export { ROLES, type Role } from './roles';
export * from './fields';
export * from './facility';
export * from './auth';
export * from './wilayah';
export * from './persons';
export * from './backup';
export * from './files';
export * from './nakes';
export * from './maternal';
export * from './child';
export * from './adult';
export * from './management';

/** Every channel of the bridge. Adding one here makes the handler registry require it. */
export const contract = {
  ...appChannels,
  ...authChannels,
  ...facilityChannels,
  ...wilayahChannels,
  ...personsChannels,
  ...backupChannels,
  ...nakesChannels,
  ...maternalChannels,
  ...childChannels,
  ...adultChannels,
  ...bundleChannels,
  ...managementChannels,
  ...reportsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

/** What the caller passes (before parsing: defaults may be missing). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives (after parsing). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
/** What the handler returns and the caller receives. */
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The API the preload (Electron) or the harness bridge (browser) puts on `window.siklus`. */
export interface SiklusBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
export * from './report-format';
export * from './reports';
export * from './bundle';
