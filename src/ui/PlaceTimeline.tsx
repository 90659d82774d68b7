import { scaleUtc } from 'd3-scale';
import i18next from 'i18next';
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { Place, Status } from '../claims/model';
import { placeTimeline, type TimelineSegment } from '../claims/placeTimeline';
import { STATUS_STYLE } from '../map/palette';
import { placeName, useT } from './i18n';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

const WIDTH = 340;
const LABEL_WIDTH = 92;
const ROW_HEIGHT = 20;
const AXIS_HEIGHT = 18;
const BAND_HEIGHT = 10;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Colour is never alone: each status has its own fill pattern too (legend under the chart). */
function Patterns({ id }: { id: string }) {
  const c = (s: Status) => STATUS_STYLE[s].color;
  return (
    <defs>
      <pattern id={`${id}-ukrainian`} width={4} height={4} patternUnits="userSpaceOnUse">
        <rect width={4} height={4} fill={c('ukrainian')} />
      </pattern>
      <pattern id={`${id}-russian`} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={5} height={5} fill={c('russian')} />
        <line x1={0} y1={0} x2={0} y2={5} stroke="#fff" strokeWidth={1.4} />
      </pattern>
      <pattern id={`${id}-contested`} width={5} height={5} patternUnits="userSpaceOnUse">
        <rect width={5} height={5} fill={c('contested')} />
        <circle cx={2.5} cy={2.5} r={1} fill="#fff" />
      </pattern>
      <pattern id={`${id}-none`} width={4} height={4} patternUnits="userSpaceOnUse">
        <rect width={4} height={4} fill="#fff" />
      </pattern>
    </defs>
  );
}

const describe = (sourceName: string, s: TimelineSegment) =>
  `${sourceName}, ${s.from}: ${i18next.t(`status.${s.status}`)}${s.conflicting ? i18next.t('timeline.conflicting') : ''}`;

/**
 * A place's history, one row per enabled source that spoke about it: a band in the status colour and
 * pattern from each claim to that source's next, a tick per claim (hollow for a statement without a
 * position, ringed when another record reports it differently), the slider's date as a cursor. Clicking a
 * band or tick moves the slider there; hovering or focusing it shows the claim and its citation.
 */
export function PlaceTimeline({ place }: { place: Place }) {
  const id = useId().replaceAll(':', '');
  const t = useT();
  const index = useApp((s) => s.index);
  const sources = useApp((s) => s.dataset.sources);
  const enabled = useApp((s) => s.sources);
  const date = useApp((s) => s.date);
  const { firstDate, lastDate } = useApp((s) => s.ctx);
  const update = useApp((s) => s.update);
  const [focused, setFocused] = useState<TimelineSegment | null>(null);
  const sourceById = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const rows = useMemo(
    () =>
      placeTimeline(
        index,
        place.id,
        enabled,
        sources.map((s) => s.id),
      ),
    [index, place.id, enabled, sources],
  );
  const x = useMemo(
    () =>
      scaleUtc()
        .domain([toDate(firstDate), toDate(lastDate)])
        .range([LABEL_WIDTH, WIDTH - 6]),
    [firstDate, lastDate],
  );
  if (rows.length === 0) return <p className="hint">{t('timeline.none', { name: placeName(place) })}</p>;
  const height = rows.length * ROW_HEIGHT + AXIS_HEIGHT;
  const ticks = x.ticks(4);
  const format = x.tickFormat(4, '%b %Y');
  const go = (s: TimelineSegment) => update({ date: s.from });
  const onKey = (s: TimelineSegment) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go(s);
    }
  };
  const nameOf = (sourceId: string) => sourceById.get(sourceId)?.shortName ?? sourceId;
  return (
    <figure className="place-timeline">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart groups its interactive parts; a fieldset cannot */}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="group"
        aria-label={t('timeline.label', { name: placeName(place) })}
      >
        <Patterns id={id} />
        {rows.map((row, r) => {
          const y = r * ROW_HEIGHT;
          const name = nameOf(row.sourceId);
          return (
            <g key={row.sourceId} className="timeline-row" data-source-id={row.sourceId}>
              <text x={LABEL_WIDTH - 4} y={y + ROW_HEIGHT / 2 + 4} textAnchor="end" className="timeline-label">
                {name.length > 14 ? `${name.slice(0, 13)}…` : name}
              </text>
              <line x1={LABEL_WIDTH} x2={WIDTH - 6} y1={y + ROW_HEIGHT / 2} y2={y + ROW_HEIGHT / 2} stroke="#ddd" />
              {row.segments.map((s) => {
                const x0 = x(toDate(s.from));
                const x1 = x(toDate(s.to ?? lastDate));
                const label = describe(name, s);
                return (
                  // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it behaves as one
                  <g
                    key={s.claim.id}
                    role="button"
                    tabIndex={0}
                    aria-label={`${label}. Move the date here.`}
                    className="timeline-claim"
                    data-claim-id={s.claim.id}
                    data-status={s.status}
                    onClick={() => go(s)}
                    onKeyDown={onKey(s)}
                    onMouseEnter={() => setFocused(s)}
                    onFocus={() => setFocused(s)}
                  >
                    {x1 > x0 && (
                      <rect
                        className="timeline-band"
                        x={x0}
                        y={y + (ROW_HEIGHT - BAND_HEIGHT) / 2}
                        width={x1 - x0}
                        height={BAND_HEIGHT}
                        fill={`url(#${id}-${s.status})`}
                        stroke={STATUS_STYLE[s.status].color}
                        strokeWidth={0.8}
                      />
                    )}
                    <circle
                      className="timeline-tick"
                      cx={x0}
                      cy={y + ROW_HEIGHT / 2}
                      r={3.2}
                      fill={s.status === 'none' ? '#fff' : STATUS_STYLE[s.status].color}
                      stroke={s.conflicting ? '#000' : STATUS_STYLE[s.status].color}
                      strokeWidth={s.conflicting ? 1.6 : 1}
                    />
                  </g>
                );
              })}
            </g>
          );
        })}
        <g className="timeline-axis" transform={`translate(0, ${rows.length * ROW_HEIGHT})`}>
          {ticks.map((t) => (
            <g key={t.toISOString()} transform={`translate(${x(t)}, 0)`}>
              <line y2={4} stroke="#666" />
              <text y={14} textAnchor="middle">
                {format(t)}
              </text>
            </g>
          ))}
        </g>
        <line
          className="timeline-cursor"
          x1={x(toDate(date))}
          x2={x(toDate(date))}
          y1={0}
          y2={rows.length * ROW_HEIGHT}
          stroke="#111"
          strokeWidth={1.5}
          data-date={date}
        />
      </svg>
      <figcaption className="timeline-detail" aria-live="polite">
        {focused ? (
          <>
            <strong>{describe(nameOf(focused.claim.sourceId), focused)}.</strong> {focused.claim.summary}{' '}
            <SafeLink href={focused.claim.evidence.url}>
              {t('timeline.citation', { outlet: focused.claim.evidence.outlet })}
            </SafeLink>
          </>
        ) : (
          <span className="hint">{t('timeline.key')}</span>
        )}
      </figcaption>
    </figure>
  );
}
