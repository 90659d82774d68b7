import { useMemo } from 'react';
import type { Source } from '../claims/model';
import { useApp } from './useApp';

const KIND_LABEL: Record<Source['kind'], string> = {
  official: 'official',
  analyst: 'analyst',
  'osint-map': 'OSINT map',
  'news-agency': 'news agency',
  'military-blogger': 'military blogger',
};

export function SourcesPanel() {
  const sources = useApp((s) => s.dataset.sources);
  const claims = useApp((s) => s.dataset.claims);
  const enabled = useApp((s) => s.sources);
  const update = useApp((s) => s.update);
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
      <h2 id="sources-heading">Sources</h2>
      <div className="panel-actions">
        <button type="button" onClick={() => onChange(new Set(sources.map((s) => s.id)))}>
          All
        </button>
        <button type="button" onClick={() => onChange(new Set())}>
          None
        </button>
        {lowReliability.length > 0 && (
          <button
            type="button"
            onClick={() => onChange(new Set([...enabled].filter((id) => !lowReliability.includes(id))))}
            title="Switch off military bloggers and other sources marked low reliability"
          >
            Hide low reliability
          </button>
        )}
      </div>
      <ul className="source-list">
        {sources.map((source) => {
          const on = enabled.has(source.id);
          const inputId = `source-${source.id}`;
          return (
            <li key={source.id} className={on ? 'source on' : 'source off'} data-source-id={source.id}>
              <div className="source-row">
                <input id={inputId} type="checkbox" checked={on} onChange={() => toggle(source.id)} />
                <span className="swatch" style={{ background: source.color }} aria-hidden="true" />
                <label htmlFor={inputId} className="source-name">
                  {source.name}
                </label>
                <span className="source-count" title="Claims in the record">
                  {counts.get(source.id) ?? 0}
                </span>
                <button
                  type="button"
                  className="solo"
                  onClick={() => onChange(new Set([source.id]))}
                  aria-label={`Show only ${source.name}`}
                  title="Show only this source"
                >
                  solo
                </button>
              </div>
              <p className="source-description">
                <span className="source-kind">
                  {KIND_LABEL[source.kind]}, {source.alignment}
                  {source.reliability === 'low' ? ', low reliability' : ''}
                </span>{' '}
                {source.description}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
