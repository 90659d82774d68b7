import {
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Claim } from '../claims/model';
import { STATUSES } from '../map/palette';
import { currentLang, currentLocale, formatNumber, placeName as nameOfPlace, useT } from './i18n';
import { SafeLink } from './SafeLink';
import { useApp } from './useApp';

/**
 * TanStack Table keeps the columns, the headers and the sort state, and renders the cells; the sorting and
 * filtering of the 100,000 claims are done here (`manualSorting`), on precomputed keys, and the table is
 * given only the rows on screen. Its own row models re-ran an alphanumeric sort and a per-column filter
 * over every claim on each keystroke: 0.6–0.9 s long tasks at 100k claims (docs/PERFORMANCE.md).
 */
const features = tableFeatures({ rowSortingFeature });

const ROW_HEIGHT = 30;
const helper = createColumnHelper<typeof features, Claim>();

/** A row's words for the text filter: what a reader would search for. */
const searchText = (c: Claim, placeName: (id: string) => string, sourceName: (id: string) => string) =>
  `${c.summary} ${c.claimant} ${c.evidence.outlet} ${sourceName(c.sourceId)} ${c.placeIds.map(placeName).join(' ')}`.toLowerCase();

/** The column filters (the selects): does a claim pass the chosen value? */
const FILTERS: Record<string, (c: Claim, value: string) => boolean> = {
  sourceId: (c, v) => c.sourceId === v,
  place: (c, v) => c.placeIds.includes(v),
  status: (c, v) => c.status === v,
};

/**
 * The order the old `alphanumeric` sort gave: case-insensitive, numbers by value ("Place 2" before "Place 10"),
 * in the interface language's alphabet (Cyrillic names sort as Ukrainian or Russian readers expect).
 */
const collatorFor = (locale: string) => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });

/**
 * Each claim's rank in a column's order (equal values share a rank), indexed like `data`: the distinct
 * values are few (dates, places, sources, statuses), so sorting them and comparing integers is cheap.
 */
function ranksOf(data: readonly Claim[], value: (c: Claim) => string, collator: Intl.Collator): Int32Array {
  const values = data.map(value);
  const distinct = [...new Set(values)].sort(collator.compare);
  const rank = new Map(distinct.map((v, i) => [v, i]));
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = rank.get(values[i]) ?? 0;
  return out;
}

/** `label`, computed once per distinct key. */
function perValue<K extends string>(label: (key: K) => string): (key: K) => string {
  const labels = new Map<K, string>();
  return (key) => {
    let text = labels.get(key);
    if (text === undefined) {
      text = label(key);
      labels.set(key, text);
    }
    return text;
  };
}

/** Indexes `0..n-1` ordered by `ranks` (descending when `desc`), ties in index order: a counting sort, O(n). */
function orderBy(ranks: Int32Array, desc: boolean): Int32Array {
  let top = 0;
  for (const r of ranks) if (r > top) top = r;
  const starts = new Int32Array(top + 2);
  const key = (r: number) => (desc ? top - r : r);
  for (const r of ranks) starts[key(r) + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const out = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i++) out[starts[key(ranks[i])]++] = i;
  return out;
}

/** Claims per slice when the search text is built ahead of the first keystroke (one slice per task). */
const TEXT_SLICE = 5000;

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
  const t = useT();
  const lang = currentLang();
  const locale = currentLocale();
  // Place names, statuses and natures read (and sort) in the interface language; summaries stay as written.
  const placeName = useMemo(() => {
    const names = new Map(dataset.places.map((p) => [p.id, nameOfPlace(p, lang)]));
    return (id: string) => names.get(id) ?? id;
  }, [dataset, lang]);
  const sourceName = useMemo(() => {
    const names = new Map(dataset.sources.map((s) => [s.id, s.shortName]));
    return (id: string) => names.get(id) ?? id;
  }, [dataset]);
  const data = useMemo(() => dataset.claims.filter((c) => enabled.has(c.sourceId)), [dataset, enabled]);
  /** What each sortable column sorts by (its accessor's value). */
  const sortValue = useMemo<Record<string, (c: Claim) => string>>(() => {
    // A translation per distinct value, not per claim: `t` 100,000 times made sorting by status a long task.
    const status = perValue((k: Claim['status']) => t(`status.${k}`));
    const nature = perValue((k: Claim['nature']) => t(`claim.nature.${k}`));
    const provenance = perValue((k: Claim['evidence']['provenance']) => t(`table.provenanceKind.${k}`));
    return {
      statedDate: (c) => c.statedDate,
      sourceId: (c) => c.sourceId,
      place: (c) => c.placeIds.map(placeName).join(', '),
      status: (c) => status(c.status),
      nature: (c) => nature(c.nature),
      provenance: (c) => provenance(c.evidence.provenance),
      outlet: (c) => c.evidence.outlet,
    };
  }, [placeName, t]);
  // Built on first use, once per data: opening the table pays for the date order only.
  const keys = useMemo(() => {
    const ranks = new Map<string, Int32Array>();
    const text: string[] = [];
    const more = (until: number) => {
      for (let i = text.length; i < until; i++) text.push(searchText(data[i], placeName, sourceName));
    };
    return {
      ranks(id: string): Int32Array {
        let r = ranks.get(id);
        if (!r) {
          r = ranksOf(data, sortValue[id] ?? (() => ''), collatorFor(locale));
          ranks.set(id, r);
        }
        return r;
      },
      /** Every claim's search text (what is not built yet, built now). */
      text(): string[] {
        more(data.length);
        return text;
      },
      /** Builds the next slice of the search text; false once it is all built. */
      textSlice(): boolean {
        more(Math.min(data.length, text.length + TEXT_SLICE));
        return text.length < data.length;
      },
    };
  }, [data, sortValue, placeName, sourceName, locale]);
  // The search text in slices, one task each, after the table opens: the first keystroke need not build it.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      if (keys.textSlice()) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [keys]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('statedDate', { header: t('table.date') }),
        helper.accessor('sourceId', { header: t('table.source'), cell: (info) => sourceName(info.getValue()) }),
        helper.accessor(sortValue.place, { id: 'place', header: t('table.place') }),
        helper.accessor(sortValue.status, { id: 'status', header: t('table.status') }),
        helper.accessor(sortValue.nature, { id: 'nature', header: t('table.nature') }),
        helper.accessor(sortValue.provenance, { id: 'provenance', header: t('table.provenance') }),
        helper.accessor(sortValue.outlet, { id: 'outlet', header: t('table.outlet') }),
        helper.accessor((c) => c.evidence.url, {
          id: 'citation',
          header: t('table.citation'),
          enableSorting: false,
          cell: (info) => <SafeLink href={info.getValue()}>{t('table.link')}</SafeLink>,
        }),
      ]),
    [sortValue, sourceName, t],
  );
  const [sorting, setSorting] = useState<SortingState>([{ id: 'statedDate', desc: false }]);
  const [columnFilters, setColumnFilters] = useState<{ id: string; value: string }[]>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  /** Indexes into `data`, in the sort order; ties keep the data's order. */
  const order = useMemo(() => {
    const by = sorting.map((s) => ({ ranks: keys.ranks(s.id), sign: s.desc ? -1 : 1 }));
    if (by.length === 0) return Int32Array.from({ length: data.length }, (_, i) => i);
    if (by.length === 1) return orderBy(by[0].ranks, by[0].sign < 0);
    return Int32Array.from({ length: data.length }, (_, i) => i).sort((a, b) => {
      for (const k of by) {
        const d = k.ranks[a] - k.ranks[b];
        if (d) return k.sign * d;
      }
      return a - b;
    });
  }, [keys, data, sorting]);
  /** The claims that pass the filters, in the sort order. */
  const rows = useMemo(() => {
    const query = globalFilter.toLowerCase();
    const text = query ? keys.text() : [];
    const tests = columnFilters.flatMap((f) => (FILTERS[f.id] ? [[FILTERS[f.id], f.value] as const] : []));
    if (!query && tests.length === 0) return Array.from(order, (i) => data[i]);
    const out: Claim[] = [];
    for (const i of order) {
      const c = data[i];
      if (query && !text[i].includes(query)) continue;
      if (tests.every(([test, value]) => test(c, value))) out.push(c);
    }
    return out;
  }, [keys, data, order, globalFilter, columnFilters]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  // Items are contiguous, so a stale one (past the end of a list a filter just shrank) can only be last.
  const visible = useMemo(() => items.flatMap((item) => rows[item.index] ?? []), [items, rows]);
  const table = useTable({
    features,
    columns,
    data: visible,
    getRowId: (c) => c.id,
    manualSorting: true,
    state: { sorting },
    onSortingChange: setSorting,
  });
  const tableRows = table.getRowModel().rows;
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const filterValue = (id: string) => columnFilters.find((f) => f.id === id)?.value ?? '';
  const setFilter = (id: string, value: string) =>
    setColumnFilters((current) => [...current.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])]);
  const open = (claim: Claim) => update({ date: claim.statedDate, selectedPlace: claim.placeIds[0] ?? null });
  const select = (id: string, label: string, options: readonly { value: string; label: string }[]) => (
    <label>
      {label}{' '}
      <select name={`claims-${id}`} value={filterValue(id)} onChange={(e) => setFilter(id, e.target.value)}>
        <option value="">{t('table.all')}</option>
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
      <h2 id="claims-table-heading">{t('table.heading')}</h2>
      <div className="claims-filters">
        <label>
          {t('table.text')}{' '}
          <input
            type="search"
            name="claims-text"
            value={globalFilter}
            placeholder={t('table.placeholder')}
            onChange={(e) => setGlobalFilter(e.target.value)}
          />
        </label>
        {select(
          'sourceId',
          t('table.source'),
          dataset.sources.filter((s) => enabled.has(s.id)).map((s) => ({ value: s.id, label: s.shortName })),
        )}
        {select(
          'place',
          t('table.place'),
          dataset.places.map((p) => ({ value: p.id, label: nameOfPlace(p) })),
        )}
        {select(
          'status',
          t('table.status'),
          STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
        )}
        <span className="hint" role="status" aria-live="polite">
          {t('table.count', { shown: formatNumber(rows.length), total: formatNumber(data.length) })}
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
            {items.map((item, n) => {
              const row = tableRows[n];
              if (!row) return null;
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
                          aria-label={t('table.show', { date: claim.statedDate })}
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
        {rows.length === 0 && <p className="hint">{t('table.none')}</p>}
      </div>
    </section>
  );
}
