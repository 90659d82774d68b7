import { describe, expect, it } from 'vitest';
import { defaultTimelapseRange, timelapseDays, timelapseFileName, videoSeconds } from '../../src/state/timelapse';
import { stateContext } from './factories';

const ctx = stateContext();

describe('a timelapse plan', () => {
  it('takes the Changes range when one is chosen', () => {
    const changeRange = { from: '2025-03-01', to: '2025-03-20' };
    expect(defaultTimelapseRange({ changeRange, date: '2025-02-06' }, ctx)).toBe(changeRange);
  });

  it('else the 30 days up to the date shown, 30 days counted with both ends', () => {
    // 2025-03-20 back 29 days: the 20 days of March, then the last 10 of February (28 days), from the 19th.
    expect(defaultTimelapseRange({ changeRange: null, date: '2025-03-20' }, ctx)).toEqual({
      from: '2025-02-19',
      to: '2025-03-20',
    });
  });

  it('never starts before the record', () => {
    expect(defaultTimelapseRange({ changeRange: null, date: '2024-08-20' }, ctx)).toEqual({
      from: '2024-08-07',
      to: '2024-08-20',
    });
  });

  it('steps through every day of the range, across a month end', () => {
    expect(timelapseDays({ from: '2025-02-27', to: '2025-03-02' })).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(timelapseDays({ from: '2025-03-01', to: '2025-03-20' })).toHaveLength(20);
    expect(timelapseDays({ from: '2025-03-02', to: '2025-03-01' })).toEqual([]);
  });

  it('holds each day 1/speed s: March 2025 (31 days) at 1.5 days per second is 20.7 s', () => {
    expect(videoSeconds(31, 1.5)).toBeCloseTo(20.67, 2);
    expect(videoSeconds(20, 10)).toBe(2);
  });

  it('names the file by its range', () => {
    expect(timelapseFileName({ from: '2025-03-01', to: '2025-03-20' })).toBe('frontline-2025-03-01_2025-03-20.webm');
  });
});
