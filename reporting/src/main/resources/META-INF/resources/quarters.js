// Where the dashboard opens: on the four quarters up to the last one that holds data (GET /api/reports/quarters),
// not on the calendar's, which may hold nothing yet. A range in the page's address, or one the user has typed,
// wins; without any data the calendar's quarters stay.
import { api } from '/assets/landfall.js';

/** The quarter {@code n} quarters before {@code quarter} (2023-Q2, 3: 2022-Q3). */
function before(quarter, n) {
  const [, year, q] = /^(\d{4})-Q([1-4])$/.exec(quarter);
  const i = Number(year) * 4 + Number(q) - 1 - n;
  return `${Math.floor(i / 4)}-Q${i % 4 + 1}`;
}

/**
 * Sets {@code form}'s quarters from the data while they are still {@code defaults} and the address named none;
 * {@code set(input, value)} gives a list the quarter it lacks (data signed beyond the quarters offered).
 */
export async function openOnTheData(form, defaults, set) {
  const { from, to } = form.elements;
  const asked = new URLSearchParams(location.search);
  if (asked.has('from') || asked.has('to') || from.value !== defaults.from || to.value !== defaults.to) return;
  const r = await api('/api/reports/quarters');
  if (!r.ok || !r.data.last || from.value !== defaults.from || to.value !== defaults.to) return;
  set(from, before(r.data.last, 3));
  set(to, r.data.last);
}
