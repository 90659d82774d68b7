import { useEffect, useRef, useState } from 'react';
import type { Source } from '../claims/model';
import {
  isTrackReference,
  TRACK_REFERENCES,
  type TrackRecord,
  type Voice,
  type VoiceRecord,
} from '../claims/trackRecord';
import { trackRecordToCsv } from '../claims/trackRecordCsv';
import { download } from './download';
import { formatNumber, useT } from './i18n';
import { DaysAxis, DaysStrip, daysScale } from './TrackRecordChart';
import { type Figure, TrackRecordEvents } from './TrackRecordEvents';
import { signedDays } from './trackRecordFormat';
import { useApp, useViews } from './useApp';
import './trackRecord.css';

/** A voice's name: the source's short name, or its map's, or its statements' when it also has a map. */
function voiceNamer(record: TrackRecord, sources: readonly Source[], t: ReturnType<typeof useT>) {
  const withMap = new Set(record.voices.filter((v) => v.voice.map).map((v) => v.voice.sourceId));
  const short = new Map(sources.map((s) => [s.id, s.shortName]));
  return (voice: Voice) => {
    const source = short.get(voice.sourceId) ?? voice.sourceId;
    if (voice.map) return t('track.mapOf', { source });
    return withMap.has(voice.sourceId) ? t('track.wordsOf', { source }) : source;
  };
}

/** The column that names a figure (the median and the range both open the changes with days). */
const FIGURE_COLUMN = {
  spoke: 'spoke',
  first: 'first',
  followed: 'followed',
  opposite: 'opposite',
  silent: 'silent',
  offsets: 'range',
  over7: 'over7',
  over30: 'over30',
  reversed: 'reversed',
} as const satisfies Record<Figure, string>;

/** The counts of one row, in the table's column order: each opens the changes behind it. */
const COUNT_FIGURES = ['spoke', 'first', 'followed', 'opposite', 'silent'] as const;
/** The table's two header rows: a column (span 1, both rows) or a group over the columns of the second row. */
const TOP_HEADERS = [
  { key: 'track.column.source', span: 1 },
  { key: 'track.column.spoke', span: 1 },
  { key: 'track.header.position', span: 4 },
  { key: 'track.header.days', span: 2 },
  { key: 'track.header.contradicted', span: 2 },
  { key: 'track.column.reversed', span: 1 },
] as const;
const SUB_HEADERS = [
  'track.column.first',
  'track.column.followed',
  'track.column.opposite',
  'track.column.silent',
  'track.header.median',
  'track.header.range',
  'track.header.over7',
  'track.header.over30',
] as const;

function eventsOf(row: VoiceRecord, figure: Figure) {
  switch (figure) {
    case 'spoke':
      return row.spoke;
    case 'offsets':
      return row.offsets;
    case 'over7':
      return row.contradicted[7];
    case 'over30':
      return row.contradicted[30];
    case 'reversed':
      return row.reversed;
    default:
      return row.byKind[figure];
  }
}

/**
 * The track record (header button, `track=…` in the link): a table with one row per source, every figure a
 * button that lists the changes behind it, a chart of each change's days against the reference, and a CSV.
 */
export default function TrackRecordView() {
  const record = useApp(useViews().trackRecord);
  const dataset = useApp((s) => s.dataset);
  const update = useApp((s) => s.update);
  const t = useT();
  const [chosen, setChosen] = useState<{ voiceId: string; figure: Figure } | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (chosen) listHeading.current?.focus();
  }, [chosen]);
  if (!record) return null;
  const voiceName = voiceNamer(record, dataset.sources, t);
  const referenceName = t(`track.referenceKind.${record.reference}`);
  const x = daysScale(record);
  const chosenRow = chosen && record.voices.find((v) => v.voice.id === chosen.voiceId);

  const figureButton = (row: VoiceRecord, figure: Figure, value: string, label: string) => (
    <button
      type="button"
      className="link-button"
      data-figure={figure}
      aria-label={t('track.figure', { figure: label, source: voiceName(row.voice), value })}
      aria-pressed={chosen?.voiceId === row.voice.id && chosen.figure === figure}
      onClick={() => setChosen({ voiceId: row.voice.id, figure })}
    >
      {value}
    </button>
  );

  return (
    <section className="track-record" aria-labelledby="track-record-heading" data-reference={record.reference}>
      <div className="track-record-head">
        <h2 id="track-record-heading">{t('track.heading')}</h2>
        <label>
          {t('track.reference')}{' '}
          <select
            name="track-reference"
            value={record.reference}
            onChange={(e) => {
              if (isTrackReference(e.target.value)) update({ track: e.target.value });
            }}
          >
            {TRACK_REFERENCES.map((r) => (
              <option key={r} value={r}>
                {t(`track.referenceKind.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            download(`track-record-${record.reference}.csv`, 'text/csv', trackRecordToCsv(record, dataset))
          }
        >
          {t('track.csv')}
        </button>
        <button type="button" onClick={() => update({ track: null })}>
          {t('common.close')}
        </button>
      </div>
      <p className="track-record-intro">
        {t('track.intro', { count: record.events.length, n: formatNumber(record.events.length) })}
      </p>
      <div className="track-record-body">
        <table className="track-record-table">
          <thead>
            <tr>
              {TOP_HEADERS.map(({ key, span }) =>
                span === 1 ? (
                  <th scope="col" rowSpan={2} key={key}>
                    {t(key)}
                  </th>
                ) : (
                  <th scope="colgroup" colSpan={span} key={key}>
                    {t(key)}
                  </th>
                ),
              )}
              <th scope="col" rowSpan={2} className="chart-cell">
                <DaysAxis x={x} label={t('track.chart.label', { reference: referenceName })} />
              </th>
            </tr>
            <tr>
              {SUB_HEADERS.map((key) => (
                <th scope="col" key={key}>
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {record.voices.map((row) => (
              <tr key={row.voice.id} data-voice={row.voice.id} className={row.isReference ? 'reference' : undefined}>
                <th scope="row">
                  {voiceName(row.voice)}
                  {row.isReference && <span className="track-reference-mark"> {t('track.isReference')}</span>}
                </th>
                {COUNT_FIGURES.map((f) => (
                  <td key={f} data-column={f}>
                    {figureButton(row, f, formatNumber(eventsOf(row, f).length), t(`track.column.${f}`))}
                  </td>
                ))}
                <td data-column="median">
                  {row.median !== null
                    ? figureButton(row, 'offsets', signedDays(row.median), t('track.column.median'))
                    : row.offsets.length > 0
                      ? figureButton(row, 'offsets', t('track.tooFew'), t('track.column.median'))
                      : t('track.noValue')}
                </td>
                <td data-column="range">
                  {row.range
                    ? figureButton(
                        row,
                        'offsets',
                        t('track.rangeValue', { min: signedDays(row.range[0]), max: signedDays(row.range[1]) }),
                        t('track.column.range'),
                      )
                    : t('track.noValue')}
                </td>
                <td data-column="over7">
                  {figureButton(row, 'over7', formatNumber(row.contradicted[7].length), t('track.column.over7'))}
                </td>
                <td data-column="over30">
                  {figureButton(row, 'over30', formatNumber(row.contradicted[30].length), t('track.column.over30'))}
                </td>
                <td data-column="reversed">
                  {figureButton(row, 'reversed', formatNumber(row.reversed.length), t('track.column.reversed'))}
                </td>
                <td className="chart-cell">
                  <DaysStrip x={x} row={row} name={voiceName(row.voice)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && chosenRow && (
        <TrackRecordEvents
          headingRef={listHeading}
          heading={t('track.events.heading', {
            source: voiceName(chosenRow.voice),
            figure: t(`track.column.${FIGURE_COLUMN[chosen.figure]}`),
          })}
          figure={chosen.figure}
          events={eventsOf(chosenRow, chosen.figure)}
          record={record}
          voiceName={voiceName}
          onClose={() => setChosen(null)}
        />
      )}
    </section>
  );
}
