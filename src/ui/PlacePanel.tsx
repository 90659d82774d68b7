import { useEffect, useMemo, useRef, useState } from 'react';
import type { Claim, Place, Precision } from '../claims/model';
import type { Lang } from '../common/types';
import { AGREEMENT_STYLE, STATUS_STYLE } from '../map/palette';
import { PRECISION_STYLE, precisionRadiusM } from '../map/precisionStyle';
import { FirstClaims } from './FirstClaims';
import { currentLang, formatLongDate, formatNumber, placeName, useT } from './i18n';
import { PanelBoundary } from './PanelBoundary';
import { PlaceTimeline } from './PlaceTimeline';
import { SafeLink } from './SafeLink';
import { Shape } from './Shape';
import { useApp, useViews } from './useApp';

/** Beside the heading (the place's name in the interface language), its names in the other languages. */
const OTHER_NAMES: Record<Lang, readonly ('en' | 'uk' | 'ru')[]> = {
  en: ['ru', 'uk'],
  uk: ['en', 'ru'],
  ru: ['en', 'uk'],
};

/** The selected place's panel, beside the map; nothing when no place is open. */
export function PlacePanelAside() {
  const place = useApp((s) => s.dataset.places.find((p) => p.id === s.selectedPlace));
  const t = useT();
  if (!place) return null;
  return (
    <aside className="place-panel" aria-label={t('place.aside', { name: placeName(place) })}>
      <PanelBoundary name="Place">
        <PlacePanel place={place} />
      </PanelBoundary>
    </aside>
  );
}

function PlacePanel({ place }: { place: Place }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();
  const lang = currentLang();
  const name = placeName(place);
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
          {name}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t('place.close')}>
          ×
        </button>
      </div>
      <p className="place-names" lang={OTHER_NAMES[lang][0]}>
        {place.names[OTHER_NAMES[lang][0]]}{' '}
        <span lang={OTHER_NAMES[lang][1]}>· {place.names[OTHER_NAMES[lang][1]]}</span>
        {place.names.alt.length > 0 && (
          <span lang="en">
            {' · '}
            {t('place.also', { names: place.names.alt.join(', ') })}
          </span>
        )}
      </p>
      {lang !== 'en' && <p className="hint summaries-language">{t('place.summariesInEnglish')}</p>}
      {/* The answer first: who says what on the date; how sure the place's position is comes after it. */}
      <div className="as-of">
        <h3>
          {t('place.asOf', { date: formatLongDate(date) })}{' '}
          <span className="agreement-badge" data-agreement={agreementKey}>
            <Shape shape={agreement.shape} color={agreement.color} /> {t(`agreement.${agreementKey}`)}
          </span>
        </h3>
        {positions.length === 0 ? (
          <p>{t('place.noPositions', { name })}</p>
        ) : (
          <ul className="positions">
            {positions.map((p) => (
              <li key={p.sourceId} data-source-id={p.sourceId} data-status={p.status}>
                <span className="swatch" style={{ background: sourceById.get(p.sourceId)?.color }} aria-hidden="true" />
                {sourceById.get(p.sourceId)?.shortName}: <strong>{t(`status.${p.status}`)}</strong>{' '}
                {t('common.statedOn', { date: p.claim.statedDate })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <PrecisionNote precision={place.precision} />
      <h3>{t('place.timeline')}</h3>
      <PlaceTimeline place={place} />
      <FirstClaims place={place} />
      <h3>{t('place.everyClaim', { name })}</h3>
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
  const t = useT();
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
          {t(`status.${claim.status}`)}
        </span>
        {inForce && <span className="badge in-force-badge">{t('claim.inForce')}</span>}
        {future && <span className="badge">{t('claim.future')}</span>}
        {hidden && <span className="badge">{t('claim.sourceOff')}</span>}
        <SafeLink href={claim.evidence.url}>{t('claim.citation')}</SafeLink>
        <button
          type="button"
          className="link-button claim-more"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('claim.less') : t('claim.more')}
          <span className="visually-hidden">{t('claim.moreAbout', { date: claim.statedDate })}</span>
        </button>
      </div>
      <p className="claim-summary">{claim.summary}</p>
      <div id={detailsId} hidden={!open}>
        <p className="claim-meta">
          {t(`claim.nature.${claim.nature}`)}.{' '}
          {claim.claimant !== props.sourceName && <>{t('claim.claimant', { name: claim.claimant })} </>}
          {t('claim.reportedBy', { outlet: claim.evidence.outlet, provenance: claim.evidence.provenance })}
          {claim.evidence.alsoReportedAt.map((url, i) => (
            <span key={url}>
              {' · '}
              <SafeLink href={url}>{t('claim.alsoN', { n: i + 1 })}</SafeLink>
            </span>
          ))}
        </p>
        {claim.dateNote && <p className="claim-note">{t('claim.dateNote', { note: claim.dateNote })}</p>}
        {claim.note && <p className="claim-note">{t('claim.note', { note: claim.note })}</p>}
      </div>
      {conflicts.length > 0 && (
        <p className="claim-conflict" role="note">
          {t('claim.conflictsWith')}{' '}
          {conflicts.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <a href={`#claim-${c.id}`}>{t('claim.reportDated', { date: c.statedDate })}</a>
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
  const t = useT();
  const links = (precision.sources ?? []).map((url, i) => (
    <span key={url}>
      {' · '}
      <SafeLink href={url}>{t('precision.sourceN', { n: i + 1 })}</SafeLink>
    </span>
  ));
  if (radiusM === undefined)
    return (
      <p className="place-precision" data-precision={precision.kind}>
        {t('precision.publishedPoint', { basis: precision.basis })}
        {links}
      </p>
    );
  const circle = style.dash === null ? 'solid' : style.dash[0] < 1 ? 'dotted' : 'dashed';
  const within =
    radiusM < 1000
      ? t('unit.m', { n: formatNumber(radiusM) })
      : t('unit.km', { n: formatNumber(radiusM / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  return (
    <details className="place-precision" data-precision={precision.kind}>
      <summary>
        {t(`precision.${precision.kind}.label`)}
        {precision.kind === 'landmark' ? ` (${precision.landmark})` : ''}
        {t('precision.within', { within, circle: t(`precision.circle.${circle}`) })}
      </summary>
      {precision.basis}
      {links}
    </details>
  );
}
