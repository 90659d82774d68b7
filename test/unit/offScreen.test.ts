// @vitest-environment jsdom
/**
 * A panel in a closed tab costs nothing while the date moves: its selector does not run and it does not
 * render; opening its tab brings it up to date. The panel here is mounted closed, as every tab but the
 * first is when the app starts.
 */
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/state/store';
import { createAppStore } from '../../src/state/store';
import { AppProvider, OnScreen, useApp } from '../../src/ui/useApp';
import { claim, dataset } from './factories';

afterEach(cleanup);

const bundled = dataset([
  claim('ua', 'sudzha', '2025-02-01', 'ukrainian'),
  claim('ru', 'sudzha', '2025-02-10', 'russian'),
  claim('ru', 'sudzha', '2025-03-01', 'russian'),
]);

function setUp() {
  const store = createAppStore({ bundled, search: '?date=2025-02-01' });
  const calls = { selector: 0, render: 0 };
  const date = (s: Store) => {
    calls.selector++;
    return s.date;
  };
  function Probe() {
    calls.render++;
    return createElement('output', null, useApp(date));
  }
  const tree = (visible: boolean) =>
    createElement(AppProvider, {
      store,
      children: createElement(OnScreen, { visible, children: createElement(Probe) }),
    });
  const view = render(tree(false));
  return { store, calls, view, tree };
}

describe('a component off screen', () => {
  it('neither runs its selector nor renders while the date moves, and reads the live date once shown', () => {
    const { store, calls, view, tree } = setUp();
    expect(view.container.textContent).toBe('2025-02-01');
    const before = { ...calls };
    act(() => {
      for (const date of ['2025-02-10', '2025-03-01', '2025-02-10'] as const) store.getState().update({ date });
    });
    expect(calls).toEqual(before);
    expect(view.container.textContent).toBe('2025-02-01');
    view.rerender(tree(true));
    expect(view.container.textContent).toBe('2025-02-10');
    act(() => store.getState().update({ date: '2025-03-01' }));
    expect(view.container.textContent).toBe('2025-03-01');
  });

  it('stops following the store when it goes off screen again', () => {
    const { store, calls, view, tree } = setUp();
    view.rerender(tree(true));
    view.rerender(tree(false));
    const before = { ...calls };
    act(() => store.getState().update({ date: '2025-03-01' }));
    expect(calls).toEqual(before);
    expect(view.container.textContent).toBe('2025-02-01');
  });
});
