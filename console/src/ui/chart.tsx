/**
 * A stacked bar chart in SVG: one bar per label, one colour per series, the scale's top marked. Small on purpose
 * (no charting library: bars and a legend are all the console draws); the numbers are also in the table beside it.
 */
export interface Series {
  name: string;
  className: string;
  values: readonly number[];
}

export function BarChart(props: { title: string; labels: readonly string[]; series: readonly Series[]; format: (n: number) => string }) {
  const width = 720;
  const height = 220;
  const top = 16;
  const bottom = 36;
  const left = 48;
  const totals = props.labels.map((_, i) => props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (width - left) / Math.max(1, props.labels.length);
  const bar = Math.max(2, Math.min(40, slot * 0.7));
  const scale = (n: number) => (n / max) * (height - top - bottom);
  const every = Math.ceil(props.labels.length / 12);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title} data-bars={props.labels.length}>
        <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
        <text x={left - 6} y={top + 4} class="tick" text-anchor="end">
          {props.format(max)}
        </text>
        <text x={left - 6} y={height - bottom} class="tick" text-anchor="end">
          0
        </text>
        {props.labels.map((label, i) => {
          let y = height - bottom;
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g key={label}>
              {props.series.map((s) => {
                const h = scale(s.values[i] ?? 0);
                y -= h;
                return h > 0 ? (
                  <rect key={s.name} x={x} y={y} width={bar} height={h} class={s.className}>
                    <title>{`${label} · ${s.name}: ${props.format(s.values[i] ?? 0)}`}</title>
                  </rect>
                ) : null;
              })}
              {i % every === 0 ? (
                <text x={x + bar / 2} y={height - bottom + 16} class="tick" text-anchor="middle">
                  {label.length > 10 ? `${label.slice(0, 9)}…` : label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {props.series.map((s) => (
            <li key={s.name}>
              <span class={`swatch ${s.className}`} aria-hidden="true" /> {s.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
