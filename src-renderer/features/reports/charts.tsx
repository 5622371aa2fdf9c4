import type { Locale } from '@shared/i18n';
import { formatPct, monthShort } from './model';

/** Hand-written SVG charts for PWS: a bar per desa, and a month-by-month line. */

const GREEN = 'var(--mantine-color-teal-6)';
const RED = 'var(--mantine-color-red-6)';
const GREY = 'var(--mantine-color-gray-5)';
const TARGET = 'var(--mantine-color-orange-8)';

function niceMax(values: readonly number[]): number {
  const top = Math.max(100, ...values);
  return Math.ceil((top * 1.08) / 20) * 20;
}

function ticks(max: number): number[] {
  const step = max <= 120 ? 20 : max <= 240 ? 40 : 100;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** A percent chart's drawing area: the plot inside the margins, and where a % value falls. */
interface PercentPlot {
  W: number;
  H: number;
  left: number;
  right: number;
  top: number;
  plotW: number;
  plotH: number;
  max: number;
  y: (v: number) => number;
}

function percentPlot(
  size: { W: number; H: number },
  margin: { left: number; right: number; top: number; bottom: number },
  values: readonly number[],
): PercentPlot {
  const plotW = size.W - margin.left - margin.right;
  const plotH = size.H - margin.top - margin.bottom;
  const max = niceMax(values);
  return {
    ...size,
    left: margin.left,
    right: margin.right,
    top: margin.top,
    plotW,
    plotH,
    max,
    y: (v) => margin.top + plotH - (v / max) * plotH,
  };
}

/** The horizontal grid lines with their % labels on the left. */
function PercentGrid({ plot }: { plot: PercentPlot }) {
  return ticks(plot.max).map((v) => (
    <g key={v}>
      <line
        x1={plot.left}
        x2={plot.W - plot.right}
        y1={plot.y(v)}
        y2={plot.y(v)}
        stroke="#e9ecef"
      />
      <text x={plot.left - 4} y={plot.y(v) + 4} fontSize={11} textAnchor="end" fill="#495057">
        {v}%
      </text>
    </g>
  ));
}

/** A legend entry for a target line (solid or dashed), at `x` along the top. */
function TargetLegend({ x, label, dashed }: { x: number; label: string; dashed: boolean }) {
  return (
    <g transform={`translate(${x}, 10)`}>
      <line
        x1={0}
        x2={26}
        y1={0}
        y2={0}
        stroke={TARGET}
        strokeWidth={2}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
      <text x={32} y={4} fontSize={12} fill={TARGET} fontWeight={600}>
        {label}
      </text>
    </g>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  judgement: 'met' | 'below' | 'none';
  emphasis?: boolean;
}

/**
 * Cumulative coverage per desa: bars with their value printed on top; bars below target are
 * hatched as well as red, so the chart reads in black and white too. Two horizontal lines: the
 * target the month should have reached and the annual goal.
 */
export function BarChart({
  bars,
  lines,
  locale,
  title,
}: {
  bars: Bar[];
  lines: { value: number; label: string; dashed?: boolean }[];
  locale: Locale;
  title: string;
}) {
  const plot = percentPlot({ W: 720, H: 322 }, { left: 40, right: 8, top: 30, bottom: 92 }, [
    ...bars.map((b) => b.value ?? 0),
    ...lines.map((l) => l.value),
  ]);
  const { W, H, left, right, top, plotW, plotH, y } = plot;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.min(34, slot * 0.7);
  const labelSize = bars.length > 16 ? 10 : 11;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={title}
      data-testid="pws-bars"
      style={{ display: 'block' }}
    >
      <title>{title}</title>
      <defs>
        <pattern id="pws-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill={RED} />
          <path d="M0,6 L6,0" stroke="white" strokeWidth="1.6" />
        </pattern>
      </defs>
      <PercentGrid plot={plot} />
      {bars.map((b, i) => {
        const x = left + i * slot + (slot - barW) / 2;
        const v = b.value ?? 0;
        const fill =
          b.judgement === 'met' ? GREEN : b.judgement === 'below' ? 'url(#pws-hatch)' : GREY;
        const cx = x + barW / 2;
        return (
          <g key={b.key} data-testid="pws-bar">
            <title>{`${b.label}: ${formatPct(b.value, locale)}`}</title>
            {b.value !== null && (
              <rect
                x={x}
                y={y(v)}
                width={barW}
                height={Math.max(0, top + plotH - y(v))}
                fill={fill}
                stroke={b.emphasis ? '#212529' : 'none'}
                strokeWidth={b.emphasis ? 1.5 : 0}
              />
            )}
            <text
              x={cx}
              y={y(v) - 3}
              fontSize={10}
              textAnchor="middle"
              fill="#212529"
              fontWeight={b.emphasis ? 700 : 400}
            >
              {b.value === null ? '—' : Math.round(v)}
            </text>
            <text
              x={cx}
              y={top + plotH + 10}
              fontSize={labelSize}
              textAnchor="end"
              fill="#212529"
              fontWeight={b.emphasis ? 700 : 400}
              transform={`rotate(-50 ${cx} ${top + plotH + 10})`}
            >
              {b.label.length > 18 ? `${b.label.slice(0, 17)}…` : b.label}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="#868e96" />
      {lines.map((l) => (
        <line
          key={l.label}
          x1={left}
          x2={W - right}
          y1={y(l.value)}
          y2={y(l.value)}
          stroke={TARGET}
          strokeWidth={2}
          strokeDasharray={l.dashed ? '6 4' : undefined}
        />
      ))}
      {lines.map((l, i) => (
        <TargetLegend
          key={`legend-${l.label}`}
          x={left + 6 + i * 230}
          label={l.label}
          dashed={l.dashed ?? false}
        />
      ))}
    </svg>
  );
}

export interface LinePoint {
  month: string;
  value: number | null;
  target: number | null;
}

/**
 * The puskesmas month by month: the cumulative % as a line with its points labelled, against
 * the cumulative target (the goal spread over the year) drawn dashed.
 */
export function LineChart({
  points,
  locale,
  title,
  valueLabel,
  targetLabel,
}: {
  points: LinePoint[];
  locale: Locale;
  title: string;
  valueLabel: string;
  targetLabel: string;
}) {
  const plot = percentPlot(
    { W: 480, H: 340 },
    { left: 40, right: 14, top: 30, bottom: 40 },
    points.flatMap((p) => [p.value ?? 0, p.target ?? 0]),
  );
  const { W, H, left, right, top, plotW, plotH, y } = plot;
  const step = plotW / 12;
  const x = (i: number) => left + step * i + step / 2;
  const path = (pick: (p: LinePoint) => number | null) => {
    let d = '';
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const hasTarget = points.some((p) => p.target !== null);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={title}
      data-testid="pws-line"
      style={{ display: 'block' }}
    >
      <title>{title}</title>
      <PercentGrid plot={plot} />
      {Array.from({ length: 12 }, (_, i) => {
        const month = `${points[0]?.month.slice(0, 4) ?? '2000'}-${String(i + 1).padStart(2, '0')}`;
        return (
          <text
            key={i}
            x={x(i)}
            y={top + plotH + 16}
            fontSize={11}
            textAnchor="middle"
            fill="#495057"
          >
            {monthShort(month, locale)}
          </text>
        );
      })}
      <line x1={left} x2={W - right} y1={top + plotH} y2={top + plotH} stroke="#868e96" />
      {hasTarget && (
        <path
          d={path((p) => p.target)}
          fill="none"
          stroke={TARGET}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
      )}
      <path
        d={path((p) => p.value)}
        fill="none"
        stroke="var(--mantine-color-blue-7)"
        strokeWidth={2.5}
      />
      {points.map((p, i) =>
        p.value === null ? null : (
          <g key={p.month} data-testid="pws-point">
            <title>{`${p.month}: ${formatPct(p.value, locale)}`}</title>
            <circle
              cx={x(i)}
              cy={y(p.value)}
              r={4}
              fill={
                p.target !== null && p.value < p.target ? 'white' : 'var(--mantine-color-blue-7)'
              }
              stroke="var(--mantine-color-blue-7)"
              strokeWidth={2}
            />
            <text x={x(i)} y={y(p.value) - 8} fontSize={10} textAnchor="middle" fill="#212529">
              {Math.round(p.value)}
            </text>
          </g>
        ),
      )}
      <g transform={`translate(${left + 6}, 10)`}>
        <line x1={0} x2={26} y1={0} y2={0} stroke="var(--mantine-color-blue-7)" strokeWidth={2.5} />
        <circle cx={13} cy={0} r={3.5} fill="var(--mantine-color-blue-7)" />
        <text x={32} y={4} fontSize={12} fill="#212529">
          {valueLabel}
        </text>
      </g>
      {hasTarget && <TargetLegend x={left + 190} label={targetLabel} dashed />}
    </svg>
  );
}
