/**
 * Validity dates in the graph are a year, a month or a day ("2021", "2021-06", "2021-06-30"), as
 * curators find them in sources. GEXF with timeformat "date" needs days: a period starts on its
 * first day and ends on its last, so "validTo: 2021" means "through 31 December 2021".
 */
const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first day of the period, or null when the value is not a year, month or day. */
export function periodStart(value: string | null): string | null {
  if (value === null) return null;
  if (YEAR.test(value)) return `${value}-01-01`;
  if (MONTH.test(value)) return `${value}-01`;
  return DAY.test(value) ? value : null;
}

/** The last day of the period, or null when the value is not a year, month or day. */
export function periodEnd(value: string | null): string | null {
  if (value === null) return null;
  if (YEAR.test(value)) return `${value}-12-31`;
  const month = MONTH.exec(value);
  if (month) {
    // Day 0 of the next month is the last day of this one.
    const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return `${value}-${String(lastDay).padStart(2, '0')}`;
  }
  return DAY.test(value) ? value : null;
}
