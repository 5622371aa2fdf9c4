import { useId, useMemo } from 'react';
import { DAYS_PER_MONTH, growthCurves, whoSex, type GrowthIndicator } from '@shared/domain/growth';
import type { Locale } from '@shared/i18n';
import { shortDate } from '../../lib/format';
import { numText } from './labels';

export type KmsIndicator = Extract<GrowthIndicator, 'wfa' | 'lhfa' | 'wfl' | 'wfh'>;

export interface KmsPoint {
  /** Age in days (age charts) or length/height in cm (weight-for-length/height). */
  x: number;
  y: number;
  date: string;
}

export interface KmsChartProps {
  indicator: KmsIndicator;
  sex: 'L' | 'P';
  points: readonly KmsPoint[];
  /** Axis range in display units: months for the age charts, cm for weight-for-length/height. */
  xFrom: number;
  xTo: number;
  title: string;
  xLabel: string;
  yLabel: string;
  yUnit: string;
  locale: Locale;
  height?: number;
  testId?: string;
}

const W = 960;
const M = { left: 56, right: 40, top: 14, bottom: 44 };
const SD_STYLE: Record<number, { stroke: string; width: number; dash?: string }> = {
  0: { stroke: '#2b8a3e', width: 2.2 },
  2: { stroke: '#e03131', width: 1.6 },
  [-2]: { stroke: '#e03131', width: 1.6 },
  3: { stroke: '#212529', width: 1.6 },
  [-3]: { stroke: '#212529', width: 1.6 },
  1: { stroke: '#868e96', width: 1, dash: '5 4' },
  [-1]: { stroke: '#868e96', width: 1, dash: '5 4' },
};
const SDS = [-3, -2, -1, 0, 1, 2, 3];

const isAge = (indicator: KmsIndicator) => indicator === 'wfa' || indicator === 'lhfa';

/** A step for about `count` ticks over `span`: 0.5, 1, 2, 5, 10, 20… */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return unit * power;
}

function ticks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(from / step - 1e-9) * step; v <= to + 1e-9; v += step) {
    out.push(Math.round(v * 1000) / 1000);
  }
  return out;
}

/**
 * One KMS growth chart drawn as SVG: the WHO −3…+3 SD curves of the child's sex computed from
 * the same LMS tables as the z-scores (`growthCurves`), the bands between them, and the child's
 * measurements as dots joined in time order. Readable on screen and printable.
 */
export function KmsChart(props: KmsChartProps) {
  const { indicator, sex, points, xFrom, xTo, locale } = props;
  const H = props.height ?? 340;
  const age = isAge(indicator);
  const toX = (x: number) => (age ? x / DAYS_PER_MONTH : x);

  const curves = useMemo(() => {
    const from = age ? xFrom * DAYS_PER_MONTH : xFrom;
    const to = age ? xTo * DAYS_PER_MONTH : xTo;
    const rows = age ? to - from : (to - from) * 10;
    return growthCurves(indicator, whoSex(sex), {
      sds: SDS,
      from,
      to,
      step: Math.max(1, Math.round(rows / 180)),
    }).curves;
  }, [indicator, sex, xFrom, xTo, age]);

  const sorted = [...points]
    .filter((p) => toX(p.x) >= xFrom && toX(p.x) <= xTo)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const lowest = curves.find((c) => c.sd === -3)?.points ?? [];
  const highest = curves.find((c) => c.sd === 3)?.points ?? [];
  const ys = [...lowest.map((p) => p.y), ...highest.map((p) => p.y), ...sorted.map((p) => p.y)];
  const yStep = niceStep(Math.max(...ys) - Math.min(...ys), 8);
  const yMin = Math.max(0, Math.floor(Math.min(...ys) / yStep) * yStep);
  const yMax = Math.ceil(Math.max(...ys) / yStep) * yStep;

  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x - xFrom) / (xTo - xFrom)) * plotW;
  const sy = (y: number) => M.top + (1 - (y - yMin) / (yMax - yMin)) * plotH;
  const path = (pts: readonly { x: number; y: number }[]) =>
    pts
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(toX(p.x)).toFixed(1)},${sy(p.y).toFixed(1)}`)
      .join('');
  const band = (low: number, high: number) => {
    const a = curves.find((c) => c.sd === low)?.points ?? [];
    const b = curves.find((c) => c.sd === high)?.points ?? [];
    return `${path(a)}${[...b]
      .reverse()
      .map((p) => `L${sx(toX(p.x)).toFixed(1)},${sy(p.y).toFixed(1)}`)
      .join('')}Z`;
  };

  // SD labels at the right end, nudged apart so close curves (−2, −3) stay readable.
  const sdLabels = curves
    .filter((c) => c.sd === 0 || Math.abs(c.sd) >= 2)
    .map((c) => ({ sd: c.sd, y: sy(c.points.at(-1)?.y ?? yMin) }))
    .filter((l) => l.y >= M.top && l.y <= M.top + plotH)
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < sdLabels.length; i++) {
    const gap = sdLabels[i]!.y - sdLabels[i - 1]!.y;
    if (gap < 13) sdLabels[i]!.y += 13 - gap;
  }

  const span = xTo - xFrom;
  const xGrid = age ? (span <= 24 ? 1 : 3) : 5;
  const xLabelStep = age ? (span <= 24 ? 2 : 6) : 10;
  const clipId = `kms-clip-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={props.title}
      data-testid={props.testId ?? `kms-${indicator}`}
      style={{ display: 'block', fontFamily: 'inherit' }}
    >
      <defs>
        <clipPath id={clipId}>
          <rect x={M.left} y={M.top} width={plotW} height={plotH} />
        </clipPath>
      </defs>
      <rect x={M.left} y={M.top} width={plotW} height={plotH} fill="#fff" stroke="#ced4da" />
      <g clipPath={`url(#${clipId})`}>
        <path d={band(-3, -2)} fill="#fff3bf" opacity={0.7} />
        <path d={band(-2, 2)} fill="#d3f9d8" opacity={0.7} />
        <path d={band(2, 3)} fill="#fff3bf" opacity={0.7} />
        {ticks(xFrom, xTo, xGrid).map((x) => (
          <line
            key={`gx${x}`}
            x1={sx(x)}
            x2={sx(x)}
            y1={M.top}
            y2={M.top + plotH}
            stroke="#e9ecef"
          />
        ))}
        {ticks(yMin, yMax, yStep).map((y) => (
          <line
            key={`gy${y}`}
            x1={M.left}
            x2={M.left + plotW}
            y1={sy(y)}
            y2={sy(y)}
            stroke="#e9ecef"
          />
        ))}
        {curves.map((c) => {
          const style = SD_STYLE[c.sd]!;
          return (
            <path
              key={c.sd}
              d={path(c.points)}
              fill="none"
              stroke={style.stroke}
              strokeWidth={style.width}
              strokeDasharray={style.dash}
            />
          );
        })}
        {sorted.length > 1 && (
          <path d={path(sorted)} fill="none" stroke="#1864ab" strokeWidth={2} />
        )}
        {sorted.map((p, i) => {
          const last = i === sorted.length - 1;
          return (
            <circle
              key={p.date}
              cx={sx(toX(p.x))}
              cy={sy(p.y)}
              r={last ? 5.5 : 4}
              fill={last ? '#0b7285' : '#1864ab'}
              stroke="#fff"
              strokeWidth={1.5}
              data-testid="kms-point"
              data-date={p.date}
            >
              <title>{`${shortDate(p.date)} · ${numText(Math.round(p.y * 10) / 10, locale)} ${props.yUnit}`}</title>
            </circle>
          );
        })}
      </g>
      {sdLabels.map((l) => (
        <text
          key={`l${l.sd}`}
          x={M.left + plotW + 4}
          y={l.y + 4}
          fontSize={12}
          fill={SD_STYLE[l.sd]!.stroke}
          fontWeight={600}
        >
          {l.sd > 0 ? `+${l.sd}` : l.sd === 0 ? '0' : `−${-l.sd}`}
        </text>
      ))}
      {ticks(xFrom, xTo, xLabelStep).map((x) => (
        <text
          key={`tx${x}`}
          x={sx(x)}
          y={M.top + plotH + 16}
          fontSize={12}
          textAnchor="middle"
          fill="#495057"
        >
          {x}
        </text>
      ))}
      {ticks(yMin, yMax, yStep).map((y) => (
        <text
          key={`ty${y}`}
          x={M.left - 6}
          y={sy(y) + 4}
          fontSize={12}
          textAnchor="end"
          fill="#495057"
        >
          {numText(y, locale)}
        </text>
      ))}
      <text x={M.left + plotW / 2} y={H - 6} fontSize={13} textAnchor="middle" fill="#212529">
        {props.xLabel}
      </text>
      <text
        x={14}
        y={M.top + plotH / 2}
        fontSize={13}
        textAnchor="middle"
        fill="#212529"
        transform={`rotate(-90 14 ${M.top + plotH / 2})`}
      >
        {props.yLabel}
      </text>
    </svg>
  );
}
