import type { AreaDisagreement, DisagreementKind, DisagreementPart } from '../areas/disagreement';
import type { AreaSnapshot } from '../areas/model';
import { AREA_STATUS_STYLE } from '../map/areaLayers';
import { DISAGREEMENT_MEANING, DisagreementSwatch, HOW_THE_PAIR_IS_CHOSEN } from './DisagreementSwatch';

interface Props {
  /** Every enabled source's map in force, in pair order (../areas/disagreementPair `comparableMaps`). */
  comparable: readonly AreaSnapshot[];
  /** The disagreement of the first two of them (../areas/disagreement `areaDisagreement`), null with fewer. */
  disagreement: AreaDisagreement | null;
  nameOf: (sourceId: string) => string;
}

const km2 = (v: number) => `${v.toFixed(1)} km²`;
const PATTERN: Record<DisagreementKind, string> = { opposed: 'hatched', contested: 'dotted' };
const TITLE: Record<DisagreementKind, string> = { opposed: 'Opposed', contested: 'Held vs contested' };

/** The Areas panel's account of where the two compared area maps disagree: the same rule and figures as the map. */
export function AreaDisagreementSummary({ comparable, disagreement, nameOf }: Props) {
  const [first, second, ...others] = comparable;
  const says = (part: DisagreementPart) =>
    `${nameOf(part.a.sourceId)}: ${AREA_STATUS_STYLE[part.a.status].label}; ${nameOf(part.b.sourceId)}: ${AREA_STATUS_STYLE[part.b.status].label}`;
  return (
    <section className="area-disagreement" aria-labelledby="area-disagreement-heading">
      <h3 id="area-disagreement-heading">Where two area maps disagree</h3>
      {!first || !second || !disagreement ? (
        <p className="hint">
          {first
            ? `Only ${nameOf(first.sourceId)} has an area map on this date that is switched on; there is nothing to compare it with.`
            : 'No area map to compare on this date.'}{' '}
          {HOW_THE_PAIR_IS_CHOSEN}
        </p>
      ) : (
        <>
          <p data-compared={`${first.sourceId},${second.sourceId}`}>
            Comparing <strong>{nameOf(first.sourceId)}</strong> with <strong>{nameOf(second.sourceId)}</strong>.{' '}
            {others.length > 0 &&
              `Also with an area map on this date: ${others.map((s) => nameOf(s.sourceId)).join(', ')}. `}
            {HOW_THE_PAIR_IS_CHOSEN}
          </p>
          {disagreement.error ? (
            <p className="hint" role="status">
              The disagreement of these two maps could not be computed ({disagreement.error}); the map shows none.
            </p>
          ) : (
            <ul className="area-disagreement-kinds">
              {(['opposed', 'contested'] as const).map((kind) => {
                const parts = disagreement.parts.filter((p) => p.kind === kind);
                return (
                  <li key={kind} data-kind={kind} data-km2={disagreement.km2[kind].toFixed(1)}>
                    <DisagreementSwatch kind={kind} /> {TITLE[kind]} ({PATTERN[kind]} on the map):{' '}
                    <strong>{km2(disagreement.km2[kind])}</strong>, where {DISAGREEMENT_MEANING[kind]}.
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
