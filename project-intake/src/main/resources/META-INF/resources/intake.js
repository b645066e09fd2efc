// Contract intake: enter a signed contract (with its phases, key-project lists, park and the investor's promise),
// import a spreadsheet of them, find recent ones, correct one, set a project's annual plans; admins set a place's
// annual targets. The contract's
// two forms are built from one description of its fields, so they cannot drift apart; errors come from the server.
import { FIGURES, api, clearProblem, day, designationName, echoAmount, el, json, locale, moment, mountSignIn,
  onSession, placeNamesOfAll, placePicker, placeText, prune, randomKey, sectorName, setPath, showProblem, t, tn, today,
  token, translatePage, valueOf, yuan } from '/assets/landfall.js';

/** The contract's fields around its place, which {@link placePicker} picks. {@code money}: yuan, echoed as typed. */
const FIELDS = [
  { name: 'name', label: t('project.name'), required: true, maxlength: 200, wide: true },
  { name: 'investor', label: t('project.investor'), required: true, maxlength: 200, wide: true },
];
const MORE_FIELDS = [
  { name: 'park', label: t('project.park'), maxlength: 200 },
  { name: 'sector', label: t('project.sector'), required: true, sectors: true },
  { name: 'signedOn', label: t('project.signedOn'), type: 'date', required: true },
  { name: 'contractValue', label: t('project.contractValueYuan'), money: true, required: true },
  { name: 'plannedJobs', label: t('project.plannedJobs'), number: true },
  { name: 'plannedStartOn', label: t('project.plannedStartOn'), type: 'date' },
  { name: 'plannedOperationalOn', label: t('project.plannedOperationalOn'), type: 'date' },
];
const CAPACITY = [
  { name: 'plannedCapacity.value', label: t('project.capacityValue'), number: true },
  { name: 'plannedCapacity.unit', label: t('project.capacityUnit'), maxlength: 30, placeholder: 'GWh' },
];
/** The investor's promise once in operation, yuan a year. */
const PROMISE = [
  { name: 'expectedAnnualSales', label: t('project.expectedAnnualSales'), money: true },
  { name: 'expectedAnnualProfit', label: t('project.expectedAnnualProfit'), money: true },
  { name: 'expectedAnnualTax', label: t('project.expectedAnnualTax'), money: true },
];
const SOURCE = [
  { name: 'source.title', label: t('project.sourceTitle'), maxlength: 500, wide: true },
  { name: 'source.url', label: t('project.sourceUrl'), type: 'url', maxlength: 2000, placeholder: 'https://' },
  { name: 'source.publishedOn', label: t('project.sourcePublishedOn'), type: 'date' },
];
const PHASE = [
  { name: 'investment', label: t('project.phaseInvestment'), money: true },
  { name: 'capacity.value', label: t('project.capacity'), number: true },
  { name: 'capacity.unit', label: t('project.capacityUnit'), maxlength: 30, placeholder: 'GWh' },
];
const KEYS = ['name', 'investor', 'province', 'city', 'district', 'regionCode', 'sector', 'signedOn', 'contractValue',
  'plannedJobs', 'plannedCapacity', 'phases', 'plannedStartOn', 'plannedOperationalOn', 'source', 'designations',
  'park', 'expectedAnnualSales', 'expectedAnnualProfit', 'expectedAnnualTax'];
const YEAR = { name: 'year', label: t('plan.year'), required: true, maxlength: 4, inputmode: 'numeric' };
const PLAN = [YEAR, { name: 'plannedInvestment', label: t('plan.investmentYuan'), money: true, required: true }];
const PLACE = [YEAR,
  { name: 'province', label: t('place.province'), required: true, maxlength: 100 },
  { name: 'city', label: t('place.city'), maxlength: 100 },
  { name: 'district', label: t('place.district'), maxlength: 100 }];
/** A place's annual targets, named as the dashboard names them; each optional (empty: no target). */
const TARGETS = FIGURES.filter(f => f.key !== 'operational').map(f => ({ name: f.key, money: f.money,
  number: !f.money, label: f.money ? t('common.inYuan', { name: f.name }) : f.name }));
/** The named controls whose value is text, but for the place (see placePicker); checkboxes are read by their own code. */
const TEXT_CONTROLS = 'input[name]:not([type="checkbox"]):not([data-place]), select[name]:not([data-place])';

let sectors = [];
let designations = [];

function field(prefix, f, path = f.name) {
  const id = `${prefix}-${path.replace(/[^\w]+/g, '-')}`;
  const attrs = { id, name: path, required: f.required, maxlength: f.maxlength, placeholder: f.placeholder };
  const numeric = f.number || f.money;
  const control = f.sectors
    ? el('select', attrs, el('option', { value: '' }, t('intake.chooseSector')),
      sectors.map(s => el('option', { value: s.code }, sectorName(s.code, s.name))))
    : el('input', { ...attrs, type: f.type || 'text', inputmode: f.inputmode || (numeric ? 'decimal' : null),
      'data-type': numeric ? 'number' : null, autocomplete: 'off' });
  return el('div', { class: 'field' + (f.wide ? ' wide' : '') },
    el('label', { for: id }, f.label, f.required ? '' : el('span', { class: 'opt' }, ' ', t('common.optional'))),
    control, f.money ? echoAmount(control) : null);
}

const fields = (prefix, list) => el('div', { class: 'fields' }, list.map(f => field(prefix, f)));

/** A checkbox with its label after it; {@code id} is {@code prefix-name-value}. */
function checkbox(prefix, name, value, label, checked) {
  const id = `${prefix}-${name}` + (value === undefined ? '' : `-${value}`);
  return el('label', { class: 'choice', for: id },
    el('input', { type: 'checkbox', id, name, value, checked }), label);
}

/** The checkboxes of the designations catalogue (empty until it is loaded), keeping the codes given as checked. */
function designationBoxes(prefix, checked) {
  return designations.map(d => checkbox(prefix, 'designations', d.code,
    designationName(d.code, d.name), checked.includes(d.code)));
}

function phaseRow(prefix, container, index) {
  const row = el('fieldset', { class: 'phase', 'data-group': `phases[${index}]` },
    el('legend', {}, t('intake.phase', { number: index + 1 })),
    el('div', { class: 'fields' }, PHASE.map(f => field(prefix, f, `phases[${index}].${f.name}`))),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'danger',
      onclick: () => removePhase(prefix, container, row) }, t('intake.removePhase', { number: index + 1 }))));
  return row;
}

function addPhase(prefix, container) {
  const row = phaseRow(prefix, container, container.children.length);
  container.append(row);
  row.querySelector('input').focus();
}

/** Removes a phase and numbers the rest 1..n again, keeping what was typed in them. */
function removePhase(prefix, container, row) {
  row.remove();
  const values = [...container.children].map(r => PHASE.map(f => r.querySelector(`[name$=".${f.name}"]`).value));
  container.replaceChildren(...values.map((v, i) => {
    const r = phaseRow(prefix, container, i);
    PHASE.forEach((f, j) => { r.querySelector(`[name="phases[${i}].${f.name}"]`).value = v[j]; });
    r.querySelectorAll('.echo').forEach(e => e.refresh());
    return r;
  }));
}

const optional = text => [text, el('span', { class: 'opt' }, ' ', t('common.optional'))];

/** The contract's controls, in {@code holder} (its place picker as {@code holder.picker}); ids start with {@code prefix}. */
function buildContract(holder, prefix) {
  const phases = el('div', { class: 'phases' });
  holder.picker = placePicker({ prefix, required: ['province', 'city'], anyLabel: t('place.none') });
  holder.replaceChildren(
    fields(prefix, FIELDS),
    el('div', { class: 'spaced' }, holder.picker.element),
    el('div', { class: 'spaced' }, fields(prefix, MORE_FIELDS)),
    el('fieldset', { class: 'spaced', 'data-group': 'designations' },
      el('legend', {}, optional(t('intake.designations'))),
      el('div', { class: 'choices', 'data-prefix': prefix }, designationBoxes(prefix, []))),
    el('fieldset', { class: 'spaced', 'data-group': 'plannedCapacity' },
      el('legend', {}, optional(t('intake.plannedCapacity'))), fields(prefix, CAPACITY)),
    el('fieldset', { class: 'spaced', 'data-group': 'phases' }, el('legend', {}, optional(t('intake.phases'))),
      el('p', { class: 'muted' }, t('intake.phasesHelp')),
      phases,
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: `${prefix}-add-phase`,
        onclick: () => addPhase(prefix, phases) }, t('intake.addPhase')))),
    el('fieldset', { class: 'spaced' }, el('legend', {}, optional(t('intake.promise'))), fields(prefix, PROMISE)),
    el('fieldset', { class: 'spaced', 'data-group': 'source' }, el('legend', {}, optional(t('intake.source'))),
      fields(prefix, SOURCE)));
  return holder.picker.set();
}

/** The text controls of {@code holder} as the API reads them (see valueOf); blank ones are left out. */
function valuesOf(holder) {
  const c = {};
  holder.querySelectorAll(TEXT_CONTROLS).forEach(i => {
    const v = valueOf(i);
    if (v !== undefined) setPath(c, i.name, v);
  });
  return prune(c);
}

/**
 * The contract in {@code holder} as the API reads it; blank optional fields are left out. Its place: the names
 * picked or typed, and the GB/T 2260 code of the finest level picked from the list (a name typed below it, such as
 * a development zone, is kept by intake as given).
 */
function contractOf(holder) {
  const c = valuesOf(holder);
  const place = holder.picker.value();
  place.forEach(p => { c[p.level] = p.name; });
  const coded = place.filter(p => p.code);
  if (coded.length) c.regionCode = coded[coded.length - 1].code;
  [...holder.querySelectorAll('.phase')].forEach((row, i) => {
    c.phases = c.phases || [];
    c.phases[i] = { number: i + 1, ...(c.phases[i] || {}) };
  });
  c.designations = [...holder.querySelectorAll('input[name="designations"]:checked')].map(i => i.value);
  return c;
}

/** Writes {@code values} into the text controls of {@code holder} (a control without a value is emptied). */
function setValues(holder, values) {
  holder.querySelectorAll(TEXT_CONTROLS).forEach(i => {
    const v = i.name.replace(/\[(\d+)\]/g, '.$1').split('.').reduce((o, k) => (o == null ? o : o[k]), values);
    i.value = v == null ? '' : typeof v === 'number' ? v.toLocaleString('en', { useGrouping: false, maximumFractionDigits: 6 }) : v;
  });
  holder.querySelectorAll('.echo').forEach(e => e.refresh());
}

/** Puts {@code project} into the contract's controls; resolves once its place is picked. */
function fill(holder, prefix, project) {
  const phases = holder.querySelector('.phases');
  phases.replaceChildren(...(project.phases || []).map((_, i) => phaseRow(prefix, phases, i)));
  setValues(holder, project);
  holder.querySelectorAll('input[name="designations"]').forEach(i => {
    i.checked = (project.designations || []).includes(i.value);
  });
  return holder.picker.set(project);
}

/**
 * Sends the values of {@code holder} that belong to a year: {@code request(year, values)} answers the call's path
 * and options ({@code year} URI-encoded, {@code values} without it). Shows a refusal in {@code form} beside its
 * fields, as any, and otherwise the text {@code done(answer, year, values)} makes of the answer. The year is part of the
 * path, so an empty one cannot even be sent: the page refuses it itself, in the server's words.
 */
async function byYear(form, holder, request, done) {
  const notice = form.querySelector('.notice');
  notice.replaceChildren();
  const { year, ...values } = valuesOf(holder);
  if (year === undefined) {
    return showProblem(form, { title: t('error.invalid'), detail: `year${t('common.colon')}${t('error.empty')}`,
      errors: [{ field: 'year', message: t('error.empty') }] });
  }
  const r = await api(...request(encodeURIComponent(year), values));
  if (!r.ok) return showProblem(form, r.problem);
  clearProblem(form);
  notice.append(done(r.data, year, values));
}

// --- Entering a contract -------------------------------------------------------------------------------------
const sign = document.getElementById('sign');
const signFields = document.getElementById('sign-fields');
let idempotencyKey = randomKey();

sign.addEventListener('submit', async ev => {
  ev.preventDefault();
  const notice = sign.querySelector('.notice');
  notice.replaceChildren();
  // The same key until the contract is stored: a retry after a lost answer cannot enter it twice.
  const r = await api('/api/projects', { method: 'POST', body: json(contractOf(signFields)),
    headers: { 'Idempotency-Key': idempotencyKey } });
  if (!r.ok) {
    const existing = r.problem.existingProjectId;
    showProblem(sign, r.problem, existing ? el('button', { type: 'button', class: 'secondary',
      onclick: () => openCorrection(existing) }, t('intake.sign.openExisting')) : null);
    return;
  }
  clearProblem(sign);
  idempotencyKey = randomKey();
  buildContract(signFields, 'new');
  const entered = r.data;
  notice.append(t('intake.sign.entered', { code: entered.code, name: entered.name, value: yuan(entered.contractValue) }),
    ' ', el('button', { type: 'button', class: 'secondary', id: 'new-plans', onclick: () => openPlans(entered) },
      t('intake.sign.setPlans')));
  notice.dataset.code = entered.code;
  notice.dataset.id = entered.id;
  listProjects();
});
sign.addEventListener('reset', () => setTimeout(() => { clearProblem(sign); buildContract(signFields, 'new'); }));

// --- Importing a spreadsheet ---------------------------------------------------------------------------------
const importForm = document.getElementById('import');
const progress = document.getElementById('import-progress');
const percent = document.getElementById('import-percent');
const refused = document.getElementById('import-refused');

/**
 * Posts {@code file} as the {@code file} part of a form, as a file input's form would, calling {@code sent(share)}
 * as the upload goes (XMLHttpRequest reports an upload's progress; fetch does not). Resolves to {status, body}: the
 * body parsed where it is JSON, else null; status 0 when the service cannot be reached.
 */
function upload(path, file, sent) {
  return new Promise(resolve => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', locale);
    xhr.setRequestHeader('Authorization', 'Bearer ' + token());
    xhr.upload.addEventListener('progress', e => { if (e.lengthComputable) sent(e.loaded / e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch { /* an answer that is not JSON is told by its status */ }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => resolve({ status: 0, body: null }));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function showUploaded(share) {
  progress.value = Math.round(share * 100);
  percent.textContent = share < 1 ? t('intake.import.sending', { percent: progress.value }) : t('intake.import.checking');
}

/** Clears what the last import showed: its refusal, its refused lines and its notice. */
function clearImport() {
  clearProblem(importForm);
  refused.hidden = true;
  refused.querySelector('tbody').replaceChildren();
  document.getElementById('import-more').textContent = '';
  const notice = importForm.querySelector('.notice');
  notice.replaceChildren();
  delete notice.dataset.count;
}

/**
 * A refusal of the file: the problem's title and detail, and each refused line beside its error (the server lists
 * the first ones and counts them all in {@code errorCount}). Nothing of the file was stored.
 */
function showRefusal(status, problem) {
  const p = problem && problem.title ? problem : status === 0
    ? { title: t('error.network'), detail: t('error.unreachable') } : { title: t('error.http', { status }), detail: '' };
  const errors = p.errors || [];
  showProblem(importForm, { title: p.title, detail: p.detail });
  refused.querySelector('tbody').replaceChildren(...errors.map(e => el('tr', { 'data-line': e.line ?? '' },
    el('td', { class: 'num' }, e.line ?? ''), el('td', {}, el('code', {}, e.field ?? '')), el('td', {}, e.message))));
  const more = (p.errorCount ?? errors.length) - errors.length;
  document.getElementById('import-more').textContent = more > 0 ? tn('intake.import.more', more) : '';
  refused.hidden = !errors.length;
}

importForm.addEventListener('submit', async ev => {
  ev.preventDefault();
  clearImport();
  const file = importForm.elements.file.files[0];
  if (!file) {
    return showProblem(importForm, { title: t('error.invalid'), detail: t('intake.import.noFile'),
      errors: [{ field: 'file', message: t('intake.import.noFile') }] });
  }
  const button = importForm.querySelector('button[type="submit"]');
  button.disabled = true;
  progress.hidden = false;
  showUploaded(0);
  const r = await upload('/api/projects/imports', file, showUploaded);
  button.disabled = false;
  percent.textContent = '';
  if (r.status < 200 || r.status > 299) return showRefusal(r.status, r.body);
  const notice = importForm.querySelector('.notice');
  notice.dataset.count = r.body.count;
  notice.append(tn('intake.import.accepted', r.body.count, { name: file.name }),
    el('ul', { class: 'codes' }, r.body.accepted.map(a => el('li', { class: 'badge', 'data-line': a.line,
      title: t('intake.import.fromLine', { line: a.line }) }, a.code))));
  importForm.elements.file.value = '';
  listProjects();
});

/**
 * Saves what {@code path} answers as a file, under the name the server gives it: a plain link could not send the
 * token. A refusal shows in the import's form.
 */
async function download(path) {
  clearImport();
  const r = await api(path, { accept: '*/*' });
  if (!r.ok) return showProblem(importForm, r.problem);
  const disposition = r.response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const ascii = /filename="([^"]+)"/i.exec(disposition);
  const link = el('a', { href: URL.createObjectURL(await r.response.blob()),
    download: utf8 ? decodeURIComponent(utf8[1]) : ascii ? ascii[1] : path.split('/').pop() });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
}

document.getElementById('template-xlsx').addEventListener('click', () => download('/api/projects/imports/template.xlsx'));
document.getElementById('template-csv').addEventListener('click', () => download('/api/projects/imports/template.csv'));
// The ledger (台账) of the contracts the search finds, every field a column, headers in the page's language.
document.getElementById('ledger-xlsx').addEventListener('click', () => download('/api/projects.xlsx?' + searchParams()));

// --- Recent contracts ----------------------------------------------------------------------------------------
const search = document.getElementById('search');
search.addEventListener('submit', ev => { ev.preventDefault(); listProjects(); });

/** The search's filters as a query: the list's, and the ledger's. */
function searchParams() {
  const p = new URLSearchParams();
  if (search.elements.q.value.trim()) p.set('q', search.elements.q.value.trim());
  return p;
}

async function listProjects() {
  if (!token()) return;
  const p = searchParams();
  p.set('size', '20');
  const r = await api('/api/projects?' + p);
  const body = document.querySelector('#projects tbody');
  if (!r.ok) {
    document.getElementById('list-count').textContent = r.problem.detail;
    return body.replaceChildren();
  }
  document.getElementById('list-count').textContent = tn('intake.list.count', r.data.total)
    + (r.data.total > r.data.items.length ? ' ' + t('intake.list.shown', { shown: r.data.items.length }) : '');
  const badge = code => el('span', { class: 'badge key' },
    designationName(code, designations.find(x => x.code === code)?.name));
  const names = await placeNamesOfAll(r.data.items.map(p => p.regionCode));
  body.replaceChildren(...r.data.items.map(p => el('tr', { 'data-code': p.code },
    el('td', {}, p.code), el('td', {}, p.name, (p.designations || []).length ? el('br') : null,
      (p.designations || []).map(badge)),
    el('td', {}, p.investor),
    el('td', {}, placeText(p, names.get(p.regionCode)),
      p.park ? el('div', { class: 'muted' }, p.park) : null),
    el('td', {}, sectorName(p.sector, sectors.find(s => s.code === p.sector)?.name)),
    el('td', { class: 'nowrap' }, day(p.signedOn)), el('td', { class: 'num' }, yuan(p.contractValue)),
    el('td', { class: 'nowrap' },
      el('button', { type: 'button', class: 'secondary', 'aria-label': t('intake.list.correctOf', { code: p.code }),
        'data-action': 'correct', onclick: () => openCorrection(p.id) }, t('intake.list.correct')), ' ',
      el('button', { type: 'button', class: 'secondary', 'aria-label': t('intake.list.plansOf', { code: p.code }),
        'data-action': 'plans', onclick: () => openPlans(p) }, t('intake.list.plans'))))));
}

// --- Correcting a contract -----------------------------------------------------------------------------------
const section = document.getElementById('correction');
const fix = document.getElementById('fix');
const fixFields = document.getElementById('fix-fields');
let correcting = null;

/** Each field's JSON as loaded: the correction sends only the fields whose JSON differs. */
function snapshot() {
  const c = contractOf(fixFields);
  return Object.fromEntries(KEYS.map(k => [k, c[k] === undefined ? undefined : json(c[k])]));
}

async function openCorrection(id) {
  const r = await api('/api/projects/' + encodeURIComponent(id));
  if (!r.ok) return;
  buildContract(fixFields, 'fix');
  await fill(fixFields, 'fix', r.data);
  correcting = { id, project: r.data, before: snapshot() };
  fix.elements.reason.value = '';
  clearProblem(fix);
  fix.querySelector('.notice').replaceChildren();
  document.getElementById('fix-title').textContent = t('intake.fix.title', { code: r.data.code, name: r.data.name });
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
  fix.querySelector('input').focus();
  listCorrections();
}

async function listCorrections() {
  const r = await api(`/api/projects/${correcting.id}/corrections`);
  const list = document.getElementById('corrections');
  if (!r.ok || !r.data.length) return list.replaceChildren(el('li', {}, t('intake.fix.none')));
  list.replaceChildren(...r.data.map(c => el('li', {}, t('intake.fix.entry', { at: moment(c.correctedAt),
    by: c.correctedBy, reason: c.reason, fields: (c.changes || []).map(x => x.field).join(', ') }))));
}

fix.addEventListener('submit', async ev => {
  ev.preventDefault();
  const after = snapshot();
  const changes = {};
  for (const k of KEYS) {
    if (after[k] !== correcting.before[k]) changes[k] = after[k] === undefined ? 'null' : after[k];
  }
  const body = `{"reason":${JSON.stringify(fix.elements.reason.value.trim())},"changes":{${
    Object.entries(changes).map(([k, v]) => JSON.stringify(k) + ':' + v).join(',')}}}`;
  const r = await api(`/api/projects/${correcting.id}/corrections`, { method: 'POST', body });
  if (!r.ok) return showProblem(fix, r.problem);
  clearProblem(fix);
  correcting.before = snapshot();
  fix.elements.reason.value = '';
  fix.querySelector('.notice').replaceChildren(t('intake.fix.done', { code: r.data.code, revision: r.data.revision }));
  listCorrections();
  listProjects();
});
document.getElementById('fix-cancel').addEventListener('click', () => { section.hidden = true; correcting = null; });

// --- A project's annual plans --------------------------------------------------------------------------------
const plansSection = document.getElementById('plans');
const planForm = document.getElementById('plan');
const planFields = document.getElementById('plan-fields');
let planning = null;

planFields.replaceChildren(fields('plan', PLAN),
  el('div', { class: 'spaced' }, checkbox('plan', 'startPlanned', undefined, t('intake.plans.startPlanned'))));

/** Opens the plans of {@code project} (its id, code and name), the year's form on this year. */
async function openPlans(project) {
  planning = project;
  document.getElementById('plans-title').textContent = t('intake.plans.title', { code: project.code, name: project.name });
  clearProblem(planForm);
  planForm.querySelector('.notice').replaceChildren();
  editPlan({ year: Number(today().slice(0, 4)) });
  plansSection.hidden = false;
  plansSection.scrollIntoView({ block: 'start' });
  await listPlans();
  planForm.elements.plannedInvestment.focus();
}

/** Puts a year's plan (or a year without one) into the form. */
function editPlan(plan) {
  setValues(planFields, plan);
  planForm.elements.startPlanned.checked = Boolean(plan.startPlanned);
}

async function listPlans() {
  const body = document.querySelector('#plan-list tbody');
  const r = await api(`/api/projects/${encodeURIComponent(planning.id)}/plans`);
  if (!r.ok) return body.replaceChildren(el('tr', {}, el('td', { colspan: 5 }, r.problem.detail)));
  if (!r.data.length) return body.replaceChildren(el('tr', {}, el('td', { colspan: 5, class: 'muted' }, t('intake.plans.none'))));
  body.replaceChildren(...r.data.map(p => el('tr', { 'data-year': p.year },
    el('th', { scope: 'row' }, p.year),
    el('td', { class: 'num investment' }, yuan(p.plannedInvestment)),
    el('td', { class: 'start' }, p.startPlanned ? t('common.yes') : t('common.no')),
    el('td', { class: 'muted' }, t('common.savedBy', { at: moment(p.recordedAt), by: p.recordedBy })),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'aria-label': t('intake.plans.changeOf', { year: p.year }),
      onclick: () => { editPlan(p); planForm.elements.plannedInvestment.focus(); } }, t('intake.plans.change'))))));
}

planForm.addEventListener('submit', ev => {
  ev.preventDefault();
  byYear(planForm, planFields, (year, plan) => [`/api/projects/${encodeURIComponent(planning.id)}/plans/${year}`,
    { method: 'PUT', body: json({ ...plan, startPlanned: planForm.elements.startPlanned.checked }) }], saved => {
    listPlans();
    const plan = { year: saved.year, code: planning.code, investment: yuan(saved.plannedInvestment) };
    return saved.startPlanned ? t('intake.plans.savedWithStart', plan) : t('intake.plans.savedWithoutStart', plan);
  });
});
document.getElementById('plan-close').addEventListener('click', () => { plansSection.hidden = true; planning = null; });

// --- A place's annual targets (admin) ------------------------------------------------------------------------
const targetsSection = document.getElementById('targets');
const targetForm = document.getElementById('target');
const targetPlace = el('div', {}, fields('target', PLACE));
const targetFigures = el('div', { class: 'spaced' }, fields('target', TARGETS));
document.getElementById('target-fields').replaceChildren(targetPlace, targetFigures);
targetForm.elements.year.value = today().slice(0, 4);

const lower = v => (v ?? '').trim().toLowerCase();

/** Fills the figures with the place's current targets for the year (empty where it has none). */
function lookUpTargets() {
  byYear(targetForm, targetPlace, (year, place) => [`/api/targets/${year}?${new URLSearchParams(place)}`], (sets, year, place) => {
    // The answer holds the places inside this one too: only the place itself is wanted.
    const own = sets.find(t => ['province', 'city', 'district'].every(k => lower(t[k]) === lower(place[k])));
    setValues(targetFigures, own || {});
    return own ? t('intake.targets.found', { year, by: own.recordedBy, at: moment(own.recordedAt) })
      : t('intake.targets.none', { year });
  });
}

targetForm.addEventListener('submit', ev => {
  ev.preventDefault();
  byYear(targetForm, targetForm, (year, targets) => [`/api/targets/${year}`, { method: 'PUT', body: json(targets) }],
    saved => t('intake.targets.saved', { year: saved.year,
      place: [saved.province, saved.city, saved.district].filter(Boolean).join(' · ') }));
});
document.getElementById('target-look-up').addEventListener('click', lookUpTargets);

// --- Start ---------------------------------------------------------------------------------------------------
translatePage();
buildContract(signFields, 'new');
mountSignIn(document.getElementById('session'), 'intake-officer');
onSession(async c => {
  targetsSection.hidden = !(c?.groups || []).includes('admin');
  if (!c) return;
  const [s, d] = await Promise.all([api('/api/sectors'), api('/api/designations')]);
  if (s.ok) {
    sectors = s.data;
    for (const select of document.querySelectorAll('select[name="sector"]')) {
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '' }, t('intake.chooseSector')),
        ...sectors.map(x => el('option', { value: x.code, selected: x.code === chosen }, sectorName(x.code, x.name))));
    }
  }
  if (d.ok) {
    designations = d.data;
    for (const choices of document.querySelectorAll('.choices[data-prefix]')) {
      const checked = [...choices.querySelectorAll('input:checked')].map(i => i.value);
      choices.replaceChildren(...designationBoxes(choices.dataset.prefix, checked));
    }
  }
  signFields.picker.reload();
  listProjects();
});
