/** Account roles. admin: users, settings, export; petugas: data entry; pembaca: read and reports. */
export const ROLES = ['admin', 'petugas', 'pembaca'] as const;
export type Role = (typeof ROLES)[number];
