/**
 * The clock, from outside: the CLI reads the system's, a test fixes it, so
 * what a command dates (a new issue, a preview's build) can be checked.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a moment in the local time zone: the day on the editor's calendar. */
export function localDay(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
