import { positionsForPlace } from '../claims/timeline';
import type { ClaimsView } from '../claims/view';
import type { HoveredMark } from '../map/MapController';
import { useT } from './i18n';
import { useApp } from './useApp';

/** Whose mark is under the pointer, and what that source says of the place on the view's date. */
export function MarkTooltip({ hovered, view }: { hovered: HoveredMark; view: ClaimsView }) {
  const source = useApp((s) => s.dataset.sources.find((x) => x.id === hovered.sourceId));
  const position = positionsForPlace(view.index, hovered.placeId, view.date, new Set([hovered.sourceId]))[0];
  const t = useT();
  if (!source || !position) return null;
  return (
    <div className="map-tooltip" style={{ left: hovered.point.x + 12, top: hovered.point.y + 12 }}>
      <strong>{source.shortName}</strong>: {t(`status.${position.status}`)}{' '}
      {t('common.statedOn', { date: position.claim.statedDate })}
    </div>
  );
}
