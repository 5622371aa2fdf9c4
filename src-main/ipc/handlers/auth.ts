import { AppError, type AuthStatus } from '@shared/contract';
import type { Services } from '../../services';
import { ADMIN, defineHandlers, type HandlerContext, type Session } from '../types';

export function authHandlers(services: Services, nowMs: () => number) {
  const { accounts, settings, facility, setup } = services;

  async function status(ctx: HandlerContext): Promise<AuthStatus> {
    const user = ctx.session ? await accounts.byId(ctx.session.userId) : undefined;
    return {
      facility: await facility.find(),
      user: user ? accounts.toSessionUser(user) : null,
      locked: ctx.session?.locked ?? false,
      idleLockMinutes: settings.idleLockMinutes(),
    };
  }

  function signIn(
    ctx: HandlerContext,
    user: { id: string; role: Session['role']; must_change_password: number },
  ) {
    const session: Session = {
      userId: user.id,
      role: user.role,
      mustChangePassword: user.must_change_password === 1,
      locked: false,
      lastActivity: nowMs(),
    };
    ctx.setSession(session);
    return { ...ctx, session };
  }

  return defineHandlers({
    'auth.status': { access: 'public', handle: (_input, ctx) => status(ctx) },
    'setup.complete': {
      access: 'public',
      handle: async (input, ctx) => {
        const adminId = await setup.complete(input, ctx.locale);
        return status(signIn(ctx, (await accounts.byId(adminId))!));
      },
    },
    'auth.login': {
      access: 'public',
      handle: async ({ username, password }, ctx) => {
        if (!(await facility.find()))
          throw AppError.of('FORBIDDEN', ctx.locale, 'error.setup.required');
        return status(signIn(ctx, await accounts.login(username, password, ctx.locale)));
      },
    },
    'auth.logout': {
      access: 'public',
      handle: (_input, ctx) => {
        ctx.setSession(null);
        return status({ ...ctx, session: null });
      },
    },
    'auth.touch': { access: 'account', handle: () => ({ locked: false }) },
    'auth.lock': {
      access: 'public',
      handle: (_input, ctx) => {
        if (ctx.session) ctx.session.locked = true;
        return status(ctx);
      },
    },
    'auth.unlock': {
      access: 'public',
      handle: async ({ password }, ctx) => {
        if (!ctx.session) throw AppError.of('UNAUTHENTICATED', ctx.locale, 'error.UNAUTHENTICATED');
        const user = await accounts.byId(ctx.session.userId);
        if (!user) throw AppError.of('UNAUTHENTICATED', ctx.locale, 'error.UNAUTHENTICATED');
        // Same checks and lock-out as signing in.
        return status(signIn(ctx, await accounts.login(user.username, password, ctx.locale)));
      },
    },
    'auth.changePassword': {
      access: 'account',
      handle: async ({ currentPassword, newPassword }, ctx) => {
        const user = await accounts.changePassword(ctx.actor, currentPassword, newPassword);
        return status(signIn(ctx, user));
      },
    },
    'settings.setIdleLock': {
      access: ADMIN,
      handle: async ({ idleLockMinutes }, ctx) => {
        await settings.setIdleLockMinutes(idleLockMinutes, ctx.actor);
        return status(ctx);
      },
    },
    'users.list': { access: ADMIN, handle: () => accounts.list() },
    'users.create': { access: ADMIN, handle: (input, ctx) => accounts.create(ctx.actor, input) },
    'users.update': { access: ADMIN, handle: (input, ctx) => accounts.update(ctx.actor, input) },
    'users.resetPassword': {
      access: ADMIN,
      handle: (input, ctx) => accounts.resetPassword(ctx.actor, input),
    },
    'audit.list': { access: ADMIN, handle: (input) => accounts.audit(input) },
  });
}
