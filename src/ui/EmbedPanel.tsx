import { useId, useState } from 'react';
import { EMBED_SIZES, embedSearch, iframeSnippet } from '../state/embed';
import { useT } from './i18n';
import { useApp } from './useApp';
import './embed.css';

/**
 * The `<iframe>` snippet for what the user sees (date, sources, place, view, language) in the embedded
 * layout (`embed=1`), at a chosen size, to paste into an article.
 */
export function EmbedPanel() {
  const search = useApp((s) => embedSearch(s, s.ctx));
  const t = useT();
  const [sizeIndex, setSizeIndex] = useState(0);
  const [copied, setCopied] = useState(false);
  const snippetId = useId();
  const size = EMBED_SIZES[sizeIndex] ?? EMBED_SIZES[0];
  const url = new URL(search, document.baseURI).href;
  const snippet = iframeSnippet(url, size, t('embed.frameTitle'));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // No clipboard (a page that is not https, or permission refused): select the text to copy by hand.
      const area = document.getElementById(snippetId);
      if (area instanceof HTMLTextAreaElement) area.select();
    }
  };
  return (
    <section className="embed-panel" aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t('panel.embed')}</h2>
      <p className="hint">{t('embed.intro')}</p>
      <label>
        {t('embed.size')}{' '}
        <select
          name="embed-size"
          value={sizeIndex}
          onChange={(e) => {
            setSizeIndex(Number(e.target.value));
            setCopied(false);
          }}
        >
          {EMBED_SIZES.map((s, i) => (
            <option key={`${s.width}x${s.height}`} value={i}>
              {t('embed.pixels', { width: s.width, height: s.height })}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={snippetId}>{t('embed.snippet')}</label>
      <textarea id={snippetId} name="embed-snippet" className="embed-snippet" readOnly rows={5} value={snippet} />
      <div className="panel-actions">
        <button type="button" onClick={() => void copy()}>
          {t('embed.copy')}
        </button>
        <span role="status">{copied ? t('embed.copied') : ''}</span>
      </div>
      <p className="hint">{t('embed.host')}</p>
    </section>
  );
}
