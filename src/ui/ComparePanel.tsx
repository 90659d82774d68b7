import type { IsoDate, Source } from '../claims/model';
import './features.css';

interface Props {
  sources: readonly Source[];
  compare: boolean;
  date2: IsoDate;
  sources2: ReadonlySet<string>;
  firstDate: IsoDate;
  lastDate: IsoDate;
  onToggle: (on: boolean) => void;
  onDate2: (date: IsoDate) => void;
  onSources2: (sources: ReadonlySet<string>) => void;
}

/** Compare mode: a second map on the right, with its own date and sources; pan and zoom are shared. */
export function ComparePanel({
  sources,
  compare,
  date2,
  sources2,
  firstDate,
  lastDate,
  onToggle,
  onDate2,
  onSources2,
}: Props) {
  const toggleSource = (id: string, on: boolean) => {
    const next = new Set(sources2);
    if (on) next.add(id);
    else next.delete(id);
    onSources2(next);
  };
  return (
    <section className="compare-panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare</h2>
      <button type="button" className="compare-toggle" aria-pressed={compare} onClick={() => onToggle(!compare)}>
        {compare ? 'Leave compare mode' : 'Compare side by side'}
      </button>
      {compare && (
        <div className="compare-controls">
          <label>
            Right map's date{' '}
            <input
              type="date"
              name="date2"
              min={firstDate}
              max={lastDate}
              value={date2}
              onChange={(e) => {
                const v = e.target.value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(v) && v >= firstDate && v <= lastDate) onDate2(v);
              }}
            />
          </label>
          <fieldset>
            <legend>Right map's sources</legend>
            {sources.map((s) => (
              <label key={s.id}>
                <input
                  type="checkbox"
                  id={`source2-${s.id}`}
                  checked={sources2.has(s.id)}
                  onChange={(e) => toggleSource(s.id, e.target.checked)}
                />{' '}
                {s.shortName}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </section>
  );
}
