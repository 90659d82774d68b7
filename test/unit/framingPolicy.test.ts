import { describe, expect, it } from 'vitest';
import { framingHeaders } from '../../scripts/lib/framingPlugin';

const CSP = "default-src 'self'";

describe('who may frame the app', () => {
  it('lets no page frame the full app', () => {
    expect(framingHeaders('/?date=2025-03-12', CSP)).toEqual({
      'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
    });
  });

  it('lets any page frame the embedded view', () => {
    expect(framingHeaders('/?date=2025-03-12&embed=1', CSP)).toEqual({
      'Content-Security-Policy': "default-src 'self'; frame-ancestors *",
    });
  });

  it('keeps the strict policy for anything but embed=1', () => {
    for (const url of ['/?embed=0', '/?embed=true', '/assets/index.js', '/?x=embed=1'])
      expect(framingHeaders(url, CSP)['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
