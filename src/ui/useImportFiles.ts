import { useCallback } from 'react';
import { fileHead, looksLikeClaimsFile } from '../claims/importKind';
import { preloadAreaViews } from './areaViews';
import { useApp } from './useApp';

/** Files of claims go to the claims importer, anything else to the area importers. */
export function useImportFiles(): (files: readonly File[]) => Promise<void> {
  const importClaimFiles = useApp((s) => s.importClaimFiles);
  const importAreaFiles = useApp((s) => s.importAreaFiles);
  return useCallback(
    async (files) => {
      const heads = await Promise.all(files.map(fileHead));
      const claimFiles = files.filter((_, i) => looksLikeClaimsFile(heads[i]));
      const areaFiles = files.filter((_, i) => !looksLikeClaimsFile(heads[i]));
      // The area views load while the worker imports, so they are there when it answers.
      if (areaFiles.length) preloadAreaViews();
      if (claimFiles.length) await importClaimFiles(claimFiles);
      if (areaFiles.length) await importAreaFiles(areaFiles);
    },
    [importClaimFiles, importAreaFiles],
  );
}
