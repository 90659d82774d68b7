import { useState } from 'react';
import { useT } from './i18n';
import { useMapRegistry } from './maps';
import type { PictureSide } from './picture';
import { useApp } from './useApp';
import { usePictureText } from './usePictureText';

/** Save the map (both sides in compare mode) as a PNG with the date, sources and attribution burned in. */
export function PicturePanel() {
  const sources = useApp((s) => s.dataset.sources);
  const date = useApp((s) => s.date);
  const enabled = useApp((s) => s.sources);
  const compare = useApp((s) => s.compare);
  const date2 = useApp((s) => s.date2);
  const sources2 = useApp((s) => s.sources2);
  const { maps } = useMapRegistry();
  const t = useT();
  const { text, keyLabel } = usePictureText();
  const sides = [
    { controller: maps[1], date, sources: enabled },
    ...(compare ? [{ controller: maps[2], date: date2, sources: sources2 }] : []),
  ];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = sides.every((s) => s.controller);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      // Composing the picture is loaded when it is asked for, not with the page.
      const { agreementKey, composePicture, downloadCanvas } = await import('./picture');
      const captured: PictureSide[] = [];
      for (const side of sides) {
        if (!side.controller) continue;
        captured.push({
          canvas: await side.controller.capture(),
          date: side.date,
          sources: sources.filter((s) => side.sources.has(s.id)).map((s) => s.shortName),
        });
      }
      const attribution = sides[0]?.controller?.attribution() || t('picture.builtin');
      const picture = composePicture(captured, text, attribution, agreementKey(keyLabel));
      const dates = sides.map((s) => s.date).join('_vs_');
      await downloadCanvas(picture, `frontline-claims_${dates}.png`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="picture-panel" aria-labelledby="picture-heading">
      <h2 id="picture-heading">{t('panel.picture')}</h2>
      <button type="button" onClick={save} disabled={!ready || busy}>
        {busy ? t('picture.saving') : t('picture.save')}
      </button>
      {error && <p className="basemap-notice">{t('picture.failed', { error })}</p>}
    </section>
  );
}
