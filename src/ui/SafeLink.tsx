import type { ReactNode } from 'react';
import { isHttpUrl } from '../claims/urls';

/** Only http(s) URLs become links, always in a new tab without access to this page. */
export function SafeLink({ href, children }: { href: string; children: ReactNode }) {
  if (!isHttpUrl(href)) return <span className="unlinked-url">{href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="citation">
      {children}
    </a>
  );
}
