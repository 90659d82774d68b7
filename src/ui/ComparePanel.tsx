import type { IsoDate } from '../claims/model';
import { useT } from './i18n';
import { useApp } from './useApp';
import './features.css';

/** Compare mode: a second map on the right, with its own date and sources; pan and zoom are shared. */
export function ComparePanel() {
  const sources = useApp((s) => s.dataset.sources);
  const compare = useApp((s) => s.compare);
  const date2 = useApp((s) => s.date2);
  const sources2 = useApp((s) => s.sources2);
  const { firstDate, lastDate } = useApp((s) => s.ctx);
  const setCompare = useApp((s) => s.setCompare);
  const update = useApp((s) => s.update);
  const onToggle = setCompare;
  const t = useT();
  const onDate2 = (next: IsoDate) => update({ date2: next });
  const onSources2 = (next: ReadonlySet<string>) => update({ sources2: next });
  const toggleSource = (id: string, on: boolean) => {
    const next = new Set(sources2);
    if (on) next.add(id);
    else next.delete(id);
    onSources2(next);
  };
  return (
    <section className="compare-panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t('panel.compare')}</h2>
      <button type="button" className="compare-toggle" aria-pressed={compare} onClick={() => onToggle(!compare)}>
        {compare ? t('compare.leave') : t('compare.enter')}
      </button>
      {compare && (
        <div className="compare-controls">
          <label>
            {t('compare.date2')}{' '}
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
            <legend>{t('compare.sources2')}</legend>
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
