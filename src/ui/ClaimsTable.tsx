import {
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { Claim } from '../claims/model';
import { STATUS_STYLE } from '../map/palette';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
});

const ROW_HEIGHT = 30;
const helper = createColumnHelper<typeof features, Claim>();

/** A row's words for the text filter: what a reader would search for. */
const searchText = (c: Claim, placeName: (id: string) => string, sourceName: (id: string) => string) =>
  `${c.summary} ${c.claimant} ${c.evidence.outlet} ${sourceName(c.sourceId)} ${c.placeIds.map(placeName).join(' ')}`.toLowerCase();

/**
 * Every claim of the enabled sources, as a table that sorts by any column, filters by text, source, place
 * and status, and jumps the map and the slider to a row. Virtualised: only the rows on screen are in the
 * DOM, so it stays smooth with 100,000 claims. It is also the map's text equivalent, and the main view when
 * the map cannot start.
 */
export function ClaimsTable() {
  const dataset = useApp((s) => s.dataset);
  const enabled = useApp((s) => s.sources);
  const date = useApp((s) => s.date);
  const update = useApp((s) => s.update);
  const placeName = useMemo(() => {
    const names = new Map(dataset.places.map((p) => [p.id, p.names.en]));
    return (id: string) => names.get(id) ?? id;
  }, [dataset]);
  const sourceName = useMemo(() => {
    const names = new Map(dataset.sources.map((s) => [s.id, s.shortName]));
    return (id: string) => names.get(id) ?? id;
  }, [dataset]);
  const data = useMemo(() => dataset.claims.filter((c) => enabled.has(c.sourceId)), [dataset, enabled]);
  const text = useMemo(
    () => new Map(data.map((c) => [c, searchText(c, placeName, sourceName)])),
    [data, placeName, sourceName],
  );
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('statedDate', { header: 'Date', sortFn: 'alphanumeric' }),
        helper.accessor('sourceId', {
          header: 'Source',
          cell: (info) => sourceName(info.getValue()),
          filterFn: (row, _id, value: string) => row.original.sourceId === value,
          sortFn: 'alphanumeric',
        }),
        helper.accessor((c) => c.placeIds.map(placeName).join(', '), {
          id: 'place',
          header: 'Place',
          filterFn: (row, _id, value: string) => row.original.placeIds.includes(value),
          sortFn: 'alphanumeric',
        }),
        helper.accessor('status', {
          header: 'Status',
          cell: (info) => STATUS_STYLE[info.getValue()].label,
          filterFn: (row, _id, value: string) => row.original.status === value,
          sortFn: 'alphanumeric',
        }),
        helper.accessor('nature', { header: 'Nature', sortFn: 'alphanumeric' }),
        helper.accessor((c) => c.evidence.provenance, {
          id: 'provenance',
          header: 'Provenance',
          sortFn: 'alphanumeric',
        }),
        helper.accessor((c) => c.evidence.outlet, { id: 'outlet', header: 'Outlet', sortFn: 'alphanumeric' }),
        helper.accessor((c) => c.evidence.url, {
          id: 'citation',
          header: 'Citation',
          enableSorting: false,
          cell: (info) => <SafeLink href={info.getValue()}>link</SafeLink>,
        }),
      ]),
    [placeName, sourceName],
  );
  const [sorting, setSorting] = useState<SortingState>([{ id: 'statedDate', desc: false }]);
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const table = useTable({
    features,
    columns,
    data,
    state: { sorting, columnFilters, globalFilter },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGlobalFilterChange: setGlobalFilter,
    globalFilterFn: (row, _id, value: string) => (text.get(row.original) ?? '').includes(value.toLowerCase()),
  });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const filterValue = (id: string) => (columnFilters.find((f) => f.id === id)?.value as string | undefined) ?? '';
  const setFilter = (id: string, value: string) =>
    setColumnFilters((current) => [...current.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);
  const open = (claim: Claim) => update({ date: claim.statedDate, selectedPlace: claim.placeIds[0] ?? null });
  const select = (id: string, label: string, options: readonly { value: string; label: string }[]) => (
    <label>
      {label}{' '}
      <select name={`claims-${id}`} value={filterValue(id)} onChange={(e) => setFilter(id, e.target.value)}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="claims-table" aria-labelledby="claims-table-heading">
      <h2 id="claims-table-heading">Claims</h2>
      <div className="claims-filters">
        <label>
          Text{' '}
          <input
            type="search"
            name="claims-text"
            value={globalFilter}
            placeholder="words in a summary, outlet, place…"
            onChange={(e) => setGlobalFilter(e.target.value)}
          />
        </label>
        {select(
          'sourceId',
          'Source',
          dataset.sources.filter((s) => enabled.has(s.id)).map((s) => ({ value: s.id, label: s.shortName })),
        )}
        {select(
          'place',
          'Place',
          dataset.places.map((p) => ({ value: p.id, label: p.names.en })),
        )}
        {select(
          'status',
          'Status',
          Object.entries(STATUS_STYLE).map(([value, s]) => ({ value, label: s.label })),
        )}
        <span className="hint" role="status" aria-live="polite">
          {rows.length} of {data.length} claims
        </span>
      </div>
      <div className="claims-scroll" ref={scroller}>
        <table aria-rowcount={rows.length + 1}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                    >
                      {canSort ? (
                        <button type="button" className="link-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr className="spacer">
                <td style={{ height: padTop }} colSpan={columns.length} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              const claim = row.original;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  className={claim.statedDate > date ? 'future' : undefined}
                  data-claim-id={claim.id}
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getAllCells().map((cell, i) => (
                    <td key={cell.id}>
                      {i === 0 ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => open(claim)}
                          aria-label={`Show ${claim.statedDate} on the map`}
                        >
                          {claim.statedDate}
                        </button>
                      ) : (
                        <table.FlexRender cell={cell} />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr className="spacer">
                <td style={{ height: padBottom }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && <p className="hint">No claim matches these filters.</p>}
      </div>
    </section>
  );
}
