import type { ComponentType } from 'react';
import type { PersonDetail } from '@shared/contract';
import { ageOn } from '@shared/domain/dates';
import { ChildTab } from '../child/ChildTab';
import type { MessageKey } from '@shared/i18n';
import { MotherTab } from '../maternal/MotherTab';
import { AdultPersonTab } from '../adult/AdultPersonTab';

export interface PersonTab {
  id: string;
  label: MessageKey;
  /** Whether the tab applies to this person (e.g. maternal care for women 10–54). */
  appliesTo: (person: PersonDetail, today: string) => boolean;
  /** The cluster's panel; null while that cluster's screens are not built. */
  Panel: ComponentType<{ person: PersonDetail }> | null;
}

const years = (p: PersonDetail, today: string) => ageOn(p.birthDate, today).years;

/**
 * One tab per cluster on the person card. Each cluster's feature puts its panel here when its
 * screens exist.
 */
export const PERSON_TABS: PersonTab[] = [
  {
    id: 'k2-ibu',
    label: 'person.tab.k2ibu',
    appliesTo: (p, today) => p.sex === 'P' && years(p, today) >= 10 && years(p, today) <= 54,
    Panel: MotherTab,
  },
  {
    id: 'k2-anak',
    label: 'person.tab.k2anak',
    appliesTo: (p, today) => years(p, today) < 19,
    Panel: ChildTab,
  },
  {
    id: 'k3',
    label: 'person.tab.k3',
    appliesTo: (p, today) => years(p, today) >= 15,
    Panel: AdultPersonTab,
  },
];
