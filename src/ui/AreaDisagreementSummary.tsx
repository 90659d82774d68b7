import type { AreaDisagreement, DisagreementKind, DisagreementPart } from '../areas/disagreement';
import type { AreaSnapshot } from '../areas/model';
import { DisagreementSwatch } from './DisagreementSwatch';
import { formatKm2, useT } from './i18n';
import { useApp } from './useApp';

interface Props {
  /** Every enabled source's map in force, in pair order (../areas/disagreementPair `comparableMaps`). */
  comparable: readonly AreaSnapshot[];
  /**
   * The disagreement of the first two of them, as the area timeline measured it (src/state/areaTimeline.ts);
   * undefined while it is being measured or with fewer than two.
   */
  disagreement: AreaDisagreement | undefined;
  nameOf: (sourceId: string) => string;
}

const km2 = formatKm2;
const KINDS: readonly DisagreementKind[] = ['opposed', 'contested'];

/**
 * How far the area timeline is, while the compared pair waits. It reads the progress itself: the timeline
 * reports it every ~50 ms while it fills, and only this line is rendered again, not the Areas panel around it.
 */
function MeasuringNote() {
  const t = useT();
  const progress = useApp((s) => s.areaTimeline);
  return (
    <p className="hint" role="status" data-measuring>
      <span className="spinner" aria-hidden="true" />{' '}
      {t('areaDisagreement.measuring', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
    </p>
  );
}

/** The Areas panel's account of where the two compared area maps disagree: the same rule and figures as the map. */
export function AreaDisagreementSummary({ comparable, disagreement, nameOf }: Props) {
  const t = useT();
  const [first, second, ...others] = comparable;
  const says = (part: DisagreementPart) =>
    `${nameOf(part.a.sourceId)}: ${t(`areaStatus.${part.a.status}`)}; ${nameOf(part.b.sourceId)}: ${t(`areaStatus.${part.b.status}`)}`;
  return (
    <section className="area-disagreement" aria-labelledby="area-disagreement-heading">
      <h3 id="area-disagreement-heading">{t('legend.areasDisagree')}</h3>
      {first && second && !disagreement ? (
        <MeasuringNote />
      ) : !first || !second || !disagreement ? (
        <p className="hint">
          {first ? t('areaDisagreement.onlyOne', { name: nameOf(first.sourceId) }) : t('areaDisagreement.noMap')}{' '}
          {t('disagreement.howChosen')}
        </p>
      ) : (
        <>
          <p data-compared={`${first.sourceId},${second.sourceId}`}>
            {t('areaDisagreement.comparing')} <strong>{nameOf(first.sourceId)}</strong> {t('areaDisagreement.with')}{' '}
            <strong>{nameOf(second.sourceId)}</strong>.{' '}
            {others.length > 0 &&
              t('areaDisagreement.others', { names: others.map((s) => nameOf(s.sourceId)).join(', ') })}
            {t('disagreement.howChosen')}
          </p>
          {disagreement.error ? (
            <p className="hint" role="status">
              {t('areaDisagreement.failed', { error: disagreement.error })}
            </p>
          ) : (
            <ul className="area-disagreement-kinds">
              {KINDS.map((kind) => {
                const parts = disagreement.parts.filter((p) => p.kind === kind);
                return (
                  <li key={kind} data-kind={kind} data-km2={disagreement.km2[kind].toFixed(1)}>
                    <DisagreementSwatch kind={kind} /> {t(`areaDisagreement.title.${kind}`)}{' '}
                    <strong>{km2(disagreement.km2[kind])}</strong>
                    {t('areaDisagreement.where', { meaning: t(`disagreement.${kind}`) })}
                    {parts.length > 0 && (
                      <ul>
                        {parts.map((part) => (
                          <li key={`${part.a.status}-${part.b.status}`}>
                            {says(part)}: {km2(part.km2)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
