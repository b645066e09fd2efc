// The dashboard: the quarterly report as tiles, plans, rates and targets, charts and a table, filtered, as of any
// past day, and kept current by the report stream (Server-Sent Events read through fetch, since EventSource cannot
// send a token); beside it, the red and yellow lights of status's watch list for each group of the report, and
// intake's list of the projects above a contract value.
import { FIGURES, STAGES, amount, api, change, clearProblem, count, day, designationName, el, jurisdiction, lang, moment,
  mountSignIn, onSession, percent, placeNamesOfAll, placePicker, placeText, quarterName, sectorName, showProblem,
  stageName, t, tn, token, translatePage, yuan, yuanShort, INTAKE, STATUS, addressOf, defaultAddress, intakeAddress, setAddress,
  storedAddress } from '/assets/landfall.js';
import { drawMap } from '/map.js';
import { openOnTheData } from '/quarters.js';

const form = document.getElementById('filters');
const live = document.getElementById('live');
const projectsForm = document.getElementById('projects-form');
const band = document.getElementById('band');
const intakeInput = document.getElementById('intake-url');
const statusForm = document.getElementById('status-form');
const statusInput = document.getElementById('status-url');
/** A row's group, in the order of its columns; the place by its names, a code aside. */
const FILTERS = ['province', 'city', 'district', 'sector', 'park'];
const PLACES = ['province', 'city', 'district'];
/** What intake's project list is filtered by: the report's filters that intake knows too. */
const PROJECT_FILTERS = ['regionCode', 'province', 'city', 'district', 'sector', 'designation', 'park'];
const COLUMNS = { province: t('place.province'), city: t('place.city'), district: t('place.district'),
  sector: t('project.sector'), park: t('project.park') };
/** What the watch list is filtered by: the report's filters that status knows too. */
const WATCH_FILTERS = ['regionCode', 'province', 'city', 'district', 'sector', 'designation'];
const LEVELS = ['red', 'yellow'];
const FIRST_YEAR = 2010; // the quarters offered start here; an address may name an earlier one
const PAGE = 20;
const WATCH_PAGE = 20;
const MAX_PAGE = 200; // intake's largest page
const MAX_SERIES = 8;
const seen = { sector: new Set(), park: new Set() };
const charts = {};
let stream = null;
let retry = null;
let refresh = null;
let shown = null;
let drawn = [];
let wanted = PAGE;
let listing = 0;
let lighting = 0;
/** The watch list shown: the group and level whose count was followed, and how many of its projects. */
let watching = null;
let placing = Promise.resolve();
/** The names in this language of the places the rows shown carry codes of (see placeNamesOf). */
let placeNames = new Map();

const quarterIndex = q => { const m = /^(\d{4})-Q([1-4])$/.exec(q || ''); return m ? m[1] * 4 + (m[2] - 1) : null; };
const quarterOf = i => `${Math.floor(i / 4)}-Q${i % 4 + 1}`;

function defaults() {
  const now = new Date();
  const to = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3);
  return { from: quarterOf(to - 3), to: quarterOf(to), groupBy: 'none' };
}

/** The quarters to choose from, the latest first, named as the language names them. */
function offerQuarters() {
  const last = (new Date().getFullYear() + 1) * 4 + 3;
  for (const select of [form.elements.from, form.elements.to]) {
    for (let i = last; i >= FIRST_YEAR * 4; i--) select.append(el('option', { value: quarterOf(i) }, quarterName(quarterOf(i))));
  }
}

/** Sets a control, giving a list a choice it lacks (a shared address may name another combination). */
function setControl(input, value) {
  if (input.tagName === 'SELECT' && ![...input.options].some(o => o.value === value)) {
    input.append(el('option', { value }, /^\d{4}-Q[1-4]$/.test(value) ? quarterName(value)
      : input.name === 'sector' ? sectorName(value) : value));
  }
  input.value = value;
}

/** The filters of the form's own controls; the place is the picker's. */
const filterControls = () => [...form.elements].filter(input => input.name && !input.dataset.place);

/** The form's filters, starting from the page's address so that a view can be bookmarked and shared. */
function readAddress() {
  const q = new URLSearchParams(location.search);
  const d = defaults();
  for (const input of filterControls()) setControl(input, q.get(input.name) ?? d[input.name] ?? '');
  if (q.get('band')) setControl(band, q.get('band'));
  placing = picker.set(Object.fromEntries(['regionCode', ...PLACES].map(k => [k, q.get(k)])));
}

/**
 * The report's filters: the form's, and the place as a GB/T 2260 code (that place and all inside it) where picked
 * from the list, by name where typed.
 */
function params() {
  const p = new URLSearchParams();
  for (const input of filterControls()) {
    if (input.value.trim() !== '') p.set(input.name, input.value.trim());
  }
  picker.query().forEach((value, key) => p.set(key, value));
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
  await placing;
  const p = params();
  const r = await api('/api/reports/quarterly?' + p);
  if (!r.ok) {
    showProblem(form, r.problem);
    return;
  }
  clearProblem(form);
  shown = { from: quarterIndex(p.get('from')), to: quarterIndex(p.get('to')), filters: p, asOf: p.get('asOf') };
  placeNames = await placeNamesOfAll(r.data.rows.map(row => row.group.regionCode), intakeAddress());
  render(r.data);
  drawMap(p, code => {
    placing = picker.set({ regionCode: code });
    form.requestSubmit();
  });
}

function render(report) {
  const rows = report.rows;
  const asOf = moment(report.asOf);
  document.getElementById('as-of-line').textContent = shown.asOf
    ? t('dashboard.asOf.past', { asOf }) : t('dashboard.asOf.latest', { asOf });

  const sum = f => rows.reduce((s, r) => s + Number(f(r) || 0), 0);
  setTile('t-signed-count', count(sum(r => r.signed.count)));
  setTile('t-signed-value', yuanShort(sum(r => r.signed.contractValue)), yuan(sum(r => r.signed.contractValue)));
  setTile('t-started', count(sum(r => r.started.count)));
  setTile('t-operational', count(sum(r => r.operational.count)));
  setTile('t-investment', yuanShort(sum(r => r.investmentCompleted)), yuan(sum(r => r.investmentCompleted)));
  setTile('t-jobs', count(sum(r => r.jobsCreated)));

  rows.forEach(r => Object.keys(seen).forEach(k => r.group[k] && seen[k].add(r.group[k])));
  offerSectors();
  document.getElementById('parks').replaceChildren(...[...seen.park].sort().map(v => el('option', { value: v })));
  drawn = rows;
  renderPlan(rows);
  renderLights(rows);
  renderCharts(rows);
  renderTable(rows);
}

const orDash = (v, format) => v === null || v === undefined ? '—' : format(v);
const money = v => orDash(v, amount);
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
    period.textContent = t('dashboard.plan.noQuarter');
    body.replaceChildren();
    return;
  }
  const year = Number(last.slice(0, 4));
  const q = Number(last.slice(-1));
  const focus = rows.filter(r => r.quarter === last);
  const blocks = ['planned', 'ytd', 'yoy', 'rates', 'targetCompletion'];
  period.replaceChildren(t('dashboard.plan.period', { year, quarter: quarterName(last), months: q * 3, before: year - 1 }),
    ' ', focus.some(r => blocks.some(b => r[b])) ? '' : el('strong', {}, t('dashboard.plan.none')));
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
      rate('start-rate', t('rate.start'), rates.startRate, elapsed,
        planned.starts === null || planned.starts === undefined ? ''
          : tn('dashboard.rate.startBasis', planned.starts, { year })),
      rate('investment-rate', t('rate.investment'), rates.investmentCompletionRate, elapsed,
        planned.investment === null || planned.investment === undefined ? ''
          : t('dashboard.rate.investmentBasis', { year, planned: yuanShort(planned.investment) })),
      rate('fulfilment-rate', t('rate.fulfilment'), rates.fulfilmentRate, null,
        t('dashboard.rate.fulfilmentBasis', { quarter: quarterName(quarter) }))),
    el('dl', { class: 'figures plan' },
      figure('p-planned-count', t('dashboard.plan.count', { year }), number(planned.count)),
      figure('p-planned-investment', t('plan.investment'), money(planned.investment)),
      figure('p-planned-starts', t('dashboard.plan.starts'), number(planned.starts)),
      figure('p-planned-started', t('dashboard.plan.started'), number(started.count)),
      figure('p-planned-started-investment', t('dashboard.plan.startedInvestment'), money(started.investment))),
    yearTable(row, elapsed),
    el('p', { class: 'muted legend' }, t('dashboard.plan.legend')),
  ];
}

function rate(id, name, value, elapsed, basis) {
  return el('div', { class: 'rate' },
    el('span', { class: 'label' }, name),
    el('output', { id: 'p-' + id }, percent(value)),
    bar(value, elapsed, name),
    el('span', { class: 'muted' }, basis));
}

function figure(id, name, content) {
  return el('div', {}, el('dt', {}, name), el('dd', { id }, content));
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
    title: t('dashboard.plan.elapsed', { share: percent(elapsed) }) }));
}

/** The annual target that a completion implies: year to date ÷ completion (unknown while nothing is done). */
function target(ytd, completion, isMoney) {
  if (completion === null) return t('dashboard.year.noTarget');
  if (completion === undefined || !Number(completion) || ytd === null || ytd === undefined) return '—';
  const implied = Number(ytd) / Number(completion);
  return ['≈ ', isMoney ? amount(implied) : count(Math.round(implied))];
}

function yearTable(row, elapsed) {
  const ytd = row.ytd || {};
  const yoy = row.yoy || {};
  const done = row.targetCompletion || {};
  return el('div', { class: 'table-wrap' }, el('table', { id: 'year' },
    el('caption', { class: 'visually-hidden' }, t('dashboard.year.caption')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, t('dashboard.year.figure')),
      el('th', { scope: 'col', class: 'num' }, t('dashboard.year.ytd')),
      el('th', { scope: 'col', class: 'num' }, t('dashboard.year.yoy')),
      el('th', { scope: 'col', class: 'num' }, t('dashboard.year.target')),
      el('th', { scope: 'col', class: 'wide' }, t('dashboard.year.completion')))),
    el('tbody', {}, FIGURES.map(f => el('tr', { 'data-figure': f.key },
      el('th', { scope: 'row' }, f.name),
      el('td', { class: 'num ytd' }, f.money ? money(ytd[f.key]) : number(ytd[f.key])),
      el('td', { class: 'num yoy' }, growth(yoy[f.key])),
      el('td', { class: 'num target' }, target(ytd[f.key], done[f.key], f.money)),
      el('td', { class: 'completion' }, completion(done[f.key], elapsed, f.name)))))));
}

function completion(value, elapsed, name) {
  if (value === null || value === undefined) return el('span', { class: 'muted' }, '—');
  return el('div', { class: 'done-of' }, bar(value, elapsed, t('dashboard.year.completionOf', { name })),
    el('span', { class: 'pct' }, percent(value)));
}

/** A change on the year before, with an arrow for the eye (screen readers read the signed number). */
function growth(v) {
  if (v === null || v === undefined) return el('span', { class: 'change', title: t('dashboard.year.noYoy') }, '—');
  const n = Number(v);
  const direction = n > 0 ? 'up' : n < 0 ? 'down' : 'flat';
  return el('span', { class: 'change ' + direction },
    el('span', { 'aria-hidden': 'true' }, n > 0 ? '▲ ' : n < 0 ? '▼ ' : ''), change(v));
}

function planByGroup(rows, elapsed) {
  if (!rows.length) return el('p', { class: 'muted' }, t('dashboard.plan.empty'));
  const head = [t('dashboard.groups.planned'), t('plan.investment'), t('dashboard.groups.started'), t('rate.start'),
    t('rate.investment'), t('rate.fulfilment'), t('dashboard.groups.startsYtd'), t('dashboard.groups.investmentYtd')];
  const cell = (content, cls) => el('td', { class: cls || 'num' }, content);
  return el('div', { class: 'table-wrap' }, el('table', { id: 'plan-groups' },
    el('caption', { class: 'visually-hidden' }, t('dashboard.groups.caption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('dashboard.groups.group')),
      head.map(h => el('th', { scope: 'col', class: 'num' }, h)),
      el('th', { scope: 'col', class: 'wide' }, t('dashboard.groups.investmentTarget')))),
    el('tbody', {}, rows.map(r => {
      const planned = r.planned || {};
      const rates = r.rates || {};
      const ytd = r.ytd || {};
      const yoy = r.yoy || {};
      return el('tr', { 'data-group': groupKey(r.group) },
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

/** The columns of a row's group: what it is grouped by, the place's code (and any other addition) left aside. */
const groupColumns = g => FILTERS.filter(k => k in g);
/**
 * One of a group's values as the language writes it: a sector by its name; a place by the national list's name in
 * this language where the row carries the place's code ({@code regionCode}), else as the projects name it.
 */
function groupValue(g, k) {
  if (g[k] === null || g[k] === undefined) return t('dashboard.group.none');
  if (k === 'sector') return sectorName(g[k]);
  return (placeNames.get(g.regionCode) || {})[k] ?? g[k];
}
const groupLabel = g => groupColumns(g).map(k => groupValue(g, k)).join(' / ') || t('dashboard.group.all');
/** A group as its values are (for tests and scripts), whatever the language: '' for none. */
const groupKey = g => groupColumns(g).map(k => g[k] ?? '').join(' / ');

/** Per quarter and group; groups beyond the largest few are summed as "Other" so a chart stays legible. */
function byGroup(rows, quarters, value) {
  const totals = new Map();
  rows.forEach(r => totals.set(groupLabel(r.group), (totals.get(groupLabel(r.group)) || 0) + Number(value(r) || 0)));
  const ranked = [...totals.keys()].sort((a, b) => totals.get(b) - totals.get(a));
  const kept = new Set(ranked.slice(0, ranked.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES));
  const series = new Map([...kept].map(g => [g, quarters.map(() => 0)]));
  rows.forEach(r => {
    const g = kept.has(groupLabel(r.group)) ? groupLabel(r.group) : t('dashboard.group.other');
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
  charts[id] = charts[id] || echarts.init(box, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
  const fmt = money ? yuanShort : count;
  // every quarter named, slanted where they would touch
  const slanted = quarters.length * (lang === 'zh' ? 110 : 60) > box.clientWidth;
  charts[id].setOption({
    animation: false,
    grid: { left: 8, right: 12, top: series.length > 1 ? 44 : 16, bottom: 8, containLabel: true },
    legend: { show: series.length > 1, type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    xAxis: { type: 'category', data: quarters.map(quarterName), axisLabel: { interval: 0, rotate: slanted ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: money ? 0 : 1, axisLabel: { formatter: fmt } },
    series,
  }, { notMerge: true });
}

function renderCharts(rows) {
  const quarters = [...new Set(rows.map(r => r.quarter))];
  chart('c-value', quarters, byGroup(rows, quarters, r => r.signed.contractValue), true);
  chart('c-projects', quarters, [
    { name: t('figure.starts'), type: 'bar', data: totals(rows, quarters, r => r.started.count) },
    { name: t('figure.operational'), type: 'bar', data: totals(rows, quarters, r => r.operational.count) }], false);
  chart('c-investment', quarters, byGroup(rows, quarters, r => r.investmentCompleted), true);
  chart('c-jobs', quarters, byGroup(rows, quarters, r => r.jobsCreated), false);
  chart('c-pipeline', quarters, STAGES.map(s => ({ name: stageName(s), type: 'bar', stack: 'eoq',
    data: totals(rows, quarters, r => r.endOfQuarter[s]) })), false);
}

function renderTable(rows) {
  const columns = rows.length ? groupColumns(rows[0].group) : [];
  const num = (v, money) => el('td', { class: 'num' }, money ? yuan(v) : count(v));
  document.querySelector('#rows thead').replaceChildren(el('tr', {},
    el('th', { scope: 'col' }, t('dashboard.rows.quarter')), columns.map(c => el('th', { scope: 'col' }, COLUMNS[c])),
    [t('dashboard.rows.signed'), t('figure.signedValue'), t('project.plannedJobs'), t('figure.starts'),
      t('figure.operational'), t('dashboard.rows.suspended'), t('dashboard.rows.cancelled'), t('figure.investmentCompleted'),
      t('figure.fundsInPlace'), t('figure.jobsCreated')].map(h => el('th', { scope: 'col', class: 'num' }, h)),
    STAGES.map(s => el('th', { scope: 'col', class: 'num' }, t('dashboard.rows.endOf', { stage: stageName(s) }))),
    [t('dashboard.rows.inPlan'), t('plan.investment'), t('rate.start'), t('rate.investment'), t('rate.fulfilment')]
      .map(h => el('th', { scope: 'col', class: 'num' }, h))));
  document.querySelector('#rows tbody').replaceChildren(...rows.map(r => el('tr', {},
    el('th', { scope: 'row', class: 'nowrap' }, quarterName(r.quarter)), columns.map(c => el('td', {}, groupValue(r.group, c))),
    num(r.signed.count), num(r.signed.contractValue, true), num(r.signed.plannedJobs),
    num(r.started.count), num(r.operational.count), num(r.suspended.count), num(r.cancelled.count),
    num(r.investmentCompleted, true), num(r.fundsInPlace, true), num(r.jobsCreated),
    STAGES.map(s => num(r.endOfQuarter[s])),
    el('td', { class: 'num' }, number(r.planned?.count)), el('td', { class: 'num' }, orDash(r.planned?.investment, yuan)),
    [r.rates?.startRate, r.rates?.investmentCompletionRate, r.rates?.fulfilmentRate]
      .map(v => el('td', { class: 'num' }, percent(v))))));
}

/** A project's place without the levels the filter names (all of Shuangyashan: only the district). */
function place(project, names = {}) {
  return PLACES.slice(picker.value().length).map(k => names[k] ?? project[k]).filter(Boolean).join(' / ') || '—';
}

/** The sectors to filter by: intake's catalogue (when it can be read) and any the rows named, by name. */
let sectors = [];
function offerSectors() {
  const select = form.elements.sector;
  const chosen = select.value;
  const codes = [...new Set([...sectors, ...seen.sector, ...(chosen ? [chosen] : [])])];
  select.replaceChildren(el('option', { value: '' }, t('dashboard.filters.any')),
    ...codes.map(c => el('option', { value: c }, sectorName(c))));
  select.value = chosen;
}

async function loadSectors() {
  const r = await api(`${intakeAddress()}/api/sectors`);
  if (r.ok) sectors = r.data.map(s => s.code);
  offerSectors();
}

const statusAddress = () => addressOf(STATUS);

/**
 * Intake's projects of the report's place, projects and park whose contract value is at least the band's: the
 * first {@code wanted} of them (a reload keeps as many as were shown). Intake is another service, at this host's
 * port 8081 or where the user's "Where the projects come from" says.
 */
async function loadProjects() {
  if (!token()) return;
  await placing;
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
    return showProblem(projectsForm, r.problem, r.status === 0 ? t('dashboard.projects.unreachable', { address: intakeAddress() }) : '');
  }
  clearProblem(projectsForm);
  const { items, total } = r.data;
  const names = await placeNamesOfAll(items.map(x => x.regionCode), intakeAddress());
  if (call !== listing) return;
  counted.textContent = tn('dashboard.projects.count', total)
    + (items.length < total ? ' ' + t('dashboard.projects.shown', { shown: count(items.length) }) : '');
  more.hidden = items.length >= total || wanted >= MAX_PAGE;
  tbody.replaceChildren(...items.map(x => el('tr', { 'data-code': x.code },
    el('td', { class: 'nowrap' }, x.code), el('td', {}, x.name), el('td', {}, x.investor),
    el('td', {}, place(x, names.get(x.regionCode))), el('td', {}, x.park ?? '—'),
    el('td', { class: 'nowrap' }, day(x.signedOn)), el('td', { class: 'num' }, yuan(x.contractValue)),
    el('td', {}, (x.designations || []).map(d => el('span', { class: 'badge key' }, designationName(d)))),
    el('td', {}, x.stage ? el('span', { class: 'badge ' + x.stage }, stageName(x.stage)) : ''))));
}

/** The significant digits of a GB/T 2260 code: a place's code is a prefix of the codes of the places inside it. */
const significant = code => code.replace(/(00)+$/, '');
/** The finer of two codes of which one holds the other (a group's and the report's filter), either may be absent. */
const finer = (a, b) => !a || b && significant(b).length > significant(a).length ? b : a;

/**
 * The watch list's filters for a group of the report: the report's place, sector and key projects, narrowed to the
 * group (its place by code where it has one, else by its names, which status resolves as reporting does); null
 * where the watch list cannot select the group: by park (status knows no parks) or the part of a city that names no
 * district.
 */
function watchFilters(group) {
  const report = shown.filters;
  if (report.get('park') || 'park' in group) return null;
  const levels = PLACES.filter(k => k in group);
  if (levels.some(k => group[k] === null || group[k] === undefined)) return null;
  const p = new URLSearchParams();
  WATCH_FILTERS.forEach(k => report.get(k) && p.set(k, report.get(k)));
  if (group.regionCode) {
    levels.forEach(k => p.delete(k));
    p.set('regionCode', finer(group.regionCode, report.get('regionCode')));
  } else {
    levels.forEach(k => p.set(k, group[k]));
  }
  if (group.sector) p.set('sector', group.sector);
  return p;
}

/** Status's watch list for these filters at {@code level}: {ok, data: {items, total}, ...} as {@link api} answers. */
function watchList(filters, level, size) {
  const p = new URLSearchParams(filters);
  p.set('level', level);
  p.set('size', size);
  return api(`${statusAddress()}/api/watchlist?${p}`);
}

/** Says once that status cannot be read (where it is may be told under "Where the watch list comes from"). */
function statusProblem(r) {
  showProblem(statusForm, r.problem, r.status === 0 ? t('dashboard.attention.unreachable', { address: statusAddress() }) : '');
}

/**
 * The red and yellow projects of each group of the last quarter shown, today (the watch list has no past): a
 * count leads to the projects. A few groups are asked at a time; a later render answers for the filters chosen.
 */
async function renderLights(rows) {
  const call = ++lighting;
  const last = rows.length ? rows[rows.length - 1].quarter : null;
  const groups = rows.filter(r => r.quarter === last).map(r => r.group);
  const lines = groups.map(g => el('tr', { 'data-group': groupKey(g) }, el('th', { scope: 'row' }, groupLabel(g)),
    LEVELS.map(level => el('td', { class: 'num ' + level }, '…'))));
  document.querySelector('#attention-groups tbody').replaceChildren(...lines);
  clearProblem(statusForm);
  const queue = groups.map((g, i) => [g, lines[i]]);
  const refused = [];
  await Promise.all([1, 2, 3, 4].map(async () => {
    for (let next = queue.shift(); next && call === lighting; next = queue.shift()) refused.push(...await light(...next, call));
  }));
  if (call !== lighting) return;
  if (refused.length) statusProblem(refused[0]); // once, not once a cell
  if (watching) showWatchList(watching.group, watching.level, watching.wanted, false);
}

/** Counts a group's lights into its line; answers the refusals met (status away, say). */
async function light(group, line, call) {
  const refused = [];
  const filters = watchFilters(group);
  for (const level of LEVELS) {
    const cell = line.querySelector('td.' + level);
    if (!filters) {
      cell.replaceChildren(el('span', { class: 'muted', title: t('dashboard.attention.cannot') }, '—'));
      continue;
    }
    const r = await watchList(filters, level, 1);
    if (call !== lighting) return refused;
    if (!r.ok) {
      cell.replaceChildren('—');
      refused.push(r);
      continue;
    }
    const n = r.data.total;
    cell.replaceChildren(n === 0 ? count(0) : el('a', { href: '#attention-list', class: 'light ' + level,
      'data-level': level, title: t('dashboard.attention.show'),
      onclick: ev => { ev.preventDefault(); showWatchList(group, level, WATCH_PAGE, true); } }, count(n)));
  }
  return refused;
}

/**
 * The first {@code wanted} projects of a group at a level, worst first, each with its reasons and a link to its
 * status on the status page; {@code focus}: moves to the list (it was asked for).
 */
async function showWatchList(group, level, wanted, focus) {
  const box = document.getElementById('attention-list');
  const filters = watchFilters(group);
  if (!filters) {
    watching = null;
    box.hidden = true;
    return;
  }
  const call = watching = { group, level, wanted };
  const r = await watchList(filters, level, Math.min(wanted, MAX_PAGE));
  if (call !== watching) return;
  if (!r.ok) return statusProblem(r);
  const { items, total } = r.data;
  const names = await placeNamesOfAll(items.map(x => x.regionCode), intakeAddress());
  if (call !== watching) return;
  const title = document.getElementById('attention-list-title');
  title.textContent = t('dashboard.attention.listTitle', { group: groupLabel(group), level: t('watch.level.' + level) })
    + ' ' + tn('dashboard.projects.count', total)
    + (items.length < total ? ' ' + t('dashboard.projects.shown', { shown: count(items.length) }) : '');
  const more = document.getElementById('watch-more');
  more.hidden = items.length >= total || wanted >= MAX_PAGE;
  document.querySelector('#watch-list tbody').replaceChildren(...items.map(x => el('tr', { 'data-code': x.code },
    el('td', { class: 'nowrap' }, el('a', { href: `${statusAddress()}/?project=${encodeURIComponent(x.projectId)}`,
      target: '_blank', rel: 'noopener', title: t('dashboard.attention.open') }, x.code)),
    el('td', {}, x.name), el('td', {}, placeText(x, names.get(x.regionCode))),
    el('td', {}, el('span', { class: 'badge ' + x.stage }, stageName(x.stage))),
    el('td', {}, el('span', { class: 'light ' + x.level }, t('watch.level.' + x.level))),
    el('td', {}, el('ul', { class: 'reasons' }, x.reasons.map(reason => el('li', { class: 'light ' + reason.level,
      title: reason.detail }, t('watch.reason.' + reason.code), ' ', t('dashboard.attention.since', { day: day(reason.since) }))))))));
  box.hidden = false;
  if (focus) title.focus();
}

/**
 * Whether a changed row (one quarter of one province, city, district and sector) may change what is shown: a quarter
 * shown, or one before it that the years to date and their comparison with the year before add up (from the first
 * quarter of the year before the first shown). A filter the row does not carry (park, designation) cannot rule it
 * out; a place is ruled out by its code where the row has one (names typed may name a coded place too), else by name.
 */
function concerns(row) {
  if (!shown || shown.asOf) return false;
  const q = quarterIndex(row.quarter);
  if (q < (Math.floor(shown.from / 4) - 1) * 4 || q > shown.to) return false;
  const code = row.group.regionCode;
  const place = shown.filters.get('regionCode');
  if (code && place && !code.startsWith(place.replace(/(00)+$/, ''))) return false;
  return FILTERS.every(k => !shown.filters.get(k) || row.group[k] === undefined || (code && PLACES.includes(k))
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
  if (!token()) return setLive('off', t('dashboard.live.off'));
  if (form.elements.asOf.value) return setLive('paused', t('dashboard.live.paused'));
  const controller = stream = new AbortController();
  setLive('off', t('dashboard.live.connecting'));
  try {
    const r = await fetch('/api/reports/stream', { signal: controller.signal,
      headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token() } });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    setLive('live', t('dashboard.live.on'));
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
  setLive('off', t('dashboard.live.reconnecting'));
  retry = setTimeout(listen, 3000);
}

form.addEventListener('submit', async ev => {
  ev.preventDefault();
  await placing; // a place being picked (on the map) is in the address once it is set
  history.replaceState(null, '', address());
  wanted = PAGE;
  watching = null; // the list of a group of the filters before
  document.getElementById('attention-list').hidden = true;
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

document.getElementById('watch-more').addEventListener('click', () => {
  if (watching) showWatchList(watching.group, watching.level, watching.wanted + WATCH_PAGE, false);
});

/**
 * Keeps in this browser where another service is, as typed in {@code input} (blank: its default, this host's port), and
 * then calls {@code then}; refuses what is no http(s) address.
 */
function useAddress(input, form, service, then) {
  const typed = input.value.trim();
  let url = null;
  try { url = typed && new URL(typed); } catch { /* not an address */ }
  if (typed && (!url || !/^https?:$/.test(url.protocol))) {
    return showProblem(form, { title: t('dashboard.address.notAddress'), detail: t('dashboard.address.rule'),
      errors: [{ field: input.name, message: t('dashboard.address.example', { example: `http://127.0.0.1:${service.port}` }) }] });
  }
  clearProblem(form);
  setAddress(service, typed);
  then();
}

document.getElementById('intake-use').addEventListener('click', () => useAddress(intakeInput, projectsForm, INTAKE, () => {
  wanted = PAGE;
  placing = picker.reload();
  loadSectors();
  loadProjects();
}));
document.getElementById('status-use').addEventListener('click', () => useAddress(statusInput, statusForm, STATUS,
  () => renderLights(drawn)));
statusForm.addEventListener('submit', ev => ev.preventDefault());

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

translatePage();
const picker = placePicker({ prefix: 'place', base: intakeAddress, anyLabel: t('dashboard.filters.any'),
  note: t('dashboard.filters.anyNote') });
document.getElementById('place').append(picker.element);
offerQuarters();
readAddress();
intakeInput.value = storedAddress(INTAKE);
intakeInput.placeholder = defaultAddress(INTAKE);
statusInput.value = storedAddress(STATUS);
statusInput.placeholder = defaultAddress(STATUS);
mountSignIn(document.getElementById('session'), 'analyst', { places: intakeAddress });
onSession(async c => {
  if (c) {
    // A person with a jurisdiction opens on it, unless the address names a place.
    const named = ['regionCode', ...PLACES].some(k => new URLSearchParams(location.search).get(k));
    placing = !named && jurisdiction() ? picker.set({ regionCode: jurisdiction() }) : picker.reload();
    loadSectors();
    await openOnTheData(form, defaults(), setControl);
    load();
    loadProjects();
    listen();
  } else {
    stopListening();
    setLive('off', t('dashboard.live.off'));
  }
});
