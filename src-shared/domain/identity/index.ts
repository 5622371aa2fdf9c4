export * from './names';
export * from './nik';
