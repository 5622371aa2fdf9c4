import { Group, Text } from '@mantine/core';
import { daysBetween } from '@shared/domain/dates';
import { useT } from '../../lib/i18n';
import { dmy } from './hooks';

export interface ChartSeries {
  name: string;
  color: string;
  points: { date: string; value: number; source?: 'skrining' | 'kontrol' }[];
}

export interface ChartLine {
  value: number;
  label: string;
  color: string;
}

const W = 640;
const H = 190;
const PAD = { left: 40, right: 12, top: 10, bottom: 24 };

function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min || 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(v);
  return ticks;
}

/**
 * A small line chart over dates, drawn as SVG (no chart library in the app): one line per
 * series, a marker per measurement (square = screening, circle = kontrol), dashed target lines.
 */
export function TrendChart({
  title,
  series,
  lines = [],
  unit,
}: {
  title: string;
  series: ChartSeries[];
  lines?: ChartLine[];
  unit: string;
}) {
  const t = useT();
  const points = series.flatMap((s) => s.points);
  if (points.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('adult.chart.empty')}
      </Text>
    );
  }
  const dates = points.map((p) => p.date).sort();
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const span = Math.max(1, daysBetween(first, last));
  const values = [...points.map((p) => p.value), ...lines.map((l) => l.value)];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo) * 0.1 || 10;
  const ticks = niceTicks(Math.max(0, lo - margin), hi + margin);
  const yMin = Math.min(ticks[0]!, lo);
  const yMax = Math.max(ticks.at(-1)!, hi);
  const x = (date: string) =>
    first === last
      ? PAD.left + (W - PAD.left - PAD.right) / 2
      : PAD.left + (daysBetween(first, date) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) =>
    PAD.top + (1 - (v - yMin) / (yMax - yMin || 1)) * (H - PAD.top - PAD.bottom);
  const xLabels = [...new Set([first, dates[Math.floor(dates.length / 2)]!, last])];

  return (
    <figure style={{ margin: 0 }}>
      <Group gap="md" mb={2}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {series.map((s) => (
          <Group key={s.name} gap={4}>
            <span
              aria-hidden
              style={{ width: 14, height: 3, background: s.color, display: 'inline-block' }}
            />
            <Text size="xs">{s.name}</Text>
          </Group>
        ))}
      </Group>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('adult.chart.label', {
          what: title,
          count: Math.max(...series.map((s) => s.points.length)),
        })}
        style={{ display: 'block', maxHeight: 220 }}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#868e96">
              {v}
            </text>
          </g>
        ))}
        {lines.map((l) => (
          <g key={l.label}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(l.value)}
              y2={y(l.value)}
              stroke={l.color}
              strokeDasharray="5 4"
            />
            <text
              x={W - PAD.right - 2}
              y={y(l.value) - 3}
              fontSize="10"
              textAnchor="end"
              fill={l.color}
            >
              {l.label}
            </text>
          </g>
        ))}
        {xLabels.map((d, i) => (
          <text
            key={d}
            x={x(d)}
            y={H - 6}
            fontSize="11"
            fill="#868e96"
            textAnchor={
              xLabels.length > 1 && i === 0
                ? 'start'
                : i === xLabels.length - 1 && xLabels.length > 1
                  ? 'end'
                  : 'middle'
            }
          >
            {dmy(d)}
          </text>
        ))}
        {series.map((s) => {
          const sorted = [...s.points].sort((a, b) => (a.date < b.date ? -1 : 1));
          return (
            <g key={s.name}>
              <polyline
                fill="none"
                stroke={s.color}
                strokeWidth="2"
                points={sorted.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')}
              />
              {sorted.map((p, i) =>
                p.source === 'skrining' ? (
                  <rect
                    key={i}
                    x={x(p.date) - 4}
                    y={y(p.value) - 4}
                    width="8"
                    height="8"
                    fill="white"
                    stroke={s.color}
                    strokeWidth="2"
                  >
                    <title>{`${dmy(p.date)} · ${s.name} ${p.value} ${unit} (${t('adult.chart.skrining')})`}</title>
                  </rect>
                ) : (
                  <circle key={i} cx={x(p.date)} cy={y(p.value)} r="4" fill={s.color}>
                    <title>{`${dmy(p.date)} · ${s.name} ${p.value} ${unit} (${t('adult.chart.kontrol')})`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
