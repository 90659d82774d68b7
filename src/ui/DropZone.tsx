import { useEffect, useState } from 'react';
import { useT } from './i18n';
import { useApp } from './useApp';
import { useImportFiles } from './useImportFiles';

/** Files dropped anywhere on the page are imported, and the Data tab opens with the import's report; an overlay says so while dragging. */
export function DropZone() {
  const onFiles = useImportFiles();
  const update = useApp((s) => s.update);
  const [dragging, setDragging] = useState(false);
  const t = useT();
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      update({ tab: 'data' });
      onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles, update]);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      {t('drop.overlay')}
    </div>
  );
}
