// @vitest-environment jsdom
/**
 * A panel that throws while rendering (e.g. on data it did not expect) shows its own error, in its own
 * place, and the other panels keep working: never a blank page.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../src/ui/PanelBoundary';

function Throws({ message }: { message: string }): never {
  throw new Error(message);
}

afterEach(cleanup);

describe('PanelBoundary', () => {
  it('renders the failing panel’s error as an alert, and leaves its siblings alone', () => {
    // React reports caught render errors on the console; that is expected here.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      createElement(
        'div',
        null,
        createElement(PanelBoundary, {
          name: 'Places',
          children: createElement(Throws, { message: 'place "x" has no name' }),
        }),
        createElement(PanelBoundary, { name: 'Sources', children: createElement('p', null, 'Sources still here') }),
      ),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The Places panel failed: place "x" has no name');
    expect(screen.getByText('Sources still here')).toBeTruthy();
    consoleError.mockRestore();
  });

  it('shows a hostile error message as text, not markup', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { container } = render(
      createElement(PanelBoundary, {
        name: 'Place',
        children: createElement(Throws, { message: '<img src=x onerror=alert(1)>' }),
      }),
    );
    expect(screen.getByRole('alert').textContent).toBe('The Place panel failed: <img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    consoleError.mockRestore();
  });

  it('renders its children when nothing fails', () => {
    render(createElement(PanelBoundary, { name: 'Legend', children: createElement('p', null, 'legend') }));
    expect(screen.getByText('legend')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
