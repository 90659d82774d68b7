import { useMemo } from 'react';
import { controlChanges, type FollowerOutcome } from '../claims/firstClaims';
import { firstClaimsToCsv } from '../claims/firstClaimsCsv';
import type { Place } from '../claims/model';
import { STATUS_STYLE } from '../map/palette';
import { download } from './download';
import { useApp } from './useApp';

const days = (n: number) => (n === 0 ? 'the same day' : `+${n} day${n === 1 ? '' : 's'}`);

function Outcome({ outcome, name }: { outcome: FollowerOutcome; name: string }) {
  if (outcome.kind === 'followed')
    return (
      <>
        <strong>{name}</strong> followed on {outcome.date} ({days(outcome.lagDays)})
        {outcome.before ? `, after saying ${STATUS_STYLE[outcome.before].label.toLowerCase()}` : ''}
      </>
    );
  if (outcome.kind === 'contradicted')
    return (
      <>
        <strong>{name}</strong> said {STATUS_STYLE[outcome.held].label.toLowerCase()} instead
        {outcome.until ? `, until ${outcome.until}` : ', and still did at the end of the record'}
      </>
    );
  return (
    <>
      <strong>{name}</strong> never said so
    </>
  );
}

/**
 * For each change of control at the place: which source claimed it first, and for each other enabled
 * source whether it followed (and how many days later), said otherwise (until when), or never spoke.
 */
export function FirstClaims({ place }: { place: Place }) {
  const index = useApp((s) => s.index);
  const enabled = useApp((s) => s.sources);
  const dataset = useApp((s) => s.dataset);
  const update = useApp((s) => s.update);
  const changes = useMemo(() => controlChanges(index, place.id, enabled), [index, place.id, enabled]);
  const name = (id: string) => dataset.sources.find((s) => s.id === id)?.shortName ?? id;
  if (changes.length === 0) return null;
  return (
    <section className="first-claims" aria-labelledby={`first-${place.id}`}>
      <h3 id={`first-${place.id}`}>Who claimed first, who followed</h3>
      <ol>
        {changes.map((c) => (
          <li key={`${c.status}-${c.date}`} data-status={c.status} data-date={c.date}>
            <p>
              <button type="button" className="link-button" onClick={() => update({ date: c.date })}>
                {c.date}
              </button>{' '}
              {c.initial ? 'first claimed position' : 'change'}: <strong>{STATUS_STYLE[c.status].label}</strong>, first
              claimed by {c.first.map((f) => name(f.sourceId)).join(', ')}
            </p>
            {c.followers.length > 0 && (
              <ul className="followers">
                {c.followers.map((f) => (
                  <li key={f.sourceId} data-source-id={f.sourceId} data-outcome={f.kind}>
                    <Outcome outcome={f} name={name(f.sourceId)} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => download(`first-claims-${place.id}.csv`, 'text/csv', firstClaimsToCsv(changes, dataset))}
      >
        Download as CSV
      </button>
    </section>
  );
}
