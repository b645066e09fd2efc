// The dashboard: the quarterly report as tiles, plans, rates and targets, charts and a table, filtered, as of any
// past day, and kept current by the report stream (Server-Sent Events read through fetch, since EventSource cannot
// send a token); beside it, intake's list of the projects above a contract value.
import { FIGURES, api, change, clearProblem, count, el, mountSignIn, onSession, percent, showProblem, token, yuan, yuanShort }
  from '/assets/landfall.js';
import { drawMap } from '/map.js';
import { openOnTheData } from '/quarters.js';

const form = document.getElementById('filters');
const live = document.getElementById('live');
const projectsForm = document.getElementById('projects-form');
const band = document.getElementById('band');
const intakeInput = document.getElementById('intake-url');
const STAGES = ['SIGNED', 'STARTED', 'OPERATIONAL', 'SUSPENDED', 'CANCELLED'];
const FILTERS = ['province', 'city', 'district', 'sector', 'park'];
const LISTS = { province: 'provinces', city: 'cities', district: 'districts', sector: 'sectors', park: 'parks' };
/** What intake's project list is filtered by: the report's filters that intake knows too. */
const PROJECT_FILTERS = ['province', 'city', 'district', 'sector', 'designation', 'park'];
const DESIGNATIONS = { 'provincial-key': 'Provincial key 省重点', 'municipal-key': 'Municipal key 市重点',
  'district-key': 'District key 区县重点' };
const INTAKE_KEY = 'landfall.intake';
const PAGE = 20;
const MAX_PAGE = 200; // intake's largest page
const MAX_SERIES = 8;
const seen = Object.fromEntries(FILTERS.map(k => [k, new Set()]));
const charts = {};
let stream = null;
let retry = null;
let refresh = null;
let shown = null;
let drawn = [];
let wanted = PAGE;
let listing = 0;

const quarterIndex = q => { const m = /^(\d{4})-Q([1-4])$/.exec(q || ''); return m ? m[1] * 4 + (m[2] - 1) : null; };
const quarterName = i => `${Math.floor(i / 4)}-Q${i % 4 + 1}`;

function defaults() {
  const now = new Date();
  const to = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
  return { from: quarterName(to - 3), to: quarterName(to), groupBy: 'none' };
}

/** Sets a control, giving a list a choice it lacks (a shared address may name another combination). */
function setControl(input, value) {
  if (input.tagName === 'SELECT' && ![...input.options].some(o => o.value === value)) {
    input.append(el('option', { value }, value));
  }
  input.value = value;
}

/** The form's filters, starting from the page's address so that a view can be bookmarked and shared. */
function readAddress() {
  const q = new URLSearchParams(location.search);
  const d = defaults();
  for (const input of form.elements) {
    if (input.name) setControl(input, q.get(input.name) ?? d[input.name] ?? '');
  }
  if (q.get('band')) setControl(band, q.get('band'));
}

function params() {
  const p = new URLSearchParams();
  for (const input of form.elements) {
    if (input.name && input.value.trim() !== '') p.set(input.name, input.value.trim());
  }
  return p;
}

/** The page's address: the report's filters, and the value band of the project list unless it is the first. */
function address() {
  const p = params();
  if (band.selectedIndex > 0) p.set('band', band.value);
  return '?' + p;
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
  drawMap(form, p);
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
  for (const [k, list] of Object.entries(LISTS)) {
    document.getElementById(list).replaceChildren(...[...seen[k]].sort().map(v => el('option', { value: v })));
  }
  drawn = rows;
  renderPlan(rows);
  renderCharts(rows);
  renderTable(rows);
}

const orDash = (v, format) => v === null || v === undefined ? '—' : format(v);
const money = v => orDash(v, yuanShort);
const number = v => orDash(v, count);

/**
 * Plans, rates and targets of the last quarter shown: its rows carry the year to date (January to the quarter's
 * end), the change on the same months of the year before, the rates and the completion of the annual targets.
 * One group: the rates, the plan and the year's figures against their targets; several: one line each.
 * A row without these blocks (a report that does not compute them) shows "—".
 */
function renderPlan(rows) {
  const last = rows.length ? rows[rows.length - 1].quarter : null;
  const body = document.getElementById('plan-body');
  const period = document.getElementById('plan-period');
  if (!last) {
    period.textContent = 'No quarter in this report.';
    body.replaceChildren();
    return;
  }
  const year = Number(last.slice(0, 4));
  const q = Number(last.slice(-1));
  const focus = rows.filter(r => r.quarter === last);
  const blocks = ['planned', 'ytd', 'yoy', 'rates', 'targetCompletion'];
  period.replaceChildren(`${year}, January to the end of ${last}: the year to date (1–${q * 3}月累计), `
    + `the change on the same months of ${year - 1} (同比), the year's plan and targets. `,
    focus.some(r => blocks.some(b => r[b])) ? '' : el('strong', {}, 'This report carries no plans, rates or targets.'));
  const elapsed = q / 4; // the share of the year gone by at the quarter's end (时序进度)
  body.replaceChildren(...(focus.length === 1 && Object.keys(focus[0].group).length === 0
    ? planOfOne(focus[0], year, last, elapsed) : [planByGroup(focus, elapsed)]));
}

function planOfOne(row, year, quarter, elapsed) {
  const planned = row.planned || {};
  const rates = row.rates || {};
  const started = planned.started || {};
  return [
    el('div', { class: 'rates' },
      rate('start-rate', 'Start rate', '开工率', rates.startRate, elapsed,
        planned.starts === null || planned.starts === undefined ? ''
          : `of the ${count(planned.starts)} projects whose start is planned for ${year}`),
      rate('investment-rate', 'Investment completion rate', '投资完成率', rates.investmentCompletionRate, elapsed,
        planned.investment === null || planned.investment === undefined ? ''
          : `invested in ${year} by the planned projects, of ${yuanShort(planned.investment)} planned`),
      rate('fulfilment-rate', 'Fulfilment rate', '履约率', rates.fulfilmentRate, null,
        `of the projects due to start by the end of ${quarter} that did`)),
    el('dl', { class: 'figures plan' },
      figure('p-planned-count', `Projects in the ${year} plan`, '年度计划项目', number(planned.count)),
      figure('p-planned-investment', 'Planned investment', '年度计划投资', money(planned.investment)),
      figure('p-planned-starts', 'Of them, starts planned', '计划开工', number(planned.starts)),
      figure('p-planned-started', 'Of them, under way or operational', '已开工', number(started.count)),
      figure('p-planned-started-investment', 'Their planned investment', '已开工项目计划投资', money(started.investment))),
    yearTable(row, elapsed),
    el('p', { class: 'muted legend' }, 'The mark on a bar is the share of the year gone by (时序进度): a bar short of '
      + 'it is behind the calendar. A target is the one the completion implies (≈ year to date ÷ completion).'),
  ];
}

function rate(id, name, zh, value, elapsed, basis) {
  return el('div', { class: 'rate' },
    el('span', { class: 'label' }, name, ' ', el('span', { lang: 'zh-CN' }, zh)),
    el('output', { id: 'p-' + id }, percent(value)),
    bar(value, elapsed, name),
    el('span', { class: 'muted' }, basis));
}

function figure(id, name, zh, text) {
  return el('div', {}, el('dt', {}, name, ' ', el('span', { lang: 'zh-CN' }, zh)), el('dd', { id }, text));
}

/**
 * A bar of {@code fraction} (1: full, more: full and marked done), with a mark at {@code elapsed} of the year when
 * given; nothing where there is no fraction.
 */
function bar(fraction, elapsed, label) {
  if (fraction === null || fraction === undefined) return null;
  const v = Number(fraction);
  const state = v >= 1 ? 'done' : elapsed !== null && v < elapsed ? 'behind' : 'on-track';
  return el('div', { class: 'bar ' + state, role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0,
    'aria-valuemax': 100, 'aria-valuenow': Math.round(v * 1000) / 10, 'aria-valuetext': percent(v) },
  el('span', { class: 'fill', style: `width: ${Math.min(100, Math.max(0, v * 100))}%` }),
  elapsed === null ? null : el('span', { class: 'elapsed', style: `left: ${elapsed * 100}%`,
    title: `${percent(elapsed)} of the year has gone by` }));
}

/** The annual target that a completion implies: year to date ÷ completion (unknown while nothing is done). */
function target(ytd, completion, isMoney) {
  if (completion === null) return 'no target';
  if (completion === undefined || !Number(completion) || ytd === null || ytd === undefined) return '—';
  const t = Number(ytd) / Number(completion);
  return '≈ ' + (isMoney ? yuanShort(t) : count(Math.round(t)));
}

function yearTable(row, elapsed) {
  const ytd = row.ytd || {};
  const yoy = row.yoy || {};
  const done = row.targetCompletion || {};
  return el('div', { class: 'table-wrap' }, el('table', { id: 'year' },
    el('caption', { class: 'visually-hidden' }, 'The year to date, its change on the year before and its annual target'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Figure'),
      el('th', { scope: 'col', class: 'num' }, 'Year to date 累计'),
      el('th', { scope: 'col', class: 'num' }, 'Year on year 同比'),
      el('th', { scope: 'col', class: 'num' }, 'Annual target 年度目标'),
      el('th', { scope: 'col', class: 'wide' }, 'Target completion 目标完成'))),
    el('tbody', {}, FIGURES.map(f => el('tr', { 'data-figure': f.key },
      el('th', { scope: 'row' }, f.name, ' ', el('span', { lang: 'zh-CN', class: 'muted' }, f.zh)),
      el('td', { class: 'num ytd' }, f.money ? money(ytd[f.key]) : number(ytd[f.key])),
      el('td', { class: 'num yoy' }, growth(yoy[f.key])),
      el('td', { class: 'num target' }, target(ytd[f.key], done[f.key], f.money)),
      el('td', { class: 'completion' }, completion(done[f.key], elapsed, f.name)))))));
}

function completion(value, elapsed, name) {
  if (value === null || value === undefined) return el('span', { class: 'muted' }, '—');
  return el('div', { class: 'done-of' }, bar(value, elapsed, name + ': target completion'),
    el('span', { class: 'pct' }, percent(value)));
}

/** A change on the year before, with an arrow for the eye (screen readers read the signed number). */
function growth(v) {
  if (v === null || v === undefined) return el('span', { class: 'change', title: 'nothing in the same months of the year before' }, '—');
  const n = Number(v);
  const direction = n > 0 ? 'up' : n < 0 ? 'down' : 'flat';
  return el('span', { class: 'change ' + direction },
    el('span', { 'aria-hidden': 'true' }, n > 0 ? '▲ ' : n < 0 ? '▼ ' : ''), change(v));
}

function planByGroup(rows, elapsed) {
  if (!rows.length) return el('p', { class: 'muted' }, 'Nothing in this selection.');
  const head = ['Planned 计划项目', 'Planned investment 计划投资', 'Started of them 已开工', 'Start rate 开工率',
    'Investment completion rate 投资完成率', 'Fulfilment rate 履约率', 'Starts, year to date 新开工累计',
    'Investment completed, year to date 完成投资累计'];
  const cell = (content, cls) => el('td', { class: cls || 'num' }, content);
  return el('div', { class: 'table-wrap' }, el('table', { id: 'plan-groups' },
    el('caption', { class: 'visually-hidden' }, 'Plans, rates and the year to date of each group'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Group'),
      head.map(h => el('th', { scope: 'col', class: 'num' }, h)),
      el('th', { scope: 'col', class: 'wide' }, 'Investment target completion 投资目标完成'))),
    el('tbody', {}, rows.map(r => {
      const planned = r.planned || {};
      const rates = r.rates || {};
      const ytd = r.ytd || {};
      const yoy = r.yoy || {};
      return el('tr', { 'data-group': groupLabel(r.group) },
        el('th', { scope: 'row' }, groupLabel(r.group)),
        cell(number(planned.count)), cell(money(planned.investment)), cell(number((planned.started || {}).count)),
        cell(percent(rates.startRate)), cell(percent(rates.investmentCompletionRate)), cell(percent(rates.fulfilmentRate)),
        cell([number(ytd.starts), ' ', growth(yoy.starts)]),
        cell([money(ytd.investmentCompleted), ' ', growth(yoy.investmentCompleted)]),
        cell(completion((r.targetCompletion || {}).investmentCompleted, elapsed, groupLabel(r.group)), 'completion'));
    }))));
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
    STAGES.map(s => el('th', { scope: 'col', class: 'num' }, 'End: ' + s.toLowerCase())),
    ['In the year\'s plan', 'Planned investment', 'Start rate', 'Investment completion rate', 'Fulfilment rate']
      .map(h => el('th', { scope: 'col', class: 'num' }, h))));
  document.querySelector('#rows tbody').replaceChildren(...rows.map(r => el('tr', {},
    el('th', { scope: 'row' }, r.quarter), groupColumns.map(c => el('td', {}, r.group[c] ?? '—')),
    num(r.signed.count), num(r.signed.contractValue, true), num(r.signed.plannedJobs),
    num(r.started.count), num(r.operational.count), num(r.suspended.count), num(r.cancelled.count),
    num(r.investmentCompleted, true), num(r.jobsCreated),
    STAGES.map(s => num(r.endOfQuarter[s])),
    el('td', { class: 'num' }, number(r.planned?.count)), el('td', { class: 'num' }, orDash(r.planned?.investment, yuan)),
    [r.rates?.startRate, r.rates?.investmentCompletionRate, r.rates?.fulfilmentRate]
      .map(v => el('td', { class: 'num' }, percent(v))))));
}

/** A project's place without what the filters already say (all of Shuangyashan: only the district). */
const place = (project, filters) => ['province', 'city', 'district']
  .filter(k => project[k] && !filters.get(k)).map(k => project[k]).join(' / ') || '—';

/** Where intake is unless the user said otherwise: this host's port 8081, as in the local run and docker-compose. */
const DEFAULT_INTAKE = `${location.protocol}//${location.hostname}:8081`;
const intakeAddress = () => (localStorage.getItem(INTAKE_KEY) || DEFAULT_INTAKE).replace(/\/+$/, '');

/**
 * Intake's projects of the report's place, projects and park whose contract value is at least the band's: the
 * first {@code wanted} of them (a reload keeps as many as were shown). Intake is another service, at
 * {@link DEFAULT_INTAKE} or where the user's "Where the projects come from" says.
 */
async function loadProjects() {
  if (!token()) return;
  const filters = params();
  const p = new URLSearchParams();
  PROJECT_FILTERS.forEach(k => filters.get(k) && p.set(k, filters.get(k)));
  p.set('minContractValue', band.value);
  p.set('size', Math.min(wanted, MAX_PAGE));
  const call = ++listing;
  const r = await api(`${intakeAddress()}/api/projects?${p}`);
  if (call !== listing) return; // a later call answers for the filters now chosen
  const tbody = document.querySelector('#project-list tbody');
  const more = document.getElementById('projects-more');
  const counted = document.getElementById('projects-count');
  if (!r.ok) {
    tbody.replaceChildren();
    more.hidden = true;
    counted.textContent = '';
    return showProblem(projectsForm, r.problem, r.status === 0
      ? `Is project-intake at ${intakeAddress()}? Its address can be changed under "Where the projects come from".` : '');
  }
  clearProblem(projectsForm);
  const { items, total } = r.data;
  counted.textContent = `${count(total)} project${total === 1 ? '' : 's'}`
    + (items.length < total ? `, the ${count(items.length)} first shown` : '');
  more.hidden = items.length >= total || wanted >= MAX_PAGE;
  tbody.replaceChildren(...items.map(x => el('tr', { 'data-code': x.code },
    el('td', { class: 'nowrap' }, x.code), el('td', {}, x.name), el('td', {}, x.investor),
    el('td', {}, place(x, filters)), el('td', {}, x.park ?? '—'),
    el('td', { class: 'nowrap' }, x.signedOn), el('td', { class: 'num' }, yuan(x.contractValue)),
    el('td', {}, (x.designations || []).map(d => el('span', { class: 'badge key' }, DESIGNATIONS[d] || d))),
    el('td', {}, x.stage ? el('span', { class: 'badge ' + x.stage }, x.stage[0] + x.stage.slice(1).toLowerCase()) : ''))));
}

/**
 * Whether a changed row (one quarter of one province, city, district and sector) may change what is shown: a quarter
 * shown, or one before it that the years to date and their comparison with the year before add up (from the first
 * quarter of the year before the first shown). A filter the row does not carry (park, designation) cannot rule it out.
 */
function concerns(row) {
  if (!shown || shown.asOf) return false;
  const q = quarterIndex(row.quarter);
  if (q < (Math.floor(shown.from / 4) - 1) * 4 || q > shown.to) return false;
  return FILTERS.every(k => !shown.filters.get(k) || row.group[k] === undefined
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
          refresh = setTimeout(() => { load(); loadProjects(); }, 250); // one reload for a burst of changed rows
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
  history.replaceState(null, '', address());
  wanted = PAGE;
  load();
  loadProjects();
  listen();
});

band.addEventListener('change', () => {
  history.replaceState(null, '', address());
  wanted = PAGE;
  loadProjects();
});
projectsForm.addEventListener('submit', ev => ev.preventDefault());

document.getElementById('projects-more').addEventListener('click', () => {
  wanted += PAGE;
  loadProjects();
});

document.getElementById('intake-use').addEventListener('click', () => {
  const typed = intakeInput.value.trim();
  let url = null;
  try { url = typed && new URL(typed); } catch { /* not an address */ }
  if (typed && (!url || !/^https?:$/.test(url.protocol))) {
    return showProblem(projectsForm, { title: 'Not an address', detail: 'intake\'s address starts with http:// or https://',
      errors: [{ field: 'intake', message: 'an address such as http://127.0.0.1:8081' }] });
  }
  if (typed) localStorage.setItem(INTAKE_KEY, typed); else localStorage.removeItem(INTAKE_KEY);
  wanted = PAGE;
  loadProjects();
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
intakeInput.value = localStorage.getItem(INTAKE_KEY) || '';
intakeInput.placeholder = DEFAULT_INTAKE;
mountSignIn(document.getElementById('session'), 'analyst');
onSession(async c => {
  if (c) {
    await openOnTheData(form, defaults());
    load(); loadProjects(); listen();
  } else {
    stopListening(); setLive('off', 'Not connected');
  }
});
