import { z } from 'zod';
import { channel, noInput } from './channel';
import { facilitySummary, newPassword, setupInput, username } from './facility';
import { ALWAYS, isoDate, paging, recordId, requiredText, version } from './fields';
import { ROLES } from './roles';

export const roleSchema = z.enum(ROLES);

export const sessionUser = z.object({
  userId: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const authStatus = z.object({
  facility: facilitySummary.nullable(),
  user: sessionUser.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type AuthStatus = z.infer<typeof authStatus>;

export const userRow = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  version: z.number(),
});
export type UserRow = z.infer<typeof userRow>;

export const auditRow = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  table: z.string(),
  rowId: z.string(),
  changes: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;

export const IDLE_LOCK_CHOICES = [5, 10, 15, 30, 60] as const;

export const authChannels = {
  'auth.status': channel(noInput, authStatus),
  'setup.complete': channel(setupInput, authStatus),
  'auth.login': channel(
    z.object({ username, password: z.string().min(1).max(200) }).strict(),
    authStatus,
  ),
  'auth.logout': channel(noInput, authStatus),
  /** The page reports keyboard/mouse activity (at most once a minute) to keep the session. */
  'auth.touch': channel(noInput, z.object({ locked: z.boolean() })),
  'auth.lock': channel(noInput, authStatus),
  'auth.unlock': channel(z.object({ password: z.string().min(1).max(200) }).strict(), authStatus),
  'auth.changePassword': channel(
    z
      .object({
        currentPassword: z.string().min(1).max(200),
        newPassword,
        passwordConfirm: z.string(),
      })
      .strict()
      .refine((v) => v.newPassword === v.passwordConfirm, {
        path: ['passwordConfirm'],
        error: 'validation.password.confirm',
        ...ALWAYS,
      }),
    authStatus,
  ),
  'settings.setIdleLock': channel(
    z.object({ idleLockMinutes: z.number().int().min(1).max(240) }).strict(),
    authStatus,
  ),
  'users.list': channel(noInput, z.array(userRow)),
  'users.create': channel(
    z
      .object({ username, fullName: requiredText(120), role: roleSchema, password: newPassword })
      .strict(),
    userRow,
  ),
  'users.update': channel(
    z
      .object({
        id: recordId,
        version,
        fullName: requiredText(120),
        role: roleSchema,
        disabled: z.boolean(),
      })
      .strict(),
    userRow,
  ),
  'users.resetPassword': channel(
    z.object({ id: recordId, version, password: newPassword }).strict(),
    userRow,
  ),
  'audit.list': channel(
    z
      .object({
        userId: recordId.optional(),
        table: z.string().max(60).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...paging,
      })
      .strict(),
    z.object({ rows: z.array(auditRow), total: z.number() }),
  ),
};
