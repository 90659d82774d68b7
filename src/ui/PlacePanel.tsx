import { useEffect, useMemo, useRef, useState } from 'react';
import type { Claim, Place, Precision } from '../claims/model';
import { AGREEMENT_STYLE, STATUS_STYLE } from '../map/palette';
import { PRECISION_STYLE, precisionRadiusM } from '../map/precisionStyle';
import { formatLongDate } from './DateSlider';
import { FirstClaims } from './FirstClaims';
import { PanelBoundary } from './PanelBoundary';
import { PlaceTimeline } from './PlaceTimeline';
import { SafeLink } from './SafeLink';
import { Shape } from './Shape';
import { useApp, useViews } from './useApp';

const NATURE_LABEL: Record<Claim['nature'], string> = {
  capture: 'capture',
  holding: 'holding',
  advance: 'advance',
  'attack-repelled': 'attack repelled',
  denial: 'denial',
  'no-comment': 'no comment',
  assessment: 'assessment',
  'map-derived': 'derived from map data',
};

/** The selected place's panel, beside the map; nothing when no place is open. */
export function PlacePanelAside() {
  const place = useApp((s) => s.dataset.places.find((p) => p.id === s.selectedPlace));
  if (!place) return null;
  return (
    <aside className="place-panel" aria-label={`Claims about ${place.names.en}`}>
      <PanelBoundary name="Place">
        <PlacePanel place={place} />
      </PanelBoundary>
    </aside>
  );
}

function PlacePanel({ place }: { place: Place }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const views = useViews();
  const dataset = useApp((s) => s.dataset);
  const date = useApp((s) => s.date);
  const enabled = useApp((s) => s.sources);
  const positions = useApp(views.selectedPositions);
  const agreementKey = useApp((s) => views.claims(s).agreement.get(place.id) ?? 'no-claim');
  const selectPlace = useApp((s) => s.selectPlace);
  const onClose = useMemo(() => () => selectPlace(null), [selectPlace]);
  const sourceById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const claimById = useMemo(() => new Map(dataset.claims.map((c) => [c.id, c])), [dataset]);
  const claims = useMemo(
    () =>
      dataset.claims
        .filter((c) => c.placeIds.includes(place.id))
        .sort((a, b) => (a.statedDate < b.statedDate ? -1 : a.statedDate > b.statedDate ? 1 : 0)),
    [dataset, place.id],
  );
  const inForce = new Set(positions.flatMap((p) => p.sameDayClaims.map((c) => c.id)));
  const agreement = AGREEMENT_STYLE[agreementKey];

  // Focus moves to the panel whenever another place opens, so keyboard and screen-reader users land on it.
  useEffect(() => {
    heading.current?.focus();
  }, [place.id]);

  // Escape closes the panel from anywhere inside it; PlacesList then puts focus back on the place's button.
  useEffect(() => {
    const section = heading.current?.closest('section');
    if (!section) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    section.addEventListener('keydown', onKeyDown);
    return () => section.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <section className="place-detail" data-place-id={place.id} aria-labelledby={`place-heading-${place.id}`}>
      <div className="place-detail-head">
        <h2 ref={heading} tabIndex={-1} id={`place-heading-${place.id}`}>
          {place.names.en}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close place panel">
          ×
        </button>
      </div>
      <p className="place-names" lang="ru">
        {place.names.ru} <span lang="uk">· {place.names.uk}</span>
        {place.names.alt.length > 0 && <span lang="en"> · also {place.names.alt.join(', ')}</span>}
      </p>
      <PrecisionNote precision={place.precision} />
      <div className="as-of">
        <h3>
          As of {formatLongDate(date)}:{' '}
          <span className="agreement-badge" data-agreement={agreementKey}>
            <Shape shape={agreement.shape} color={agreement.color} /> {agreement.label}
          </span>
        </h3>
        {positions.length === 0 ? (
          <p>No enabled source had made a claim about {place.names.en} by this date.</p>
        ) : (
          <ul className="positions">
            {positions.map((p) => (
              <li key={p.sourceId} data-source-id={p.sourceId} data-status={p.status}>
                <span className="swatch" style={{ background: sourceById.get(p.sourceId)?.color }} aria-hidden="true" />
                {sourceById.get(p.sourceId)?.shortName}: <strong>{STATUS_STYLE[p.status].label}</strong> (stated{' '}
                {p.claim.statedDate})
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3>Timeline</h3>
      <PlaceTimeline place={place} />
      <FirstClaims place={place} />
      <h3>Every claim about {place.names.en}</h3>
      <ol className="claim-timeline">
        {claims.map((claim) => (
          <ClaimItem
            key={claim.id}
            claim={claim}
            sourceName={sourceById.get(claim.sourceId)?.name ?? claim.sourceId}
            sourceColor={sourceById.get(claim.sourceId)?.color ?? '#000'}
            inForce={inForce.has(claim.id)}
            future={claim.statedDate > date}
            hidden={!enabled.has(claim.sourceId)}
            conflicts={claim.conflictsWith.map((id) => claimById.get(id)).filter((c) => !!c)}
          />
        ))}
      </ol>
    </section>
  );
}

/** One claim: a line (date, source, status, citation, summary) that expands to the evidence and notes. */
function ClaimItem(props: {
  claim: Claim;
  sourceName: string;
  sourceColor: string;
  inForce: boolean;
  future: boolean;
  hidden: boolean;
  conflicts: Claim[];
}) {
  const { claim, inForce, future, hidden, conflicts } = props;
  const [open, setOpen] = useState(inForce);
  const classes = [
    'claim',
    inForce && 'in-force',
    future && 'future',
    hidden && 'source-hidden',
    open && 'open',
  ].filter(Boolean);
  const detailsId = `claim-details-${claim.id}`;
  return (
    <li className={classes.join(' ')} id={`claim-${claim.id}`} data-claim-id={claim.id} data-in-force={inForce}>
      <div className="claim-head">
        <time dateTime={claim.statedDate}>{claim.statedDate}</time>
        <span className="swatch" style={{ background: props.sourceColor }} aria-hidden="true" />
        <span className="claim-source">{props.sourceName}</span>
        <span className="claim-status">
          <Shape shape={STATUS_STYLE[claim.status].shape} color={STATUS_STYLE[claim.status].color} size={12} />
          {STATUS_STYLE[claim.status].label}
        </span>
        {inForce && <span className="badge in-force-badge">in force</span>}
        {future && <span className="badge">after this date</span>}
        {hidden && <span className="badge">source switched off</span>}
        <SafeLink href={claim.evidence.url}>Citation</SafeLink>
        <button
          type="button"
          className="link-button claim-more"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'less' : 'more'}
          <span className="visually-hidden"> about the claim of {claim.statedDate}</span>
        </button>
      </div>
      <p className="claim-summary">{claim.summary}</p>
      <div id={detailsId} hidden={!open}>
        <p className="claim-meta">
          {NATURE_LABEL[claim.nature]}. {claim.claimant !== props.sourceName && <>Claimant: {claim.claimant}. </>}
          Reported by {claim.evidence.outlet} ({claim.evidence.provenance}).
          {claim.evidence.alsoReportedAt.map((url, i) => (
            <span key={url}>
              {' · '}
              <SafeLink href={url}>{`also ${i + 1}`}</SafeLink>
            </span>
          ))}
        </p>
        {claim.dateNote && <p className="claim-note">Date: {claim.dateNote}</p>}
        {claim.note && <p className="claim-note">Note: {claim.note}</p>}
      </div>
      {conflicts.length > 0 && (
        <p className="claim-conflict" role="note">
          Conflicts with{' '}
          {conflicts.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <a href={`#claim-${c.id}`}>the report dated {c.statedDate}</a>
            </span>
          ))}
          {claim.conflictNote ? `: ${claim.conflictNote}` : '.'}
        </p>
      )}
    </li>
  );
}

/** How sure the place's point is: its precision kind, the radius and the circle it is drawn with, and why. */
function PrecisionNote({ precision }: { precision: Precision }) {
  const style = PRECISION_STYLE[precision.kind];
  const radiusM = precisionRadiusM(precision);
  const links = (precision.sources ?? []).map((url, i) => (
    <span key={url}>
      {' · '}
      <SafeLink href={url}>{`source ${i + 1}`}</SafeLink>
    </span>
  ));
  if (radiusM === undefined)
    return (
      <p className="place-precision" data-precision={precision.kind}>
        Location (published point): {precision.basis}
        {links}
      </p>
    );
  const circle = style.dash === null ? 'solid ring' : style.dash[0] < 1 ? 'dotted circle' : 'dashed circle';
  const within = radiusM < 1000 ? `${radiusM} m` : `${(radiusM / 1000).toFixed(1)} km`;
  return (
    <details className="place-precision" data-precision={precision.kind}>
      <summary>
        {style.label}
        {precision.kind === 'landmark' ? ` (${precision.landmark})` : ''}: within about {within} ({circle}). Why
      </summary>
      {precision.basis}
      {links}
    </details>
  );
}
