/**
 * The claims table at 100k claims on the real-app page (bench/react.tsx `?table=1&areas=0`): open, sort by
 * three columns, type a text filter, choose a source and a status, scroll to the bottom and back; each timed
 * in the page (bench/table.ts) with the longest long task it caused. Target: no long task over 200 ms.
 */
import type { Browser } from '@playwright/test';
import type { PageInfo, TableTiming } from '../../bench/benchApi';
import { openBenchPage } from './scrub';

/** "without a long task over 200 ms" (issue "Analyst views"). */
export const TABLE_LONG_TASK_MS = 200;

export interface TableResults {
  info: PageInfo;
  /** CSS viewport of the page (the table beside the map). */
  viewport: { width: number; height: number };
  interactions: (TableTiming & { pass: boolean })[];
}

export async function runTableBench(browser: Browser, baseUrl: string): Promise<TableResults> {
  const page = await openBenchPage(browser, baseUrl, 'react', '&areas=0&table=1', false);
  try {
    if (page.offOrigin.length)
      throw new Error(`the table page requested outside its origin: ${page.offOrigin.slice(0, 5).join(', ')}`);
    const timings = await page.table();
    return {
      info: page.info,
      viewport: { width: 1400, height: 900 },
      interactions: timings.map((t) => ({ ...t, pass: t.longestTaskMs <= TABLE_LONG_TASK_MS })),
    };
  } finally {
    await page.close();
  }
}
