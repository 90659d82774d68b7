import { formatNumber } from './i18n';

/** Days against the reference as a signed number ("−5", "+2", "0"), as the table and the chart's axis write them. */
export const signedDays = (n: number) => formatNumber(n, { signDisplay: 'exceptZero', maximumFractionDigits: 1 });
