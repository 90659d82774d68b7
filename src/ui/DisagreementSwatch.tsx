import { DISAGREEMENT_COLOR } from '../map/areaDisagreement';

/** The map's two disagreement patterns in small (src/map/icons.ts `hatchImage`): hatching, or dots. */
export function DisagreementSwatch({ kind }: { kind: 'opposed' | 'contested' }) {
  const color = DISAGREEMENT_COLOR[kind];
  return (
    <svg className="shape" width={16} height={16} aria-hidden="true" data-pattern={kind}>
      <rect x={0.75} y={0.75} width={14.5} height={14.5} fill="none" stroke={color} strokeDasharray="2 1.5" />
      {kind === 'opposed' ? (
        <path d="M0 8 L8 0 M0 16 L16 0 M8 16 L16 8" stroke={color} strokeWidth={1.5} />
      ) : (
        <g fill={color}>
          <circle cx={4} cy={4} r={1.6} />
          <circle cx={12} cy={12} r={1.6} />
          <circle cx={12} cy={4} r={1.6} />
          <circle cx={4} cy={12} r={1.6} />
        </g>
      )}
    </svg>
  );
}

// What each pattern means and how the compared pair is chosen: `disagreement.*` in ./locales.
