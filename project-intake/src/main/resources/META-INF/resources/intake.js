// Contract intake: enter a signed contract (with its phases), find recent ones, correct one. Both forms are built
// from one description of the contract's fields, so they cannot drift apart; errors come from the server.
import { api, clearProblem, el, json, mountSignIn, onSession, prune, randomKey, setPath, showProblem, token, valueOf, yuan }
  from '/assets/landfall.js';

const FIELDS = [
  { name: 'name', label: 'Project name', required: true, maxlength: 200, wide: true },
  { name: 'investor', label: 'Investor', required: true, maxlength: 200, wide: true },
  { name: 'province', label: 'Province', required: true, maxlength: 100 },
  { name: 'city', label: 'City', required: true, maxlength: 100 },
  { name: 'district', label: 'District', maxlength: 100 },
  { name: 'sector', label: 'Sector', required: true, sectors: true },
  { name: 'signedOn', label: 'Signed on', type: 'date', required: true },
  { name: 'contractValue', label: 'Contract value (yuan)', number: true, required: true },
  { name: 'plannedJobs', label: 'Planned jobs', number: true },
  { name: 'plannedStartOn', label: 'Planned start', type: 'date' },
  { name: 'plannedOperationalOn', label: 'Planned operation', type: 'date' },
];
const CAPACITY = [
  { name: 'plannedCapacity.value', label: 'Value', number: true },
  { name: 'plannedCapacity.unit', label: 'Unit', maxlength: 30, placeholder: 'GWh' },
];
const SOURCE = [
  { name: 'source.title', label: 'Article title', maxlength: 500, wide: true },
  { name: 'source.url', label: 'Article address', type: 'url', maxlength: 2000, placeholder: 'https://' },
  { name: 'source.publishedOn', label: 'Published on', type: 'date' },
];
const PHASE = [
  { name: 'investment', label: 'Investment (yuan)', number: true },
  { name: 'capacity.value', label: 'Capacity', number: true },
  { name: 'capacity.unit', label: 'Unit', maxlength: 30, placeholder: 'GWh' },
];
const KEYS = ['name', 'investor', 'province', 'city', 'district', 'sector', 'signedOn', 'contractValue', 'plannedJobs',
  'plannedCapacity', 'phases', 'plannedStartOn', 'plannedOperationalOn', 'source'];

let sectors = [];

function field(prefix, f, path = f.name) {
  const id = `${prefix}-${path.replace(/[^\w]+/g, '-')}`;
  const attrs = { id, name: path, required: f.required, maxlength: f.maxlength, placeholder: f.placeholder };
  const control = f.sectors
    ? el('select', attrs, el('option', { value: '' }, 'Choose a sector'),
      sectors.map(s => el('option', { value: s.code }, s.name)))
    : el('input', { ...attrs, type: f.type || 'text', inputmode: f.number ? 'decimal' : null,
      'data-type': f.number ? 'number' : null, autocomplete: 'off' });
  return el('div', { class: 'field' + (f.wide ? ' wide' : '') },
    el('label', { for: id }, f.label, f.required ? '' : el('span', { class: 'opt' }, ' (optional)')), control);
}

function phaseRow(prefix, container, index) {
  const row = el('fieldset', { class: 'phase', 'data-group': `phases[${index}]` },
    el('legend', {}, `Phase ${index + 1}`),
    el('div', { class: 'fields' }, PHASE.map(f => field(prefix, f, `phases[${index}].${f.name}`))),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'danger',
      onclick: () => removePhase(prefix, container, row) }, `Remove phase ${index + 1}`)));
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
    return r;
  }));
}

/** The contract's controls, in {@code holder}; ids start with {@code prefix}. */
function buildContract(holder, prefix) {
  const phases = el('div', { class: 'phases' });
  holder.replaceChildren(
    el('div', { class: 'fields' }, FIELDS.map(f => field(prefix, f))),
    el('fieldset', { class: 'spaced', 'data-group': 'plannedCapacity' }, el('legend', {}, 'Planned capacity (optional)'),
      el('div', { class: 'fields' }, CAPACITY.map(f => field(prefix, f)))),
    el('fieldset', { class: 'spaced', 'data-group': 'phases' }, el('legend', {}, 'Phases (optional)'),
      el('p', { class: 'muted' }, 'Numbered in order; their investments may not add up to more than the contract value.'),
      phases,
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: `${prefix}-add-phase`,
        onclick: () => addPhase(prefix, phases) }, 'Add a phase'))),
    el('fieldset', { class: 'spaced', 'data-group': 'source' }, el('legend', {}, 'Where it was published (optional)'),
      el('div', { class: 'fields' }, SOURCE.map(f => field(prefix, f)))));
}

/** The contract in {@code holder} as the API reads it; blank optional fields are left out. */
function contractOf(holder) {
  const c = {};
  holder.querySelectorAll('input[name], select[name]').forEach(i => {
    const v = valueOf(i);
    if (v !== undefined) setPath(c, i.name, v);
  });
  [...holder.querySelectorAll('.phase')].forEach((row, i) => {
    c.phases = c.phases || [];
    c.phases[i] = { number: i + 1, ...(c.phases[i] || {}) };
  });
  return prune(c);
}

function fill(holder, prefix, project) {
  const phases = holder.querySelector('.phases');
  phases.replaceChildren(...(project.phases || []).map((_, i) => phaseRow(prefix, phases, i)));
  holder.querySelectorAll('input[name], select[name]').forEach(i => {
    const v = i.name.replace(/\[(\d+)\]/g, '.$1').split('.').reduce((o, k) => (o == null ? o : o[k]), project);
    i.value = v == null ? '' : typeof v === 'number' ? v.toLocaleString('en', { useGrouping: false, maximumFractionDigits: 6 }) : v;
  });
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
      onclick: () => openCorrection(existing) }, 'Open the existing contract') : null);
    return;
  }
  clearProblem(sign);
  idempotencyKey = randomKey();
  buildContract(signFields, 'new');
  notice.append(`Entered ${r.data.code}: ${r.data.name} (${yuan(r.data.contractValue)}).`);
  notice.dataset.code = r.data.code;
  listProjects();
});
sign.addEventListener('reset', () => setTimeout(() => { clearProblem(sign); buildContract(signFields, 'new'); }));

// --- Recent contracts ----------------------------------------------------------------------------------------
const search = document.getElementById('search');
search.addEventListener('submit', ev => { ev.preventDefault(); listProjects(); });

async function listProjects() {
  if (!token()) return;
  const p = new URLSearchParams({ size: '20' });
  if (search.elements.q.value.trim()) p.set('q', search.elements.q.value.trim());
  const r = await api('/api/projects?' + p);
  const body = document.querySelector('#projects tbody');
  if (!r.ok) {
    document.getElementById('list-count').textContent = r.problem.detail;
    return body.replaceChildren();
  }
  document.getElementById('list-count').textContent =
    `${r.data.total} contract${r.data.total === 1 ? '' : 's'}${r.data.total > r.data.items.length ? `, the ${r.data.items.length} most recently signed shown` : ''}.`;
  const label = id => sectors.find(s => s.code === id)?.name ?? id;
  body.replaceChildren(...r.data.items.map(p => el('tr', {},
    el('td', {}, p.code), el('td', {}, p.name), el('td', {}, p.investor),
    el('td', {}, [p.province, p.city, p.district].filter(Boolean).join(' · ')), el('td', {}, label(p.sector)),
    el('td', {}, p.signedOn), el('td', { class: 'num' }, yuan(p.contractValue)),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'aria-label': `Correct ${p.code}`,
      onclick: () => openCorrection(p.id) }, 'Correct')))));
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
  fill(fixFields, 'fix', r.data);
  correcting = { id, project: r.data, before: snapshot() };
  fix.elements.reason.value = '';
  clearProblem(fix);
  fix.querySelector('.notice').replaceChildren();
  document.getElementById('fix-title').textContent = `Correct ${r.data.code}: ${r.data.name}`;
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
  fix.querySelector('input').focus();
  listCorrections();
}

async function listCorrections() {
  const r = await api(`/api/projects/${correcting.id}/corrections`);
  const list = document.getElementById('corrections');
  if (!r.ok || !r.data.length) return list.replaceChildren(el('li', {}, 'None.'));
  list.replaceChildren(...r.data.map(c => el('li', {},
    `${new Date(c.correctedAt).toLocaleString()} by ${c.correctedBy}: ${c.reason} (${(c.changes || []).map(x => x.field).join(', ')})`)));
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
  fix.querySelector('.notice').replaceChildren(`Corrected ${r.data.code}: now revision ${r.data.revision}.`);
  listCorrections();
  listProjects();
});
document.getElementById('fix-cancel').addEventListener('click', () => { section.hidden = true; correcting = null; });

// --- Start ---------------------------------------------------------------------------------------------------
buildContract(signFields, 'new');
mountSignIn(document.getElementById('session'), 'intake-officer');
onSession(async c => {
  if (!c) return;
  const r = await api('/api/sectors');
  if (r.ok) {
    sectors = r.data;
    for (const select of document.querySelectorAll('select[name="sector"]')) {
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '' }, 'Choose a sector'),
        ...sectors.map(s => el('option', { value: s.code, selected: s.code === chosen }, s.name)));
    }
  }
  listProjects();
});
