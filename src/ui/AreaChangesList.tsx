import { useDeferredValue, useMemo } from 'react';
import { areaChangesBetween } from '../areas/changes';
import type { AreaIndex } from '../areas/timeline';
import type { ChangeRange } from '../claims/changes';
import { formatKm2, useT } from './i18n';

interface Props {
  areaIndex: AreaIndex;
  range: ChangeRange;
  enabled: ReadonlySet<string>;
  sourceName: ReadonlyMap<string, string>;
}

/** Per area map, the Ukrainian-held km² gained and lost over the range. Loaded on demand (./areaViews). */
export function AreaChangesList({ areaIndex, range, enabled, sourceName }: Props) {
  const t = useT();
  // Clipping each map against its earlier one is slow: it renders after the slider has moved (deferred).
  const from = useDeferredValue(range.from);
  const to = useDeferredValue(range.to);
  const areaChanges = useMemo(() => areaChangesBetween(areaIndex, from, to, enabled), [areaIndex, from, to, enabled]);
  if (areaChanges.length === 0) return null;
  return (
    <ul className="changes-list area-changes">
      {areaChanges.map((a) => (
        <li key={`${a.sourceId}:${a.layer}`} data-source-id={a.sourceId}>
          <strong>{sourceName.get(a.sourceId) ?? a.sourceId}</strong> {t('areaChanges.map', { layer: a.layer })}{' '}
          <span data-gained>+{formatKm2(a.gainedKm2)}</span> {t('areaChanges.gained')}{' '}
          <span data-lost>−{formatKm2(a.lostKm2)}</span> {t('areaChanges.lost')}
          {a.from
            ? ` (${a.from.statedDate} → ${a.to.statedDate})`
            : ` ${t('areaChanges.firstMap', { date: a.to.statedDate })}`}
        </li>
      ))}
    </ul>
  );
}
