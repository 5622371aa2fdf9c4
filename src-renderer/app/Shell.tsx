import { AppShell, Badge, Button, Group, Menu, NavLink, ScrollArea, Text } from '@mantine/core';
import { IconChevronDown, IconLock, IconLogout } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { AuthStatus } from '@shared/contract';
import { useSetStatus } from '../features/auth/AuthScreens';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { invoke } from '../lib/api';
import { useT } from '../lib/i18n';
import { navItemsFor } from './nav';

function isActive(itemPath: string, location: string): boolean {
  return itemPath === '/'
    ? location === '/'
    : location === itemPath || location.startsWith(`${itemPath}/`);
}

/** The frame of every screen: header, sidebar by ILP area, and the content. */
export function Shell({ status, children }: { status: AuthStatus; children: ReactNode }) {
  const t = useT();
  const setStatus = useSetStatus();
  const user = status.user!;
  async function session(channel: 'auth.lock' | 'auth.logout') {
    const result = await invoke(channel);
    if (result.ok) setStatus(result.value);
  }
  const [location, navigate] = useLocation();
  const main = useRef<HTMLElement>(null);
  const items = navItemsFor(status.facility?.mode);

  useHotkeys(
    items.map((item, i) => [`alt+${i + 1}`, () => navigate(item.path)] as [string, () => void]),
    [],
  );

  // After a route change (not on first load), move focus to the new screen's title so keyboard
  // and screen-reader users land on it.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const title = main.current?.querySelector<HTMLElement>('[data-page-title]');
    title?.focus({ preventScroll: true });
  }, [location]);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 250, breakpoint: 0 }} padding="md">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700} size="lg" c="teal.8">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" truncate maw={420}>
              {status.facility?.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch compact />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {user.fullName}
                    </Text>
                    <Badge size="sm" variant="light">
                      {t(`role.${user.role}`)}
                    </Badge>
                  </Group>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item
                  leftSection={<IconLock size={16} />}
                  onClick={() => void session('auth.lock')}
                >
                  {t('lock.now')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => void session('auth.logout')}
                >
                  {t('logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
        <ScrollArea type="auto">
          {items.map((item, i) => {
            const Icon = item.icon;
            const active = isActive(item.path, location);
            return (
              <NavLink
                key={item.path}
                href={`#${item.path}`}
                label={t(item.label)}
                leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
                title={`Alt+${i + 1}`}
                aria-keyshortcuts={`Alt+${i + 1}`}
                active={active}
                aria-current={active ? 'page' : undefined}
                variant="light"
                color="teal"
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" ref={main} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
