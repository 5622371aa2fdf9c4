import { Button, Group } from '@mantine/core';
import { IconBabyCarriage, IconHeartHandshake } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { ChildRoutes } from '../child/ChildRoutes';
import { IbuRoutes } from '../maternal/IbuRoutes';
import { useT } from '../../lib/i18n';

const AREAS: { path: string; label: MessageKey; icon: typeof IconBabyCarriage }[] = [
  { path: '/ibu', label: 'k2.area.ibu', icon: IconHeartHandshake },
  { path: '/anak', label: 'k2.area.anak', icon: IconBabyCarriage },
];

/**
 * Klaster 2 Ibu & Anak, nested at `/klaster-2`: the two registers of the cluster (kohort ibu and
 * the balita register) with a switch between them above each screen.
 */
export function Klaster2Page() {
  const t = useT();
  const [location, navigate] = useLocation();
  return (
    <>
      <Group gap="xs" mb="xs" role="navigation" aria-label={t('nav.k2')}>
        {AREAS.map((a) => {
          const current = location === a.path || location.startsWith(`${a.path}/`);
          return (
            <Button
              key={a.path}
              component="a"
              href={`/klaster-2${a.path}`}
              onClick={(e: MouseEvent) => {
                e.preventDefault();
                navigate(a.path);
              }}
              size="compact-sm"
              variant={current ? 'filled' : 'default'}
              aria-current={current ? 'page' : undefined}
              leftSection={<a.icon size={16} />}
            >
              {t(a.label)}
            </Button>
          );
        })}
      </Group>
      <Switch>
        <Route path="/ibu" nest>
          <IbuRoutes />
        </Route>
        <Route path="/anak" nest>
          <ChildRoutes />
        </Route>
        <Route>
          <Redirect to="/ibu" replace />
        </Route>
      </Switch>
    </>
  );
}
