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
  const W = 720;
  const H = 322;
  const left = 40;
  const right = 8;
  const top = 30;
  const bottom = 92;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = niceMax([...bars.map((b) => b.value ?? 0), ...lines.map((l) => l.value)]);
  const y = (v: number) => top + plotH - (v / max) * plotH;
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
      {ticks(max).map((v) => (
        <g key={v}>
          <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
          <text x={left - 4} y={y(v) + 4} fontSize={11} textAnchor="end" fill="#495057">
            {v}%
          </text>
        </g>
      ))}
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
        <g key={`legend-${l.label}`} transform={`translate(${left + 6 + i * 230}, 10)`}>
          <line
            x1={0}
            x2={26}
            y1={0}
            y2={0}
            stroke={TARGET}
            strokeWidth={2}
            strokeDasharray={l.dashed ? '6 4' : undefined}
          />
          <text x={32} y={4} fontSize={12} fill={TARGET} fontWeight={600}>
            {l.label}
          </text>
        </g>
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
  const W = 480;
  const H = 340;
  const left = 40;
  const right = 14;
  const top = 30;
  const bottom = 40;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = niceMax(points.flatMap((p) => [p.value ?? 0, p.target ?? 0]));
  const y = (v: number) => top + plotH - (v / max) * plotH;
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
      {ticks(max).map((v) => (
        <g key={v}>
          <line x1={left} x2={W - right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
          <text x={left - 4} y={y(v) + 4} fontSize={11} textAnchor="end" fill="#495057">
            {v}%
          </text>
        </g>
      ))}
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
      {hasTarget && (
        <g transform={`translate(${left + 190}, 10)`}>
          <line
            x1={0}
            x2={26}
            y1={0}
            y2={0}
            stroke={TARGET}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
          <text x={32} y={4} fontSize={12} fill={TARGET} fontWeight={600}>
            {targetLabel}
          </text>
        </g>
      )}
    </svg>
  );
}
