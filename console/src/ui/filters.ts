
/** A date input's day (its local midnight) as an ISO time; `endOfDay` for the day after, so a range includes the day. */
export function dayStart(day: string, endOfDay = false): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (endOfDay) date.setDate(date.getDate() + 1);
  return date.toISOString();
}
