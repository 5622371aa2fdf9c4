export * from './names';
export * from './nik';
export * from './age-groups';
export * from './timezones';
