/**
 * A Vite plugin serving a virtual module whose value is checked at build time: `load()` returns a `Result`,
 * emitted as JSON (engines parse JSON text faster than the same object literal). An error fails
 * `vite build`, each line naming file, feature and field; the dev server logs it and serves the result
 * anyway (the page shows the errors); a change to a watched file reloads the module.
 */
import type { Plugin } from 'vite';
import { type DataError, formatDataError, type Result } from '../../src/claims/errors.ts';

export interface CheckedModuleOptions<T> {
  /** The id code imports, e.g. `virtual:bundled-dataset`. */
  id: string;
  name: string;
  /** What the first line of the error says does not pass, e.g. "the data files". */
  what: string;
  watch: () => readonly string[];
  load: () => Result<T>;
  /** What the module exports: the whole result by default. */
  emit?: (result: Result<T>) => unknown;
}

function checkedErrorMessage(what: string, errors: readonly DataError[]): string {
  return [
    `${what} do not pass their checks (${errors.length} error${errors.length === 1 ? '' : 's'}; npm run data:check lists the same):`,
    ...errors.map((e) => `  ${formatDataError(e)}`),
  ].join('\n');
}

export function checkedModule<T>({ id, name, what, watch, load, emit = (r) => r }: CheckedModuleOptions<T>): Plugin {
  const resolved = `\0${id}`;
  let command: 'build' | 'serve' = 'build';
  return {
    name,
    configResolved(config) {
      command = config.command;
    },
    resolveId(source) {
      return source === id ? resolved : undefined;
    },
    load(source) {
      if (source !== resolved) return undefined;
      for (const file of watch()) this.addWatchFile(file);
      const result = load();
      if (!result.ok) {
        const message = checkedErrorMessage(what, result.errors);
        if (command === 'build') this.error(message);
        this.warn(message);
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(emit(result)))});\n`;
    },
  };
}
