import { Tooltip } from '@mantine/core';
import { memo, type KeyboardEvent } from 'react';
import type { SessionChild } from '@shared/contract';
import {
  assessMeasurement,
  checkMeasurement,
  growthMonitoring,
  implausibleMessages,
  type KbmTable,
  type MeasurementAssessment,
  type MonthlyGrowth,
} from '@shared/domain/growth';
import type { DoseCode } from '@shared/domain/immunization';
import type { Locale, MessageKey } from '@shared/i18n';
import { ageText, shortDate } from '../../lib/format';
import { doseLabel, doseShort, parseDecimal, statusColor, statusLabel, zText } from './labels';
import classes from './session.module.css';

/** What the clerk typed in one row (text as typed; parsed when computing). */
export interface GridRow {
  kiaBook: boolean;
  weight: string;
  length: string;
  measured: 'L' | 'H';
  muac: string;
  vitaminA: boolean;
  doses: DoseCode[];
  confirm: boolean;
}

export interface RowCalc {
  weightKg: number | null;
  lengthCm: number | null;
  muacCm: number | null;
  /** Problems that stop the save, by column. */
  problems: Partial<Record<'weight' | 'length' | 'muac' | 'measured', string>>;
  assessment: MeasurementAssessment | null;
  growth: MonthlyGrowth | null;
  implausible: string[];
}

const COLUMN_OF: Record<string, 'weight' | 'length' | 'muac' | 'measured' | undefined> = {
  weightKg: 'weight',
  lengthCm: 'length',
  muacCm: 'muac',
  measured: 'measured',
  measureDate: 'weight',
};

/** Parse and assess a row exactly as the service will. */
export function calcRow(
  child: SessionChild,
  row: GridRow,
  date: string,
  kbm: KbmTable,
  locale: Locale,
  notANumber: string,
): RowCalc {
  const weightKg = parseDecimal(row.weight);
  const lengthCm = parseDecimal(row.length);
  const muacCm = parseDecimal(row.muac);
  const problems: RowCalc['problems'] = {};
  if (Number.isNaN(weightKg)) problems.weight = notANumber;
  if (Number.isNaN(lengthCm)) problems.length = notANumber;
  if (Number.isNaN(muacCm)) problems.muac = notANumber;
  const m = {
    weightKg: Number.isNaN(weightKg) ? null : weightKg,
    lengthCm: Number.isNaN(lengthCm) ? null : lengthCm,
    measured: row.measured,
    muacCm: Number.isNaN(muacCm) ? null : muacCm,
  };
  const typed = m.weightKg !== null || m.lengthCm !== null || m.muacCm !== null;
  let assessment: MeasurementAssessment | null = null;
  let growth: MonthlyGrowth | null = null;
  if (typed && Object.keys(problems).length === 0) {
    const refusals = checkMeasurement(child.birthDate, date, m);
    for (const r of refusals) {
      const col = COLUMN_OF[r.path];
      if (col && !problems[col]) problems[col] = r.message[locale].replace(/^[^:]*: /, '');
    }
    if (refusals.length === 0) {
      assessment = assessMeasurement(child.sex, child.birthDate, date, m);
      if (m.weightKg !== null) {
        growth =
          growthMonitoring(
            child.birthDate,
            [...child.weighings, { date, weightKg: m.weightKg }],
            kbm,
          ).find((g) => g.date === date) ?? null;
      }
    }
  }
  return {
    weightKg: m.weightKg,
    lengthCm: m.lengthCm,
    muacCm: m.muacCm,
    problems,
    assessment,
    growth,
    implausible: assessment ? implausibleMessages(assessment).map((l) => l[locale]) : [],
  };
}

const GROWTH_BG: Record<string, string> = {
  N: 'var(--mantine-color-teal-7)',
  T: 'var(--mantine-color-orange-7)',
  '2T': 'var(--mantine-color-red-7)',
  O: 'var(--mantine-color-gray-6)',
  B: 'var(--mantine-color-blue-7)',
};

export interface RowProps {
  index: number;
  child: SessionChild;
  row: GridRow;
  calc: RowCalc;
  date: string;
  round: string | null;
  errors: readonly string[];
  entered: boolean;
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  onChange: (index: number, patch: Partial<GridRow>) => void;
}

function Chip({
  code,
  z,
  label,
  t,
  locale,
}: {
  code: string | null;
  z: number | null;
  label: string;
  t: RowProps['t'];
  locale: Locale;
}) {
  if (!code) {
    return (
      <span className={classes.chip} style={{ color: 'var(--mantine-color-gray-5)' }} title={label}>
        –
      </span>
    );
  }
  const color = statusColor(code);
  return (
    <span
      className={classes.chip}
      style={{
        background: `var(--mantine-color-${color}-1)`,
        color: `var(--mantine-color-${color}-9)`,
      }}
      title={`${label}: ${statusLabel(t, locale, code, false)} (z ${zText(z, locale)})`}
    >
      {statusLabel(t, locale, code)}
    </span>
  );
}

/** One child in the session grid. Memoised: typing in a row re-renders only that row. */
export const SessionRow = memo(function SessionRow(props: RowProps) {
  const { index, child, row, calc, date, round, errors, t, locale, onChange } = props;
  const set = (patch: Partial<GridRow>) => onChange(index, patch);
  const stop = (col: string) => ({ 'data-stop': '', 'data-row': index, 'data-col': col });
  const status = calc.assessment?.status;
  const expected = (Date.parse(date) - Date.parse(child.birthDate)) / 86_400_000 < 731 ? 'L' : 'H';
  const rowName = `${index + 1}. ${child.name}`;
  return (
    <tr
      data-error={errors.length > 0 || Object.keys(calc.problems).length > 0 ? '' : undefined}
      data-entered={props.entered ? '' : undefined}
      data-testid="session-row"
    >
      <td style={{ textAlign: 'right', color: 'var(--mantine-color-gray-6)' }}>{index + 1}</td>
      <td>
        <div className={classes.name} title={child.name}>
          {child.name}
        </div>
        <div className={classes.sub}>
          {child.sex} · {ageText(t, child.birthDate, date)}
          {child.source === 'session' ? ` · ${t('child.session.source.session')}` : ''}
          {child.rt || child.rw ? ` · RT ${child.rt ?? '-'}/${child.rw ?? '-'}` : ''}
        </div>
        {errors.map((e) => (
          <div key={e} className={classes.rowError} role="alert">
            {e}
          </div>
        ))}
      </td>
      <td style={{ textAlign: 'center' }}>
        <input
          type="checkbox"
          className={classes.check}
          checked={row.kiaBook}
          aria-label={`${t('field.kiaBook')} — ${rowName}`}
          onChange={(e) => set({ kiaBook: e.currentTarget.checked })}
          {...stop('kia')}
        />
      </td>
      {(['weight', 'length'] as const).map((col) => (
        <td key={col}>
          <input
            className={classes.num}
            inputMode="decimal"
            value={row[col]}
            aria-label={`${t(col === 'weight' ? 'field.weightKg' : 'field.lengthCm')} — ${rowName}`}
            aria-invalid={calc.problems[col] ? true : undefined}
            title={calc.problems[col]}
            onChange={(e) => set({ [col]: e.currentTarget.value })}
            {...stop(col)}
          />
        </td>
      ))}
      <td>
        <button
          type="button"
          className={classes.toggle}
          data-unusual={row.measured !== expected ? '' : undefined}
          aria-label={`${t('field.measured')} — ${rowName}: ${t(`child.session.measured.${row.measured}`)}`}
          title={t('child.growth.positionHint')}
          onClick={() => set({ measured: row.measured === 'L' ? 'H' : 'L' })}
          onKeyDown={(e) => {
            const k = e.key.toLowerCase();
            if (k === 't' || k === 'l') set({ measured: 'L' });
            else if (k === 'b' || k === 'h') set({ measured: 'H' });
          }}
          {...stop('measured')}
        >
          {t(`child.session.measured.${row.measured}`)}
        </button>
      </td>
      <td>
        <input
          className={classes.num}
          inputMode="decimal"
          value={row.muac}
          aria-label={`${t('field.muacCm')} — ${rowName}`}
          aria-invalid={calc.problems.muac ? true : undefined}
          title={calc.problems.muac}
          onChange={(e) => set({ muac: e.currentTarget.value })}
          {...stop('muac')}
        />
      </td>
      {round && (
        <td>
          {child.vitaminA.givenInRound ? (
            <span className={classes.sub}>
              {t('child.session.vitaGiven', {
                date: shortDate(child.vitaminA.givenInRound).slice(0, 5),
              })}
            </span>
          ) : child.vitaminA.capsule ? (
            <label className={classes.dose}>
              <input
                type="checkbox"
                className={classes.check}
                checked={row.vitaminA}
                aria-label={`${t('field.vitaminA')} ${t(`child.capsule.${child.vitaminA.capsule}`)} — ${rowName}`}
                onChange={(e) => set({ vitaminA: e.currentTarget.checked })}
                {...stop('vitA')}
              />
              <span
                className={classes.capsule}
                style={{
                  background: child.vitaminA.capsule === 'blue' ? '#1971c2' : '#e03131',
                }}
                title={t(`child.capsule.${child.vitaminA.capsule}`)}
              />
            </label>
          ) : (
            <span className={classes.sub}>{t('child.session.vitaNone')}</span>
          )}
        </td>
      )}
      <td>
        {child.doses.length === 0 ? (
          <span className={classes.sub}>{t('child.session.noDoses')}</span>
        ) : (
          <div className={classes.doses}>
            {child.doses.map((d, k) => (
              <label
                key={d.code}
                className={classes.dose}
                data-status={d.status}
                title={`${doseLabel(d.code, locale)}${d.status === 'overdue' ? ` — ${t('child.due.overdue')}` : ''}`}
              >
                <input
                  type="checkbox"
                  className={classes.check}
                  checked={row.doses.includes(d.code)}
                  aria-label={`${doseLabel(d.code, locale)} — ${rowName}`}
                  onChange={(e) =>
                    set({
                      doses: e.currentTarget.checked
                        ? [...row.doses, d.code]
                        : row.doses.filter((c) => c !== d.code),
                    })
                  }
                  {...stop(`dose${k}`)}
                />
                {doseShort(d.code)}
              </label>
            ))}
          </div>
        )}
      </td>
      <td data-testid="session-status">
        {Object.values(calc.problems).length > 0 ? (
          <span className={classes.rowError}>{Object.values(calc.problems).join(' · ')}</span>
        ) : status ? (
          <>
            <div className={classes.chips}>
              <Chip
                code={status.bbU}
                z={calc.assessment!.who.zwei}
                label={t('child.result.bbu')}
                t={t}
                locale={locale}
              />
              <Chip
                code={status.pbU}
                z={calc.assessment!.who.zlen}
                label={t('child.result.pbu')}
                t={t}
                locale={locale}
              />
              <Chip
                code={status.bbPb}
                z={calc.assessment!.who.zwfl}
                label={t('child.result.bbpb')}
                t={t}
                locale={locale}
              />
            </div>
            {calc.implausible.length > 0 && (
              <Tooltip multiline w={320} label={calc.implausible.join(' ')}>
                <label
                  className={classes.dose}
                  style={{ color: 'var(--mantine-color-orange-9)', fontSize: 12 }}
                >
                  ⚠
                  <input
                    type="checkbox"
                    className={classes.check}
                    checked={row.confirm}
                    aria-label={`${t('child.implausible.confirm')} — ${rowName}`}
                    onChange={(e) => set({ confirm: e.currentTarget.checked })}
                    {...stop('confirm')}
                  />
                  {t('child.session.confirmRow')}
                </label>
              </Tooltip>
            )}
          </>
        ) : (
          <span className={classes.sub}>—</span>
        )}
      </td>
      <td style={{ textAlign: 'center' }}>
        {calc.growth ? (
          <span
            className={classes.chip}
            data-testid="session-growth"
            style={{ background: GROWTH_BG[calc.growth.status], color: 'white' }}
            title={
              calc.growth.gainG !== null
                ? t('child.result.gain', { gain: calc.growth.gainG, kbm: calc.growth.kbmG ?? 0 })
                : undefined
            }
          >
            {calc.growth.status}
          </span>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
});

/** Move focus between the grid's inputs: Enter/Tab right, arrows in every direction. */
export function gridKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  if (target.dataset.stop === undefined) return;
  const container = event.currentTarget;
  const all = Array.from(container.querySelectorAll<HTMLElement>('[data-stop]'));
  const at = all.indexOf(target);
  const focus = (el: HTMLElement | undefined) => {
    if (!el) return;
    event.preventDefault();
    el.focus();
    if (el instanceof HTMLInputElement && el.type !== 'checkbox') el.select();
  };
  const isText = target instanceof HTMLInputElement && target.type !== 'checkbox';
  const caretAt = (edge: 'start' | 'end') => {
    if (!isText) return true;
    const input = target as HTMLInputElement;
    if (input.selectionStart !== input.selectionEnd) return false;
    return edge === 'start'
      ? input.selectionStart === 0
      : input.selectionEnd === input.value.length;
  };
  const vertical = (delta: number) => {
    const row = Number(target.dataset.row) + delta;
    const col = target.dataset.col;
    const inRow = all.filter((el) => Number(el.dataset.row) === row);
    focus(inRow.find((el) => el.dataset.col === col) ?? inRow[0]);
  };
  switch (event.key) {
    case 'Enter':
      if (event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      focus(all[at + (event.shiftKey ? -1 : 1)]);
      return;
    case 'ArrowDown':
      vertical(1);
      return;
    case 'ArrowUp':
      vertical(-1);
      return;
    case 'ArrowRight':
      if (caretAt('end')) focus(all[at + 1]);
      return;
    case 'ArrowLeft':
      if (caretAt('start')) focus(all[at - 1]);
      return;
    default:
  }
}

/** Assessments of rows, by row object (rows are replaced, never changed, when typed in). */
const CALCS = new WeakMap<GridRow, { child: SessionChild; key: string; calc: RowCalc }>();

/**
 * Rows parsed and assessed, recomputed only for the rows that changed, so an unchanged row keeps
 * its assessment object and its memoised component does not render again.
 */
export function rowCalcs(
  children: readonly SessionChild[],
  rows: readonly GridRow[],
  date: string,
  kbm: KbmTable,
  locale: Locale,
  notANumber: string,
): RowCalc[] {
  const key = `${date}|${kbm.id}|${JSON.stringify(kbm.rows)}|${locale}`;
  return rows.map((row, i) => {
    const child = children[i]!;
    const hit = CALCS.get(row);
    if (hit && hit.child === child && hit.key === key) return hit.calc;
    const calc = calcRow(child, row, date, kbm, locale, notANumber);
    CALCS.set(row, { child, key, calc });
    return calc;
  });
}
