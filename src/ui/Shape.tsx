import type { ReactElement } from 'react';

/** The marker shapes as inline SVG, so the legend and lists show what the map draws. */
export function Shape({ shape, color, size = 16 }: { shape: string; color: string; size?: number }) {
  const c = size / 2;
  const r = c - 1.5;
  const hollow = shape === 'ring';
  const paint = hollow
    ? { fill: 'none', stroke: color, strokeWidth: 2, strokeDasharray: '3 2' }
    : { fill: color, stroke: '#fff', strokeWidth: 1 };
  let element: ReactElement;
  if (shape === 'square')
    element = <rect x={c - r * 0.85} y={c - r * 0.85} width={r * 1.7} height={r * 1.7} {...paint} />;
  else if (shape === 'diamond')
    element = <polygon points={`${c},${c - r} ${c + r},${c} ${c},${c + r} ${c - r},${c}`} {...paint} />;
  else if (shape === 'star') {
    const points = Array.from({ length: 16 }, (_, i) => {
      const radius = i % 2 === 0 ? r : r * 0.55;
      const angle = (Math.PI * i) / 8 - Math.PI / 2;
      return `${(c + radius * Math.cos(angle)).toFixed(2)},${(c + radius * Math.sin(angle)).toFixed(2)}`;
    });
    element = <polygon points={points.join(' ')} {...paint} />;
  } else element = <circle cx={c} cy={c} r={r} {...paint} />;
  return (
    <svg className="shape" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
      {element}
    </svg>
  );
}
