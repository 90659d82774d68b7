import { useDeferredValue, useMemo } from 'react';
import { areaChangesBetween } from '../areas/changes';
import type { AreaIndex } from '../areas/timeline';
import type { ChangeRange } from '../claims/changes';

interface Props {
  areaIndex: AreaIndex;
  range: ChangeRange;
  enabled: ReadonlySet<string>;
  sourceName: ReadonlyMap<string, string>;
}

/** Per area map, the Ukrainian-held km² gained and lost over the range. Loaded on demand (./areaViews). */
export function AreaChangesList({ areaIndex, range, enabled, sourceName }: Props) {
  // Clipping each map against its earlier one is slow: it renders after the slider has moved (deferred).
  const from = useDeferredValue(range.from);
  const to = useDeferredValue(range.to);
  const areaChanges = useMemo(() => areaChangesBetween(areaIndex, from, to, enabled), [areaIndex, from, to, enabled]);
  if (areaChanges.length === 0) return null;
  return (
    <ul className="changes-list area-changes">
      {areaChanges.map((a) => (
        <li key={`${a.sourceId}:${a.layer}`} data-source-id={a.sourceId}>
          <strong>{sourceName.get(a.sourceId) ?? a.sourceId}</strong> map ({a.layer}), Ukrainian-held:{' '}
          <span data-gained>+{a.gainedKm2.toFixed(1)} km²</span> gained,{' '}
          <span data-lost>−{a.lostKm2.toFixed(1)} km²</span> lost
          {a.from ? ` (${a.from.statedDate} → ${a.to.statedDate})` : ` (first map: ${a.to.statedDate})`}
        </li>
      ))}
    </ul>
  );
}
