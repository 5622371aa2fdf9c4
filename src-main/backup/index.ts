/** Backups of the Siklus database: create (verified), list, verify, restore, retention. */
export * from './create';
export * from './files';
export * from './inspect';
export * from './lock';
export * from './restore';
export * from './retention';
export * from './store';
export * from './verify';
export * from './salvage';
