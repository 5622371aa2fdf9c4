import type { SetupInput } from '@shared/contract';
import type { TestCore } from './core';

/** Kecamatan Karangpawitan, Kab. Garut: 4 kelurahan and 16 desa in the Kemendagri list. */
export const KARANGPAWITAN = {
  provinceCode: '32',
  regencyCode: '32.05',
  districtCode: '32.05.02',
  villageCodes: ['32.05.02.1001', '32.05.02.2004', '32.05.02.2005', '32.05.02.2006'],
};

export const ADMIN = {
  username: 'admin',
  password: 'rahasia-admin-1',
  fullName: 'Admin Puskesmas',
};

export function setupInput(overrides: Partial<SetupInput['facility']> = {}): SetupInput {
  return {
    facility: {
      mode: 'puskesmas',
      name: 'Puskesmas Karangpawitan',
      kodePuskesmas: 'P3205020101',
      provinceCode: KARANGPAWITAN.provinceCode,
      regencyCode: KARANGPAWITAN.regencyCode,
      districtCode: KARANGPAWITAN.districtCode,
      timezone: 'WIB',
      ...overrides,
    },
    villageCodes: KARANGPAWITAN.villageCodes,
    admin: { ...ADMIN, passwordConfirm: ADMIN.password },
  };
}

/** Run the first-run setup (signs in as the admin). */
export async function setupFacility(t: TestCore): Promise<void> {
  const result = await t.call('setup.complete', setupInput());
  if (!result.ok) throw new Error(`setup failed: ${result.error.message}`);
}

/** Create a user as the signed-in admin, then sign in as that user (password already changed). */
export async function signInAs(
  t: TestCore,
  role: 'admin' | 'petugas' | 'pembaca',
  username = `${role}1`,
): Promise<string> {
  const password = `sandi-${username}-123`;
  const created = await t.call('users.create', {
    username,
    fullName: `Pengguna ${username}`,
    role,
    password,
  });
  if (!created.ok) throw new Error(created.error.message);
  await t.call('auth.logout');
  const login = await t.call('auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.message);
  const changed = await t.call('auth.changePassword', {
    currentPassword: password,
    newPassword: `${password}-baru`,
    passwordConfirm: `${password}-baru`,
  });
  if (!changed.ok) throw new Error(changed.error.message);
  return (created.value as { id: string }).id;
}

export async function signInAdmin(t: TestCore): Promise<void> {
  await t.call('auth.logout');
  const login = await t.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  if (!login.ok) throw new Error(login.error.message);
}
