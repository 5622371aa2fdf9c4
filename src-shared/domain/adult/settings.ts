import type { ReferenceSet } from '../reference';
import { BP_PERHI_2023, BP_SETS } from './blood-pressure';
import {
  DM_CONTROL_DEFAULT,
  HT_CONTROL_LAST_VISIT,
  HT_CONTROL_SETS,
  WORK_LIST_DEFAULT,
  type FollowUpSets,
} from './follow-up';
import { IMT_ASIA_PACIFIC, IMT_SETS } from './imt';
import { PUMA_CUTOFF_6, PUMA_SETS } from './puma';
import { DEFAULT_ADULT_SETS, type AdultReferenceSets } from './result-card';

/**
 * The reference sets a puskesmas chooses (domain §3.2 "selectable"; §9 "hipertensi terkendali"
 * unconfirmed): which BP table, which adult IMT table, which terkendali definition and which PUMA
 * cut-off. Stored as set ids in the settings; everything else uses the defaults.
 */
export const ADULT_SETTING_CHOICES = {
  bp: BP_SETS,
  imt: IMT_SETS,
  htControl: HT_CONTROL_SETS,
  puma: PUMA_SETS,
} as const satisfies Record<string, readonly ReferenceSet[]>;

export type AdultSettingKey = keyof typeof ADULT_SETTING_CHOICES;
export const ADULT_SETTING_KEYS = Object.keys(ADULT_SETTING_CHOICES) as AdultSettingKey[];
export type AdultSettings = Readonly<Record<AdultSettingKey, string>>;

export const DEFAULT_ADULT_SETTINGS: AdultSettings = {
  bp: BP_PERHI_2023.id,
  imt: IMT_ASIA_PACIFIC.id,
  htControl: HT_CONTROL_LAST_VISIT.id,
  puma: PUMA_CUTOFF_6.id,
};

function pick<T extends ReferenceSet>(sets: readonly T[], id: string, fallback: T): T {
  return sets.find((s) => s.id === id) ?? fallback;
}

/** The sets to classify with; an unknown stored id falls back to the default set. */
export function resolveAdultSets(settings: AdultSettings): {
  readonly card: AdultReferenceSets;
  readonly followUp: FollowUpSets;
} {
  return {
    card: {
      ...DEFAULT_ADULT_SETS,
      bp: pick(BP_SETS, settings.bp, BP_PERHI_2023),
      imt: pick(IMT_SETS, settings.imt, IMT_ASIA_PACIFIC),
      puma: pick(PUMA_SETS, settings.puma, PUMA_CUTOFF_6),
    },
    followUp: {
      ht: pick(HT_CONTROL_SETS, settings.htControl, HT_CONTROL_LAST_VISIT),
      dm: DM_CONTROL_DEFAULT,
      workList: WORK_LIST_DEFAULT,
    },
  };
}
