import { useMemo } from 'react';
import { controlChanges, type FollowerOutcome } from '../claims/firstClaims';
import { firstClaimsToCsv } from '../claims/firstClaimsCsv';
import type { Place } from '../claims/model';
import { download } from './download';
import { formatNumber, useT } from './i18n';
import { useApp } from './useApp';

const STATUS_KEYS = {
  ukrainian: 'status.ukrainian',
  russian: 'status.russian',
  contested: 'status.contested',
  none: 'status.none',
} as const;

function Outcome({ outcome, name }: { outcome: FollowerOutcome; name: string }) {
  const t = useT();
  const days = (n: number) => (n === 0 ? t('first.sameDay') : t('first.days', { count: n, n: formatNumber(n) }));
  const said = (status: keyof typeof STATUS_KEYS) => t(STATUS_KEYS[status]).toLowerCase();
  if (outcome.kind === 'followed')
    return (
      <>
        <strong>{name}</strong> {t('first.followed', { date: outcome.date, days: days(outcome.lagDays) })}
        {outcome.before ? t('first.afterSaying', { status: said(outcome.before) }) : ''}
      </>
    );
  if (outcome.kind === 'contradicted')
    return (
      <>
        <strong>{name}</strong> {t('first.saidInstead', { status: said(outcome.held) })}
        {outcome.until ? t('first.until', { date: outcome.until }) : t('first.stillAtEnd')}
      </>
    );
  return (
    <>
      <strong>{name}</strong> {t('first.never')}
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
  const t = useT();
  const changes = useMemo(() => controlChanges(index, place.id, enabled), [index, place.id, enabled]);
  const name = (id: string) => dataset.sources.find((s) => s.id === id)?.shortName ?? id;
  if (changes.length === 0) return null;
  return (
    <section className="first-claims" aria-labelledby={`first-${place.id}`}>
      <h3 id={`first-${place.id}`}>{t('first.heading')}</h3>
      <ol>
        {changes.map((c) => (
          <li key={`${c.status}-${c.date}`} data-status={c.status} data-date={c.date}>
            <p>
              <button type="button" className="link-button" onClick={() => update({ date: c.date })}>
                {c.date}
              </button>{' '}
              {c.initial ? t('first.initial') : t('first.change')}: <strong>{t(STATUS_KEYS[c.status])}</strong>
              {t('first.firstBy', { names: c.first.map((f) => name(f.sourceId)).join(', ') })}
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
        {t('first.csv')}
      </button>
    </section>
  );
}
