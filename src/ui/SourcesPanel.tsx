import { useMemo } from 'react';
import type { Source } from '../claims/model';
import { formatNumber, useT } from './i18n';
import { useApp } from './useApp';

/** Sources grouped by the side they speak for, each group with a switch for all of it. */
const GROUPS: readonly Source['alignment'][] = ['ukrainian', 'russian', 'independent'];

/** One compact row per source: colour, short name, claim count, switch and solo; the rest on expand. */
export function SourcesPanel() {
  const sources = useApp((s) => s.dataset.sources);
  const claims = useApp((s) => s.dataset.claims);
  const enabled = useApp((s) => s.sources);
  const update = useApp((s) => s.update);
  const t = useT();
  const onChange = (next: ReadonlySet<string>) => update({ sources: next });
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const c of claims) map.set(c.sourceId, (map.get(c.sourceId) ?? 0) + 1);
    return map;
  }, [claims]);
  const toggle = (id: string) => {
    const next = new Set(enabled);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  const lowReliability = sources.filter((s) => s.reliability === 'low').map((s) => s.id);

  return (
    <section className="sources-panel" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('panel.sources')}</h2>
      <div className="panel-actions">
        <button type="button" onClick={() => onChange(new Set(sources.map((s) => s.id)))}>
          {t('sources.all')}
        </button>
        <button type="button" onClick={() => onChange(new Set())}>
          {t('sources.none')}
        </button>
        {lowReliability.length > 0 && (
          <button
            type="button"
            onClick={() => onChange(new Set([...enabled].filter((id) => !lowReliability.includes(id))))}
            title={t('sources.hideLowTitle')}
          >
            {t('sources.hideLow')}
          </button>
        )}
      </div>
      {GROUPS.map((alignment) => {
        const members = sources.filter((x) => x.alignment === alignment);
        if (members.length === 0) return null;
        const on = members.filter((x) => enabled.has(x.id)).length;
        const setGroup = (value: boolean) => {
          const next = new Set(enabled);
          for (const m of members) {
            if (value) next.add(m.id);
            else next.delete(m.id);
          }
          onChange(next);
        };
        return (
          <fieldset key={alignment} className="source-group" data-alignment={alignment}>
            <legend>
              <label>
                <input
                  type="checkbox"
                  name={`group-${alignment}`}
                  checked={on === members.length}
                  ref={(el) => {
                    if (el) el.indeterminate = on > 0 && on < members.length;
                  }}
                  onChange={(e) => setGroup(e.target.checked)}
                />{' '}
                {t(`sources.group.${alignment}`)}{' '}
                <span className="hint">
                  {t('sources.groupOn', { on: formatNumber(on), total: formatNumber(members.length) })}
                </span>
              </label>
            </legend>
            <ul className="source-list">
              {members.map((source) => {
                const isOn = enabled.has(source.id);
                const inputId = `source-${source.id}`;
                return (
                  <li key={source.id} className={isOn ? 'source on' : 'source off'} data-source-id={source.id}>
                    <div className="source-row">
                      <input id={inputId} type="checkbox" checked={isOn} onChange={() => toggle(source.id)} />
                      <span className="swatch" style={{ background: source.color }} aria-hidden="true" />
                      <label htmlFor={inputId} className="source-name" title={source.name}>
                        {source.shortName}
                        <span className="visually-hidden"> ({source.name})</span>
                      </label>
                      <span className="source-count" title={t('sources.countTitle')}>
                        {formatNumber(counts.get(source.id) ?? 0)}
                      </span>
                      <button
                        type="button"
                        className="solo"
                        onClick={() => onChange(new Set([source.id]))}
                        aria-label={t('sources.soloLabel', { name: source.name })}
                        title={t('sources.soloTitle')}
                      >
                        {t('sources.solo')}
                      </button>
                    </div>
                    <details className="source-description">
                      <summary
                        title={`${t(`sources.kind.${source.kind}`)}${source.reliability === 'low' ? t('sources.lowReliability') : ''}`}
                      >
                        <span className="visually-hidden">{t('sources.about', { name: source.shortName })}</span>
                        {t(`sources.kind.${source.kind}`)}
                        {source.reliability === 'low' ? t('sources.lowReliability') : ''}
                      </summary>
                      {source.description}
                      {source.reliabilityNote && <p className="hint">{source.reliabilityNote}</p>}
                    </details>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </section>
  );
}
