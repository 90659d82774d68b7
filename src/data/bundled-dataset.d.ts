/** The data files, parsed and checked at build time by scripts/lib/datasetPlugin.ts (vite.config.ts). */
declare module 'virtual:bundled-dataset' {
  const dataset: import('../claims/errors').Result<import('../claims/model').Dataset>;
  export default dataset;
}
