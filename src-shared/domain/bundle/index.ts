export * from './period';
export * from './revision';
export * from './recap';
