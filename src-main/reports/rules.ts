import { statusStandardOn, type StatusGiziStandard } from '@shared/domain/growth/status';
import { KBM_GK, type KbmTable } from '@shared/domain/growth/kbm';
import {
  COMPLETENESS_SETS,
  completenessSetFor,
  type CompletenessSet,
} from '@shared/domain/immunization/completeness';
import { vitaminARulesOn, type VitaminARules } from '@shared/domain/child-services/vitamin-a';
import { KB_DEFAULT, type KbSet } from '@shared/domain/maternal/kb';
import { maternalRules, type MaternalRules } from '@shared/domain/maternal/episode';
import { readRuleChoice } from '../services/maternal-data';
import { createChildSettings } from '../services/child-settings';
import type { ServiceDeps } from '../services/context';

/**
 * The reference sets a report counts with: the ones the puskesmas chose in the cluster settings
 * (ANC split, trimester reading, KF set, KBM table, IDL dose set) and the shipped ones in force
 * at the end of the period. Read once per report, before any SQL runs.
 */
export interface ReportRules {
  maternal: MaternalRules;
  kb: KbSet;
  kbm: KbmTable;
  /** The IDL set in force at the end of the period (the puskesmas' own codes when set). */
  idl: CompletenessSet;
  statusGizi: StatusGiziStandard;
  vitaminA: VitaminARules;
}

/** The shipped defaults (what a fresh data folder counts with). */
export function defaultReportRules(asOf: string): ReportRules {
  return {
    maternal: maternalRules(),
    kb: KB_DEFAULT,
    kbm: KBM_GK,
    idl: completenessSetFor(COMPLETENESS_SETS, 'IDL', asOf) ?? COMPLETENESS_SETS[0]!,
    statusGizi: statusStandardOn(asOf),
    vitaminA: vitaminARulesOn(asOf),
  };
}

/** The rules in force for a report ending on `asOf`, with the puskesmas' choices. */
export async function loadReportRules(deps: ServiceDeps, asOf: string): Promise<ReportRules> {
  const defaults = defaultReportRules(asOf);
  const [choice, child] = await Promise.all([
    readRuleChoice(deps.db),
    createChildSettings(deps).load(),
  ]);
  return {
    ...defaults,
    maternal: maternalRules(choice),
    kbm: child.kbm,
    idl: child.idlFor(asOf) ?? defaults.idl,
  };
}
