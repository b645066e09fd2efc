// The dashboard: the quarterly report as tiles, charts and a table, filtered, as of any past day, and kept
// current by the report stream (Server-Sent Events read through fetch, since EventSource cannot send a token).
import { api, clearProblem, count, el, mountSignIn, onSession, showProblem, token, yuan, yuanShort } from '/assets/landfall.js';

const form = document.getElementById('filters');
const live = document.getElementById('live');
const STAGES = ['SIGNED', 'STARTED', 'OPERATIONAL', 'SUSPENDED', 'CANCELLED'];
const FILTERS = ['province', 'city', 'district', 'sector'];
const MAX_SERIES = 8;
const seen = { province: new Set(), city: new Set(), district: new Set(), sector: new Set() };
const charts = {};
let stream = null;
let retry = null;
let refresh = null;
let shown = null;
let drawn = [];

const quarterIndex = q => { const m = /^(\d{4})-Q([1-4])$/.exec(q || ''); return m ? m[1] * 4 + (m[2] - 1) : null; };
const quarterName = i => `${Math.floor(i / 4)}-Q${i % 4 + 1}`;

function defaults() {
  const now = new Date();
  const to = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
  return { from: quarterName(to - 3), to: quarterName(to), groupBy: 'none' };
}

/** The form's filters, starting from the page's address so that a view can be bookmarked and shared. */
function readAddress() {
  const q = new URLSearchParams(location.search);
  const d = defaults();
  for (const input of form.elements) {
    if (input.name) input.value = q.get(input.name) ?? d[input.name] ?? '';
  }
}

function params() {
  const p = new URLSearchParams();
  for (const input of form.elements) {
    if (input.name && input.value.trim() !== '') p.set(input.name, input.value.trim());
  }
  return p;
}

async function load() {
  if (!token()) return;
  const p = params();
  const r = await api('/api/reports/quarterly?' + p);
  if (!r.ok) {
    showProblem(form, r.problem);
    return;
  }
  clearProblem(form);
  shown = { from: quarterIndex(p.get('from')), to: quarterIndex(p.get('to')), filters: p, asOf: p.get('asOf') };
  render(r.data);
}

function render(report) {
  const rows = report.rows;
  const asOf = new Date(report.asOf).toLocaleString();
  document.getElementById('as-of-line').textContent = shown.asOf
    ? `A past vintage: the figures as they were known at ${asOf}.`
    : `The latest figures (${asOf}); they follow every accepted write.`;

  const sum = f => rows.reduce((s, r) => s + Number(f(r) || 0), 0);
  setTile('t-signed-count', count(sum(r => r.signed.count)));
  setTile('t-signed-value', yuanShort(sum(r => r.signed.contractValue)), yuan(sum(r => r.signed.contractValue)));
  setTile('t-started', count(sum(r => r.started.count)));
  setTile('t-operational', count(sum(r => r.operational.count)));
  setTile('t-investment', yuanShort(sum(r => r.investmentCompleted)), yuan(sum(r => r.investmentCompleted)));
  setTile('t-jobs', count(sum(r => r.jobsCreated)));

  rows.forEach(r => FILTERS.forEach(k => r.group[k] && seen[k].add(r.group[k])));
  for (const [k, list] of [['province', 'provinces'], ['city', 'cities'], ['district', 'districts'], ['sector', 'sectors']]) {
    document.getElementById(list).replaceChildren(...[...seen[k]].sort().map(v => el('option', { value: v })));
  }
  drawn = rows;
  renderCharts(rows);
  renderTable(rows);
}

function setTile(id, text, title) {
  const o = document.getElementById(id);
  o.textContent = text;
  if (title) o.title = title;
}

const groupLabel = g => Object.values(g).map(v => v ?? '(none)').join(' / ') || 'All';

/** Per quarter and group; groups beyond the largest few are summed as "Other" so a chart stays legible. */
function byGroup(rows, quarters, value) {
  const totals = new Map();
  rows.forEach(r => totals.set(groupLabel(r.group), (totals.get(groupLabel(r.group)) || 0) + Number(value(r) || 0)));
  const ranked = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a));
  const kept = new Set(ranked.slice(0, ranked.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES));
  const series = new Map([...kept].map(g => [g, quarters.map(() => 0)]));
  rows.forEach(r => {
    const g = kept.has(groupLabel(r.group)) ? groupLabel(r.group) : 'Other';
    if (!series.has(g)) series.set(g, quarters.map(() => 0));
    series.get(g)[quarters.indexOf(r.quarter)] += Number(value(r) || 0);
  });
  return [...series].map(([name, data]) => ({ name, type: 'bar', stack: 'all', data }));
}

function totals(rows, quarters, value) {
  const data = quarters.map(() => 0);
  rows.forEach(r => { data[quarters.indexOf(r.quarter)] += Number(value(r) || 0); });
  return data;
}

function chart(id, quarters, series, money) {
  if (!window.echarts) return;
  const box = document.getElementById(id);
  charts[id] = charts[id] || echarts.init(box, null, { renderer: 'svg' });
  const fmt = money ? yuanShort : count;
  const slanted = quarters.length * 60 > box.clientWidth; // every quarter named, slanted where they would touch
  charts[id].setOption({
    animation: false,
    grid: { left: 8, right: 12, top: series.length > 1 ? 44 : 16, bottom: 8, containLabel: true },
    legend: { show: series.length > 1, type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: quarters, axisLabel: { interval: 0, rotate: slanted ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: money ? 0 : 1, axisLabel: { formatter: fmt } },
    series,
  }, { notMerge: true });
}

function renderCharts(rows) {
  const quarters = [...new Set(rows.map(r => r.quarter))];
  chart('c-value', quarters, byGroup(rows, quarters, r => r.signed.contractValue), true);
  chart('c-projects', quarters, [
    { name: 'Started', type: 'bar', data: totals(rows, quarters, r => r.started.count) },
    { name: 'Operational', type: 'bar', data: totals(rows, quarters, r => r.operational.count) }], false);
  chart('c-investment', quarters, byGroup(rows, quarters, r => r.investmentCompleted), true);
  chart('c-jobs', quarters, byGroup(rows, quarters, r => r.jobsCreated), false);
  chart('c-pipeline', quarters, STAGES.map(s => ({ name: s[0] + s.slice(1).toLowerCase(), type: 'bar', stack: 'eoq',
    data: totals(rows, quarters, r => r.endOfQuarter[s]) })), false);
}

function renderTable(rows) {
  const groupColumns = rows.length ? Object.keys(rows[0].group) : [];
  const num = (v, money) => el('td', { class: 'num' }, money ? yuan(v) : count(v));
  const cap = s => s[0].toUpperCase() + s.slice(1);
  document.querySelector('#rows thead').replaceChildren(el('tr', {},
    el('th', { scope: 'col' }, 'Quarter'), groupColumns.map(c => el('th', { scope: 'col' }, cap(c))),
    ['Signed', 'Value signed', 'Planned jobs', 'Started', 'Operational', 'Suspended', 'Cancelled',
      'Investment completed', 'Jobs created'].map(h => el('th', { scope: 'col', class: 'num' }, h)),
    STAGES.map(s => el('th', { scope: 'col', class: 'num' }, 'End: ' + s.toLowerCase()))));
  document.querySelector('#rows tbody').replaceChildren(...rows.map(r => el('tr', {},
    el('th', { scope: 'row' }, r.quarter), groupColumns.map(c => el('td', {}, r.group[c] ?? '—')),
    num(r.signed.count), num(r.signed.contractValue, true), num(r.signed.plannedJobs),
    num(r.started.count), num(r.operational.count), num(r.suspended.count), num(r.cancelled.count),
    num(r.investmentCompleted, true), num(r.jobsCreated),
    STAGES.map(s => num(r.endOfQuarter[s])))));
}

/** Whether a changed row (one quarter of one province, city, district and sector) is part of what is shown. */
function concerns(row) {
  if (!shown || shown.asOf) return false;
  const q = quarterIndex(row.quarter);
  if (q < shown.from || q > shown.to) return false;
  return FILTERS.every(k => !shown.filters.get(k)
    || (row.group[k] || '').toLowerCase() === shown.filters.get(k).toLowerCase());
}

function setLive(state, text) {
  live.dataset.state = state;
  live.textContent = text;
}

function stopListening() {
  clearTimeout(retry);
  if (stream) stream.abort();
  stream = null;
}

async function listen() {
  stopListening();
  if (!token()) return setLive('off', 'Not connected');
  if (form.elements.asOf.value) return setLive('paused', 'Live updates paused: a past vintage is shown');
  const controller = stream = new AbortController();
  setLive('off', 'Connecting…');
  try {
    const r = await fetch('/api/reports/stream', { signal: controller.signal,
      headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() } });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    setLive('live', 'Live');
    load(); // whatever changed while connecting
    const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = events.pop();
      for (const event of events) {
        const data = event.split(/\r?\n/).filter(l => l.startsWith('data:')).map(l => l.slice(5).trim()).join('\n');
        if (data && concerns(JSON.parse(data))) {
          clearTimeout(refresh);
          refresh = setTimeout(load, 250); // one reload for a burst of changed rows
        }
      }
    }
  } catch (e) {
    if (controller.signal.aborted) return;
  }
  setLive('off', 'Reconnecting…');
  retry = setTimeout(listen, 3000);
}

form.addEventListener('submit', ev => {
  ev.preventDefault();
  history.replaceState(null, '', '?' + params());
  load();
  listen();
});

document.getElementById('download').addEventListener('click', async () => {
  const p = params();
  const r = await api('/api/reports/quarterly.csv?' + p, { accept: 'text/csv' });
  if (!r.ok) return showProblem(form, r.problem);
  const url = URL.createObjectURL(await r.response.blob());
  const a = el('a', { href: url, download: `landfall-${p.get('from')}-${p.get('to')}${p.get('asOf') ? '-asof-' + p.get('asOf') : ''}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
});

window.addEventListener('resize', () => {
  Object.values(charts).forEach(c => c.resize());
  renderCharts(drawn); // the labels slant or not for the new width
});

readAddress();
mountSignIn(document.getElementById('session'), 'analyst');
onSession(c => {
  if (c) { load(); listen(); } else { stopListening(); setLive('off', 'Not connected'); }
});
