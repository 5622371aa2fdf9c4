import { sql } from 'kysely';
import {
  AppError,
  TIMEZONE_OFFSETS,
  type AuditRow,
  type Role,
  type SessionUser,
  type UserRow,
} from '@shared/contract';
import { localTime } from '@shared/domain/dates';
import { translate, type Locale } from '@shared/i18n';
import { writeAudit } from '../db/audit';
import { insertRecord, updateRecord } from '../db/records';
import type { AppUserTable } from '../db/schema';
import { write, type Actor, type ServiceDeps } from './context';
import type { FacilityService } from './facility';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords';

/** Five wrong passwords lock the account for fifteen minutes (issue #3). */
export const MAX_FAILED_LOGINS = 5;
export const LOGIN_LOCK_MINUTES = 15;

type UserRecord = Omit<AppUserTable, 'version' | 'must_change_password' | 'failed_attempts'> & {
  version: number;
  must_change_password: number;
  failed_attempts: number;
};

function toUserRow(u: UserRecord): UserRow {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    disabled: u.disabled_at !== null,
    lockedUntil: u.locked_until,
    lastLoginAt: u.last_login_at,
    mustChangePassword: u.must_change_password === 1,
    version: u.version,
  };
}

export function toSessionUser(u: UserRecord): SessionUser {
  return {
    userId: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    mustChangePassword: u.must_change_password === 1,
  };
}

export function createAccountsService(deps: ServiceDeps, facility: FacilityService) {
  const { db, now } = deps;

  /** The puskesmas's wall-clock time of an instant, e.g. "09.15" (WIB). */
  async function hhmm(iso: string): Promise<string> {
    const timezone = (await facility.find())?.timezone ?? 'WIB';
    return localTime(new Date(iso), TIMEZONE_OFFSETS[timezone]);
  }

  async function byId(id: string): Promise<UserRecord | undefined> {
    return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function activeAdmins(excludeId: string): Promise<number> {
    const row = await db
      .selectFrom('app_user')
      .select(sql<number>`count(*)`.as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('id', '!=', excludeId)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Record a failed attempt (and lock at the limit) without touching the row's version. */
  async function recordFailure(user: UserRecord): Promise<string | null> {
    const at = now().toISOString();
    const attempts = user.failed_attempts + 1;
    const lockedUntil =
      attempts >= MAX_FAILED_LOGINS
        ? new Date(now().getTime() + LOGIN_LOCK_MINUTES * 60_000).toISOString()
        : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_attempts: lockedUntil ? 0 : attempts, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await writeAudit(trx, {
        at,
        userId: null,
        action: lockedUntil ? 'login.locked' : 'login.failed',
        table: 'app_user',
        rowId: user.id,
        changes: { attempts },
      });
    });
    return lockedUntil;
  }

  return {
    byId,
    toSessionUser,

    async login(username: string, password: string, locale: Locale): Promise<UserRecord> {
      const user = await db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      if (!user || user.deleted_at) {
        await verifyPassword(password, await dummyHash());
        throw AppError.of('UNAUTHENTICATED', locale, 'error.login.failed');
      }
      if (user.locked_until && user.locked_until > now().toISOString()) {
        throw AppError.of('UNAUTHENTICATED', locale, 'error.login.locked', {
          until: await hhmm(user.locked_until),
          count: MAX_FAILED_LOGINS,
        });
      }
      if (!(await verifyPassword(password, user.password_hash))) {
        const lockedUntil = await recordFailure(user);
        if (lockedUntil) {
          throw AppError.of('UNAUTHENTICATED', locale, 'error.login.locked', {
            until: await hhmm(lockedUntil),
            count: MAX_FAILED_LOGINS,
          });
        }
        throw AppError.of('UNAUTHENTICATED', locale, 'error.login.failed');
      }
      if (user.disabled_at) throw AppError.of('FORBIDDEN', locale, 'error.login.disabled');
      // A hash made at an older cost is made again now, while the password is at hand.
      const rehashed = needsRehash(user.password_hash) ? await hashPassword(password) : null;
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({
            failed_attempts: 0,
            locked_until: null,
            last_login_at: at,
            ...(rehashed ? { password_hash: rehashed } : {}),
          })
          .where('id', '=', user.id)
          .execute();
        await writeAudit(trx, {
          at,
          userId: user.id,
          action: 'login',
          table: 'app_user',
          rowId: user.id,
          // The hash itself is never written to the audit log.
          ...(rehashed ? { changes: { passwordRehashed: true } } : {}),
        });
      });
      const password_hash = rehashed ?? user.password_hash;
      return { ...user, password_hash, failed_attempts: 0, locked_until: null, last_login_at: at };
    },

    /** Check a signed-in user's password (unlock, password change). */
    async checkPassword(userId: string, password: string): Promise<boolean> {
      const user = await byId(userId);
      return !!user && !user.disabled_at && (await verifyPassword(password, user.password_hash));
    },

    async changePassword(actor: Actor, current: string, next: string): Promise<UserRecord> {
      const userId = actor.userId!;
      const user = await byId(userId);
      if (!user || !(await verifyPassword(current, user.password_hash))) {
        throw AppError.field(
          actor.locale,
          'currentPassword',
          translate(actor.locale, 'error.password.wrong'),
        );
      }
      const hash = await hashPassword(next);
      await write(deps, actor, async (ctx) => {
        // The hash itself is never written to the audit log.
        await ctx.trx
          .updateTable('app_user')
          .set({
            password_hash: hash,
            must_change_password: 0,
            updated_at: ctx.at,
            updated_by: userId,
          })
          .where('id', '=', userId)
          .execute();
        await writeAudit(ctx.trx, {
          at: ctx.at,
          userId,
          action: 'password.change',
          table: 'app_user',
          rowId: userId,
        });
      });
      return (await byId(userId))!;
    },

    async list(): Promise<UserRow[]> {
      const rows = await db
        .selectFrom('app_user')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('username')
        .execute();
      return rows.map(toUserRow);
    },

    async create(
      actor: Actor,
      input: { username: string; fullName: string; role: Role; password: string },
      options: { mustChangePassword?: boolean } = {},
    ): Promise<UserRow> {
      const hash = await hashPassword(input.password);
      return write(deps, actor, async (ctx) => {
        const taken = await ctx.trx
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', input.username)
          .executeTakeFirst();
        if (taken) {
          throw AppError.of('DUPLICATE', actor.locale, 'error.user.exists', {
            username: input.username,
          });
        }
        const id = await insertRecord(ctx, 'app_user', {
          username: input.username,
          full_name: input.fullName,
          role: input.role,
          password_hash: hash,
          must_change_password: options.mustChangePassword === false ? 0 : 1,
          disabled_at: null,
          locked_until: null,
          last_login_at: null,
        });
        const created = await ctx.trx
          .selectFrom('app_user')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return toUserRow(created);
      });
    },

    async update(
      actor: Actor,
      input: { id: string; version: number; fullName: string; role: Role; disabled: boolean },
    ): Promise<UserRow> {
      const user = await byId(input.id);
      if (!user) throw AppError.of('NOT_FOUND', actor.locale, 'error.NOT_FOUND');
      const demotes = user.role === 'admin' && (input.role !== 'admin' || input.disabled);
      if (demotes && input.id === actor.userId)
        throw AppError.of('FORBIDDEN', actor.locale, 'error.user.self');
      if (demotes && (await activeAdmins(input.id)) === 0) {
        throw AppError.of('RULE_VIOLATION', actor.locale, 'error.user.lastAdmin');
      }
      return write(deps, actor, async (ctx) => {
        const disabledAt = input.disabled ? (user.disabled_at ?? ctx.at) : null;
        const updated = await updateRecord(ctx, 'app_user', input.id, input.version, {
          full_name: input.fullName,
          role: input.role,
          disabled_at: disabledAt,
        });
        return toUserRow(updated as UserRecord);
      });
    },

    /** An admin sets a temporary password; the user must change it at next sign-in. */
    async resetPassword(
      actor: Actor,
      input: { id: string; version: number; password: string },
    ): Promise<UserRow> {
      const hash = await hashPassword(input.password);
      return write(deps, actor, async (ctx) => {
        const current = await ctx.trx
          .selectFrom('app_user')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (!current) throw AppError.of('NOT_FOUND', actor.locale, 'error.NOT_FOUND');
        await updateRecord(ctx, 'app_user', input.id, input.version, {
          must_change_password: 1,
          failed_attempts: 0,
          locked_until: null,
        });
        await ctx.trx
          .updateTable('app_user')
          .set({ password_hash: hash })
          .where('id', '=', input.id)
          .execute();
        await writeAudit(ctx.trx, {
          at: ctx.at,
          userId: actor.userId,
          action: 'password.reset',
          table: 'app_user',
          rowId: input.id,
        });
        const updated = await ctx.trx
          .selectFrom('app_user')
          .selectAll()
          .where('id', '=', input.id)
          .executeTakeFirstOrThrow();
        return toUserRow(updated);
      });
    },

    async audit(filter: {
      userId?: string | undefined;
      table?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      limit: number;
      offset: number;
    }): Promise<{ rows: AuditRow[]; total: number }> {
      let query = db.selectFrom('audit_log as a').leftJoin('app_user as u', 'u.id', 'a.user_id');
      if (filter.userId) query = query.where('a.user_id', '=', filter.userId);
      if (filter.table) query = query.where('a.table_name', '=', filter.table);
      if (filter.from) query = query.where('a.at', '>=', filter.from);
      if (filter.to) query = query.where('a.at', '<', `${filter.to}\uffff`);
      const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select([
          'a.id',
          'a.at',
          'a.user_id',
          'u.username',
          'a.action',
          'a.table_name',
          'a.row_id',
          'a.changes',
        ])
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute();
      return {
        total: total.n,
        rows: rows.map((r) => ({
          id: r.id,
          at: r.at,
          userId: r.user_id,
          username: r.username,
          action: r.action,
          table: r.table_name,
          rowId: r.row_id,
          changes: r.changes,
        })),
      };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
