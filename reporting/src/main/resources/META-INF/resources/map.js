// The dashboard's map of China by province: the figure chosen beside it, summed over the quarters shown with the
// dashboard's filters, as a choropleth (ECharts' map series), with the same figures as a table for screen readers.
// The provinces are map/china-provinces.json (its NOTICE says where they come from); a report's province is found
// by its regionCode, else by any name that the regions catalogue gives it. Clicking a province narrows the
// dashboard to it.
import { api, count, el, lang, quarterName, t, yuan, yuanShort } from '/assets/landfall.js';

const FIGURES = [
  { key: 'signedValue', of: r => r.signed.contractValue, money: true },
  { key: 'signedCount', of: r => r.signed.count },
  { key: 'started', of: r => r.started.count },
  { key: 'operational', of: r => r.operational.count },
  { key: 'investmentCompleted', of: r => r.investmentCompleted, money: true },
  { key: 'jobsCreated', of: r => r.jobsCreated },
];
const MAP = 'china-provinces';
const ISLANDS = 'china-south-sea-islands';
/** Degrees north: Hainan Island lies above, the island groups of the South China Sea (also Hainan's) below. */
const SOUTH_SEA = 18;
const SHOWN_ELSEWHERE = 3;
/** A name as the catalogue's names are compared: case, spaces, apostrophes and hyphens do not count. */
const plain = name => String(name).toLowerCase().replace(/[\s'’\-.·]+/g, '');

const card = document.getElementById('map-card');
const select = el('select', { id: 'map-figure' }, FIGURES.map(f => el('option', { value: f.key }, t('map.figure.' + f.key))));
const period = el('span', { class: 'muted', id: 'map-period' });
const box = el('div', { class: 'chart map', id: 'map', role: 'img', 'aria-label': t('map.label') });
const note = el('p', { class: 'muted', id: 'map-note', role: 'status' });
const tbody = el('tbody');
card.replaceChildren(el('h2', { id: 'map-title' }, t('map.title')),
  el('div', { class: 'inline' }, el('label', { for: 'map-figure' }, t('map.figure')), select, period),
  box, note,
  el('table', { id: 'map-table', class: 'visually-hidden' }, el('caption', {}, t('map.caption')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('map.province')),
      el('th', { scope: 'col', class: 'num' }, t('map.value')))), tbody));

let provinces = null;
let chart = null;
let shown = null;
let calls = 0;

/** The provinces, registered with ECharts once: each one's names by code, and the code each name stands for. */
function loadProvinces() {
  provinces ??= fetch('/map/china-provinces.json').then(r => {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.json();
  }).then(geo => {
    registerMaps(geo);
    const byCode = new Map(geo.features.map(f => [f.properties.code, f.properties]));
    const byName = new Map(geo.features.flatMap(f => f.properties.names.map(n => [plain(n), f.properties.code])));
    return { byCode, byName };
  }).catch(e => {
    provinces = null; // tried again with the next report
    throw e;
  });
  return provinces;
}

/**
 * The mainland with Hainan Island, and the islands of the South China Sea apart, drawn in a box of their own as
 * maps of China are: at one scale they would leave most of the map empty sea.
 */
function registerMaps(geo) {
  const south = polygon => Math.max(...polygon[0].map(([, latitude]) => latitude)) < SOUTH_SEA;
  const part = (feature, keep) => ({ ...feature,
    geometry: { type: 'MultiPolygon', coordinates: feature.geometry.coordinates.filter(keep) } });
  echarts.registerMap(MAP, { ...geo, features: geo.features.map(f => part(f, p => !south(p))) });
  echarts.registerMap(ISLANDS, { ...geo,
    features: geo.features.map(f => part(f, south)).filter(f => f.geometry.coordinates.length) });
}

/** The province a report row's group stands for: the code's first two digits, else its name; null for none. */
function provinceOf(group, places) {
  const code = group.regionCode ? group.regionCode.slice(0, 2) + '0000' : null;
  return code && places.byCode.has(code) ? code : places.byName.get(plain(group.province ?? '')) ?? null;
}

/**
 * Draws the report of the dashboard's parameters {@code params} grouped by province; a click on a province that
 * holds figures calls {@code onPick} with its code.
 */
export async function drawMap(params, onPick) {
  if (!window.echarts) return;
  const p = new URLSearchParams(params);
  p.set('groupBy', 'province');
  const call = ++calls;
  let answer;
  let places;
  try {
    [answer, places] = await Promise.all([api('/api/reports/quarterly?' + p), loadProvinces()]);
  } catch (e) {
    if (call === calls) note.textContent = t('map.unavailable', { detail: e.message });
    return;
  }
  if (call !== calls) return; // a later call answers for the filters now chosen
  if (!answer.ok) {
    note.textContent = t('map.unavailable', { detail: answer.problem.detail || answer.problem.title });
    return;
  }
  period.textContent = t('map.period', { from: quarterName(p.get('from')), to: quarterName(p.get('to')) });
  shown = { rows: answer.data.rows, places, onPick };
  paint();
}

function paint() {
  const { rows, places } = shown;
  const figure = FIGURES.find(f => f.key === select.value);
  const format = figure.money ? yuanShort : count;
  const values = new Map();
  const named = new Map(); // the name the report groups a province by, for the filter a click sets
  const elsewhere = new Map();
  for (const r of rows) {
    const v = Number(figure.of(r) || 0);
    const code = provinceOf(r.group, places);
    if (code) {
      values.set(code, (values.get(code) || 0) + v);
      if (!named.has(code) && r.group.province) named.set(code, r.group.province);
    } else if (v) {
      elsewhere.set(r.group.province ?? '—', (elsewhere.get(r.group.province ?? '—') || 0) + v);
    }
  }
  const name = code => lang === 'zh' ? places.byCode.get(code).name : places.byCode.get(code).nameEn;
  const codes = [...places.byCode.keys()];
  const data = codes.map(code => ({ name: name(code), value: values.get(code) || 0, code }));
  const max = Math.max(1, ...data.map(d => d.value));
  if (!chart) {
    chart = echarts.init(box, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.on('click', e => {
      if (e.data && shown.named.has(e.data.code)) shown.onPick(e.data.code);
    });
  }
  shown.named = named;
  const html = echarts.format.encodeHTML;
  const series = { type: 'map', nameProperty: 'code', nameMap: Object.fromEntries(codes.map(c => [c, name(c)])), data,
    selectedMode: false, itemStyle: { borderColor: '#fff' } };
  const inset = { right: 6, bottom: 6, width: 64, height: 84 };
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'item', confine: true,
      formatter: e => `${html(e.name)}<br>${html(t('map.tooltip', { figure: t('map.figure.' + figure.key),
        value: format(e.value || 0) }))}` },
    visualMap: { type: 'continuous', min: 0, max, orient: 'horizontal', left: 0, top: 0, itemWidth: 10, itemHeight: 90,
      calculable: false, text: [format(max), format(0)], inRange: { color: ['#eef4fa', '#1f5fa8'] } },
    graphic: [{ type: 'rect', right: inset.right - 4, bottom: inset.bottom - 4, silent: true,
      shape: { width: inset.width + 8, height: inset.height + 8 }, style: { fill: 'none', stroke: '#9aa3b2' } }],
    series: [{ ...series, map: MAP, top: 28, bottom: 4, emphasis: { label: { show: true } } },
      { ...series, map: ISLANDS, ...inset, itemStyle: { borderColor: '#9aa3b2', borderWidth: 0.5 },
        emphasis: { label: { show: false } } }],
  }, { notMerge: true });

  const ranked = data.filter(d => d.value).sort((a, b) => b.value - a.value);
  tbody.replaceChildren(...ranked.map(d => el('tr', { 'data-code': d.code },
    el('th', { scope: 'row' }, d.name), el('td', { class: 'num' }, figure.money ? yuan(d.value) : count(d.value)))));
  const others = [...elsewhere.keys()];
  note.textContent = [
    ranked.length ? (named.size > 1 ? t('map.pick') : '') : t('map.nothing'),
    others.length ? t('map.elsewhere', { places: others.slice(0, SHOWN_ELSEWHERE).join(', ')
      + (others.length > SHOWN_ELSEWHERE ? ` … (${others.length})` : ''),
    value: format([...elsewhere.values()].reduce((s, v) => s + v, 0)) }) : '',
  ].filter(Boolean).join(' ');
}

select.addEventListener('change', () => shown && paint());
window.addEventListener('resize', () => chart?.resize());
