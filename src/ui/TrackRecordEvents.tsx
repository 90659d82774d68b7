import type { Ref } from 'react';
import type { TakenStatus } from '../claims/agreement';
import type { Claim } from '../claims/model';
import type { TrackRecord, Voice, VoiceEvent, VoicePosition } from '../claims/trackRecord';
import { formatNumber, placeName, useT } from './i18n';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

/** What a figure of the table counts: a kind of position, or the changes with days, contradicted or reversed. */
export type Figure = VoicePosition['kind'] | 'spoke' | 'offsets' | 'over7' | 'over30' | 'reversed';

/** A claim as a line: its date, its words (the record's, in English) and its citation. */
function ClaimLine({ label, claim }: { label: string; claim: Claim }) {
  const t = useT();
  return (
    <p className="track-claim" data-claim-id={claim.id}>
      {label}: <time dateTime={claim.statedDate}>{claim.statedDate}</time> <span lang="en">{claim.summary}</span>{' '}
      <SafeLink href={claim.evidence.url}>
        {t('claim.citation')} ({claim.evidence.outlet})
      </SafeLink>
    </p>
  );
}

/** Days against the reference in words. */
export function useOffsetText() {
  const t = useT();
  return (days: number) =>
    days === 0
      ? t('track.offset.sameDay')
      : t(days < 0 ? 'track.offset.ahead' : 'track.offset.behind', {
          count: Math.abs(days),
          n: formatNumber(Math.abs(days), { maximumFractionDigits: 1 }),
        });
}

/** The changes behind one figure of one source, each with its position, its claim and the reference's. */
export function TrackRecordEvents(props: {
  heading: string;
  headingRef: Ref<HTMLHeadingElement>;
  figure: Figure;
  events: readonly VoiceEvent[];
  record: TrackRecord;
  voiceName: (voice: Voice) => string;
  onClose: () => void;
}) {
  const { events } = props;
  const places = useApp((s) => s.dataset.places);
  const update = useApp((s) => s.update);
  const t = useT();
  const offsetText = useOffsetText();
  const place = (id: string) => {
    const found = places.find((p) => p.id === id);
    return found ? placeName(found) : id;
  };
  const status = (s: TakenStatus) => t(`status.${s}`);
  const referenceName = (voiceId: string) => {
    const voice = props.record.voices.find((v) => v.voice.id === voiceId)?.voice;
    return voice ? props.voiceName(voice) : voiceId;
  };
  return (
    <section className="track-events" aria-labelledby="track-events-heading" data-figure={props.figure}>
      <div className="track-record-head">
        <h3 id="track-events-heading" ref={props.headingRef} tabIndex={-1}>
          {props.heading}
        </h3>
        <button type="button" onClick={props.onClose}>
          {t('track.events.close')}
        </button>
      </div>
      {events.length === 0 && <p>{t('track.events.empty')}</p>}
      <ol>
        {events.map(({ event, position, offsetDays, contradictedDays, reversedBy }) => (
          <li
            key={`${event.placeId}-${event.status}-${event.date}`}
            data-place-id={event.placeId}
            data-date={event.date}
          >
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => update({ date: event.date, selectedPlace: event.placeId })}
              >
                {event.date}
                <span className="visually-hidden"> {t('track.events.show')}</span>
              </button>{' '}
              <strong>{t('track.events.change', { place: place(event.placeId), status: status(event.status) })}</strong>
              {': '}
              {position.kind === 'opposite'
                ? t('track.position.opposite', { status: status(position.held).toLowerCase() })
                : position.kind === 'silent'
                  ? t('track.position.silent')
                  : t(`track.position.${position.kind}`, { date: position.date })}
              {offsetDays !== null && <>, {offsetText(offsetDays)}</>}.
            </p>
            {position.kind !== 'silent' && position.claim && (
              <ClaimLine label={t('track.events.theirClaim')} claim={position.claim} />
            )}
            {event.reference ? (
              <ClaimLine
                label={t('track.events.referenceClaim', {
                  voice: referenceName(event.reference.voiceId),
                  date: event.reference.date,
                })}
                claim={event.reference.claim}
              />
            ) : (
              <p>{t('track.events.referenceNever')}</p>
            )}
            {contradictedDays !== null && contradictedDays > 0 && (
              <p>{t('track.events.contradicted', { count: contradictedDays })}</p>
            )}
            {reversedBy && (
              <ClaimLine label={t('track.events.reversed', { date: reversedBy.statedDate })} claim={reversedBy} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
