export * from './lms';
export * from './who2006';
export * from './who2007';
