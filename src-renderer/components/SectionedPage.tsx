import { Stack, Tabs, type TabsProps } from '@mantine/core';
import type { ComponentType } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import type { MessageKey } from '@shared/i18n';
import { useT } from '../lib/i18n';
import { PageHeader } from './PageHeader';

/** One section of a tabbed page: its path inside the page's (nested) route and its tab label. */
export interface SectionTab {
  path: string;
  label: MessageKey;
}

/** A section with its panel, for `SectionedPage` and `SectionRoutes`. */
export interface PageSection extends SectionTab {
  Panel: ComponentType;
}

/**
 * One tab per section: the tab of the current (nested) location is selected (the first when
 * none matches) and picking a tab goes to its section. Other props style the strip.
 */
export function SectionTabs({
  sections,
  ...style
}: { sections: readonly SectionTab[] } & Omit<TabsProps, 'value' | 'onChange' | 'children'>) {
  const t = useT();
  const [location, navigate] = useLocation();
  const current = sections.find((s) => s.path === location) ?? sections[0]!;
  return (
    <Tabs {...style} value={current.path} onChange={(v) => v && navigate(v)}>
      <Tabs.List>
        {sections.map((s) => (
          <Tabs.Tab key={s.path} value={s.path}>
            {t(s.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

/** The panel of the current section. */
export function SectionRoutes({ sections }: { sections: readonly PageSection[] }) {
  return (
    <Switch>
      {sections.map((s) => (
        <Route key={s.path} path={s.path} component={s.Panel} />
      ))}
    </Switch>
  );
}

/** A page title over its section tabs and the current section's panel. */
export function SectionedPage({
  title,
  sections,
}: {
  title: string;
  sections: readonly PageSection[];
}) {
  return (
    <Stack gap="sm">
      <PageHeader title={title} />
      <SectionTabs sections={sections} />
      <SectionRoutes sections={sections} />
    </Stack>
  );
}
