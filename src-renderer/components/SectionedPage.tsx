import { Stack, Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { useT } from '../lib/i18n';
import { PageHeader } from './PageHeader';

/** One section of a tabbed page: its path inside the page's route, its tab label and panel. */
export interface PageSection {
  path: string;
  label: MessageKey;
  Panel: ComponentType;
}

/**
 * A page title over one tab per section; the tab of the current (nested) location is selected
 * (the first when none matches) and picking a tab goes to its section.
 */
export function SectionedPage({
  title,
  sections,
}: {
  title: string;
  sections: readonly PageSection[];
}) {
  const t = useT();
  const [location, navigate] = useLocation();
  const current = sections.find((s) => s.path === location) ?? sections[0]!;
  return (
    <Stack gap="sm">
      <PageHeader title={title} />
      <Tabs value={current.path} onChange={(v) => v && navigate(v)}>
        <Tabs.List>
          {sections.map((s) => (
            <Tabs.Tab key={s.path} value={s.path}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Switch>
        {sections.map((s) => (
          <Route key={s.path} path={s.path} component={s.Panel} />
        ))}
      </Switch>
    </Stack>
  );
}
