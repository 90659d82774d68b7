import { useCallback, useEffect, useRef, useState } from 'react';
import type { AreaImportRequest, AreaImportResponse, LoadedArea } from '../areas/importWorker';
import { checkImportSize } from '../claims/importBatch';
import type { FileOutcome } from './useImports';

export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Area snapshots imported this session. Files go to a worker one at a time;
 * each is applied whole or not at all, and the progress counts files.
 */
export function useAreaImports(sourceIds: readonly string[]) {
  const [areas, setAreas] = useState<LoadedArea[]>([]);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const run = useCallback((request: Omit<AreaImportRequest, 'id'>) => {
    worker.current ??= new Worker(new URL('../areas/importWorker.ts', import.meta.url), { type: 'module' });
    const current = worker.current;
    const id = nextId.current++;
    return new Promise<AreaImportResponse>((resolve) => {
      const onMessage = (event: MessageEvent<AreaImportResponse>) => {
        if (event.data.id !== id) return;
        current.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      current.addEventListener('message', onMessage);
      current.postMessage({ ...request, id } satisfies AreaImportRequest);
    });
  }, []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      const results: FileOutcome[] = [];
      setProgress({ done: 0, total: files.length });
      for (const [i, file] of files.entries()) {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) results.push({ fileName: file.name, ok: false, count: 0, unit: 'area polygon', errors: [tooBig] });
        else {
          const { result } = await run({
            fileName: file.name,
            text: await file.text(),
            baseUrl: document.baseURI,
            sourceIds: [...sourceIds],
          });
          if (result.ok) {
            const loaded = result.value;
            setAreas((current) => [...current, loaded]);
            results.push({
              fileName: file.name,
              ok: true,
              count: loaded.snapshot.claims.length,
              unit: 'area polygon',
              errors: [],
            });
          } else
            results.push({ fileName: file.name, ok: false, count: 0, unit: 'area polygon', errors: result.errors });
        }
        setProgress({ done: i + 1, total: files.length });
      }
      setOutcomes(results);
      setProgress(null);
    },
    [run, sourceIds],
  );

  const removeArea = useCallback((snapshot: LoadedArea['snapshot']) => {
    setAreas((current) => current.filter((a) => a.snapshot !== snapshot));
  }, []);

  return { areas, outcomes, progress, importFiles, removeArea };
}
