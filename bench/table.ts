/**
 * The claims table on the real-app page (bench/react.tsx with `?table=1`): each interaction a reader makes
 * (open, sort, type a filter, choose a filter, scroll), timed in the page from the change to the next frame,
 * and to the frame after the table's DOM last changed, with the longest `longtask` that overlaps it.
 */
import type { TableTiming } from './benchApi';
import { lastLongTaskEnd, longTasksIn } from './longTasks';

/** Resolves after the next frame has been produced: a task queued from requestAnimationFrame runs after paint. */
const nextFrame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Before each timed change: wait until no long task has ended for `QUIET_TASKS_MS`, so a change is not
 * charged for the map's frames left over from the one before (opening the table resizes the map, and
 * MapLibre redraws for seconds on software WebGL). Gives up waiting after 60 s.
 */
const QUIET_TASKS_MS = 1000;
async function mainThreadQuiet(): Promise<void> {
  const t0 = performance.now();
  for (;;) {
    await sleep(200);
    const now = performance.now();
    const lastEnd = lastLongTaskEnd();
    if (now - lastEnd >= QUIET_TASKS_MS || now - t0 > 60_000) return;
  }
}

/** Quiet this long (no DOM change in the table, no long task running) and the interaction is over. */
const QUIET_MS = 400;
const TIMEOUT_MS = 60_000;

/** React tracks a field's value through its own setter: set it with the native one, as the browser does. */
function setNativeValue(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) throw new Error('no native value setter');
  setter.call(element, value);
}

function must<T extends Element>(selector: string, root: ParentNode = document): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`bench table: no ${selector}`);
  return element;
}

/** The table's rows (its `aria-rowcount` counts the header row too). */
const rowCount = () => Number(document.querySelector('.claims-table table')?.getAttribute('aria-rowcount') ?? 0) - 1;

/**
 * Time one change: `act` runs synchronously at t0 (a click, an input event). `nextFrameMs` is t0 → the
 * first frame after it; `settledMs` t0 → the first frame after the table's last DOM change (it differs
 * when work is deferred or a scroll re-renders later); `longestTaskMs` the longest long task overlapping
 * [t0, settled] (0: none over 50 ms).
 */
async function time(name: string, act: () => void): Promise<TableTiming> {
  await mainThreadQuiet();
  let lastMutation = 0;
  const observer = new MutationObserver(() => {
    lastMutation = performance.now();
  });
  // The table section comes and goes (open): watch the whole table side and the header's toggle.
  observer.observe(document.querySelector('main.map-area') ?? document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
  });
  const t0 = performance.now();
  act();
  const first = await nextFrame();
  const frames: number[] = [first];
  for (;;) {
    const now = await nextFrame();
    frames.push(now);
    if (now - Math.max(lastMutation, first) >= QUIET_MS) break;
    if (now - t0 > TIMEOUT_MS) throw new Error(`bench table: ${name} did not settle within ${TIMEOUT_MS} ms`);
  }
  observer.disconnect();
  const settled = frames.find((f) => f > lastMutation) ?? first;
  const during = longTasksIn(t0, settled);
  const own = during.find((l) => l.start <= t0);
  return {
    name,
    nextFrameMs: first - t0,
    settledMs: settled - t0,
    longestTaskMs: Math.max(0, ...during.map((l) => l.duration)),
    changeTaskMs: own?.duration ?? 0,
    longTasks: during.length,
    rows: rowCount(),
  };
}

/** As a reader types: one `input` event per character, this far apart (≈ 6 characters a second). */
const KEY_INTERVAL_MS = 160;
const TYPED = 'place 7';

/**
 * `rounds` times the whole sequence, in order. Each round starts by closing the table, which unmounts it,
 * so every round's open, first sort of a column and first keystroke are cold, like the first.
 */
export async function runTableBench(rounds = 1): Promise<TableTiming[][]> {
  const out: TableTiming[][] = [];
  for (let i = 0; i < rounds; i++) out.push(await oneRound());
  return out;
}

async function oneRound(): Promise<TableTiming[]> {
  const out: TableTiming[] = [];
  // The header's "Claims table" button (the only header toggle with `aria-pressed`; "About the data" has none).
  const toggle = must<HTMLButtonElement>('button.header-toggle[aria-pressed]');
  if (!toggle.textContent?.includes('Claims table'))
    throw new Error(`bench table: the toggle is "${toggle.textContent}"`);
  // The page opened with `table=1`: close it (untimed), then open it as a reader does, with the header button.
  if (toggle.getAttribute('aria-pressed') === 'true') {
    toggle.click();
    await nextFrame();
    await sleep(QUIET_MS);
  }
  out.push(await time('open the table (header button)', () => toggle.click()));
  await sleep(QUIET_MS);
  const section = must<HTMLElement>('section.claims-table');
  const sortButton = (label: string) => {
    const button = [...section.querySelectorAll<HTMLButtonElement>('thead th button')].find((b) =>
      b.textContent?.startsWith(label),
    );
    if (!button) throw new Error(`bench table: no sort button for ${label}`);
    return button;
  };
  for (const column of ['Source', 'Place', 'Status'])
    out.push(await time(`sort by ${column}`, () => sortButton(column).click()));
  // Back to the date order, untimed, so the filters run on the app's default sort.
  sortButton('Date').click();
  await nextFrame();
  await sleep(QUIET_MS);

  const text = must<HTMLInputElement>('input[name="claims-text"]', section);
  text.focus();
  for (let i = 1; i <= TYPED.length; i++) {
    const value = TYPED.slice(0, i);
    out.push(
      await time(`text filter: type "${value}"`, () => {
        setNativeValue(text, value);
        text.dispatchEvent(new InputEvent('input', { bubbles: true, data: value.at(-1), inputType: 'insertText' }));
      }),
    );
    await sleep(KEY_INTERVAL_MS);
  }
  // Clear it (untimed) so the select filters run on every claim.
  setNativeValue(text, '');
  text.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  await nextFrame();
  await sleep(QUIET_MS);

  const choose = (name: string, label: string) => {
    const select = must<HTMLSelectElement>(`select[name="claims-${name}"]`, section);
    // The first real option: a source, a status.
    const option = select.options[1];
    if (!option) throw new Error(`bench table: ${name} has no option`);
    return time(`${label} filter: "${option.textContent}"`, () => {
      setNativeValue(select, option.value);
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  out.push(await choose('sourceId', 'source'));
  await sleep(QUIET_MS);
  out.push(await choose('status', 'status'));
  await sleep(QUIET_MS);
  // Back to every claim (untimed), so the scroll runs over the whole list.
  for (const name of ['sourceId', 'status']) {
    const select = must<HTMLSelectElement>(`select[name="claims-${name}"]`, section);
    setNativeValue(select, '');
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await nextFrame();
  await sleep(QUIET_MS);

  const scroller = must<HTMLElement>('.claims-scroll', section);
  out.push(
    await time(`scroll to the bottom (${rowCount()} rows)`, () => {
      scroller.scrollTop = scroller.scrollHeight;
    }),
  );
  await sleep(QUIET_MS);
  out.push(
    await time('scroll back to the top', () => {
      scroller.scrollTop = 0;
    }),
  );
  return out;
}
