export * from './sasaran';
export * from './sdm';
export * from './kader';
export * from './jejaring';
