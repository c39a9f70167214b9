import { useId } from 'react';
import { linePath, niceScale } from './chart-scale.js';

export interface Series {
  readonly name: string;
  readonly className: string;
  readonly values: readonly (number | null)[];
}

const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/**
 * A hand-drawn SVG line chart of percentages over days, with its data as a table for people who
 * cannot see it.
 */
export function LineChart({
  title,
  labels,
  series,
  tableCaption,
}: {
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  tableCaption: string;
}) {
  const titleId = useId();
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const { top, step } = niceScale(max);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? innerW / 2 : (i * innerW) / (labels.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / top) * innerH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        <title id={titleId}>{title}</title>
        {ticks.map((v) => (
          <g key={v} className="grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {`${Number(v.toFixed(3))}%`}
            </text>
          </g>
        ))}
        {labels.map((label, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text key={label} className="x-label" x={x(i)} y={H - 8} textAnchor="middle">
              {label.slice(5)}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <path key={s.name} className={`line ${s.className}`} d={linePath(s.values, x, y)} fill="none" />
        ))}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.name} className={`legend-item ${s.className}`}>
            {s.name}
          </span>
        ))}
      </figcaption>
      <details className="chart-data">
        <summary>{tableCaption}</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" />
                {series.map((s) => (
                  <th key={s.name} scope="col">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.name}>{s.values[i] === null ? '—' : `${s.values[i]}%`}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
