import { AREA_STATUSES } from '../areas/model';
import { AREA_STATUS_STYLE } from '../map/areaLayers';
import { AGREEMENT_KEYS, AGREEMENT_STYLE, STATUS_STYLE, STATUSES } from '../map/palette';
import { PRECISION_KINDS, PRECISION_STYLE } from '../map/precisionStyle';
import { DisagreementSwatch } from './DisagreementSwatch';
import { useT } from './i18n';
import { Shape } from './Shape';
import { useApp, useViews } from './useApp';

/** The precision kinds whose places the map shows now (every place is shown, so: the places' kinds). */
function usePrecisionKinds() {
  const places = useApp((s) => s.dataset.places);
  return PRECISION_KINDS.filter((k) => places.some((p) => p.precision.kind === k));
}

/** The place markers: each agreement's shape and colour. */
function AgreementList() {
  const t = useT();
  return (
    <ul>
      {AGREEMENT_KEYS.map((key) => (
        <li key={key}>
          <Shape shape={AGREEMENT_STYLE[key].shape} color={AGREEMENT_STYLE[key].color} />
          {t(`agreement.${key}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The short key, open by default: the place markers' shapes and colours, the marks' shapes, and one line for
 * the circles of uncertainty when a place on the map has one.
 */
export function LegendKey() {
  const t = useT();
  const circles = usePrecisionKinds().filter((k) => PRECISION_STYLE[k].circle);
  return (
    <section className="legend legend-key" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        {t('legend.show')}
      </h2>
      <AgreementList />
      <p className="legend-marks">
        {t('legend.keyMarks')}{' '}
        {STATUSES.map((status) => (
          <span key={status} className="legend-mark">
            <Shape shape={STATUS_STYLE[status].shape} color="#444" size={11} />
            {t(`legend.keyStatus.${status}`)}
          </span>
        ))}
      </p>
      {circles.length > 0 && (
        <p className="legend-circles">
          <svg className="shape" width={16} height={16} aria-hidden="true">
            <circle
              cx={8}
              cy={8}
              r={6.5}
              fill="none"
              stroke={PRECISION_STYLE[circles[0]].color}
              strokeWidth={1.5}
              strokeDasharray="3 2"
            />
          </svg>
          {t('legend.keyCircles')}
        </p>
      )}
    </section>
  );
}

/** What the map's marks, fills and patterns mean; names the two area maps compared now, if any. */
export function Legend() {
  const t = useT();
  const pair = useApp(useViews().areas).pair;
  const sources = useApp((s) => s.dataset.sources);
  const nameOf = (id: string) => sources.find((s) => s.id === id)?.shortName ?? id;
  const comparedAreaSources = pair ? ([nameOf(pair[0].sourceId), nameOf(pair[1].sourceId)] as const) : null;
  const hasAreas = useApp((s) => s.areaCatalog !== undefined);
  const enabled = useApp((s) => s.sources);
  // Only what the map can show now: the precision kinds of the places, the switched-on sources' colours.
  const kinds = usePrecisionKinds();
  const shownSources = sources.filter((s) => enabled.has(s.id));
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="visually-hidden">
        {t('legend.full')}
      </h2>
      <h3>{t('legend.placeMarker')}</h3>
      <AgreementList />
      <h3>{t('legend.sourceMarks')}</h3>
      <ul>
        {STATUSES.map((status) => (
          <li key={status}>
            <Shape shape={STATUS_STYLE[status].shape} color="#444" size={12} />
            {t(`status.${status}`)}
          </li>
        ))}
      </ul>
      {shownSources.length > 0 && (
        <ul className="legend-sources" aria-label={t('legend.sourceColours')}>
          {shownSources.map((s) => (
            <li key={s.id}>
              <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.shortName}
            </li>
          ))}
        </ul>
      )}
      {hasAreas && (
        <>
          <h3>{t('legend.areaMaps')}</h3>
          <ul>
            {AREA_STATUSES.map((status) => (
              <li key={status}>
                <span
                  className="swatch"
                  style={{ background: AREA_STATUS_STYLE[status].color, opacity: 0.6 }}
                  aria-hidden="true"
                />
                {t(`areaStatus.${status}`)}
              </li>
            ))}
            <li>
              <svg className="shape" width={16} height={16} aria-hidden="true">
                <line x1={0} y1={8} x2={16} y2={8} stroke="#111" strokeWidth={2.5} />
              </svg>
              {t('legend.frontLine')}
            </li>
          </ul>
          <h3>{t('legend.areasDisagree')}</h3>
          <p className="hint" data-compared={comparedAreaSources?.join(',') ?? ''}>
            {comparedAreaSources
              ? t('disagreement.nowCompared', { a: comparedAreaSources[0], b: comparedAreaSources[1] })
              : t('legend.disagreementWhen')}{' '}
            {t('disagreement.howChosen')}
          </p>
          <ul>
            <li>
              <DisagreementSwatch kind="opposed" />
              {t('legend.hatched', { meaning: t('disagreement.opposed') })}
            </li>
            <li>
              <DisagreementSwatch kind="contested" />
              {t('legend.dotted', { meaning: t('disagreement.contested') })}
            </li>
          </ul>
        </>
      )}
      <h3>{t('legend.map')}</h3>
      <ul>
        {kinds.map((kind) => {
          const style = PRECISION_STYLE[kind];
          return (
            <li key={kind} data-precision={kind}>
              <svg className="shape" width={16} height={16} aria-hidden="true">
                {style.circle ? (
                  <circle
                    cx={8}
                    cy={8}
                    r={6.5}
                    fill="none"
                    stroke={style.color}
                    strokeWidth={style.lineWidth}
                    strokeDasharray={style.dash ? style.dash.map((d) => d * style.lineWidth).join(' ') : undefined}
                  />
                ) : (
                  <circle cx={8} cy={8} r={2.5} fill="#555" />
                )}
              </svg>
              {t(`precision.${kind}.label`)}: {t(`precision.${kind}.description`)}
            </li>
          );
        })}
        <li>
          <svg className="shape" width={16} height={16} aria-hidden="true">
            <line x1={0} y1={8} x2={16} y2={8} stroke="#4a4a4a" strokeWidth={2.5} strokeDasharray="4 1.5" />
          </svg>
          {t('legend.border')}
        </li>
      </ul>
    </section>
  );
}
