import { type DataError, formatDataError } from '../claims/errors';

/** Shown instead of the map when the shipped data does not validate. */
export function DataErrors({ errors }: { errors: readonly DataError[] }) {
  return (
    <main className="data-errors" role="alert">
      <h1>The claims data could not be loaded</h1>
      <p>
        Fix these entries (run <code>npm run data:check</code> for the same list):
      </p>
      <ul>
        {errors.map((e) => (
          <li key={formatDataError(e)}>{formatDataError(e)}</li>
        ))}
      </ul>
    </main>
  );
}
