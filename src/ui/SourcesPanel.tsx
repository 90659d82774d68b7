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

/** Sources grouped by the side they speak for, each group with a switch for all of it. */
const GROUPS: readonly { alignment: Source['alignment']; label: string }[] = [
  { alignment: 'ukrainian', label: 'Ukrainian side' },
  { alignment: 'russian', label: 'Russian side' },
  { alignment: 'independent', label: 'Independent' },
];

/** One compact row per source: colour, short name, claim count, switch and solo; the rest on expand. */
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
      {GROUPS.map(({ alignment, label }) => {
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
                {label}{' '}
                <span className="hint">
                  ({on} of {members.length} on)
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
                    <details className="source-description">
                      <summary>
                        <span className="visually-hidden">About {source.shortName}: </span>
                        {KIND_LABEL[source.kind]}
                        {source.reliability === 'low' ? ', low reliability' : ''}
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
