// Project status, for inspectors in the field: the projects of their area that need attention (the watch list, red
// before yellow), a project's record (stage, figures, milestones, blockers raised and resolved, the updates with their
// photos) with an update form that offers only the allowed next stages, and the quarterly round: every active
// project of the area in one table, each filled row posted as an update of its own.
import { api, clearProblem, count, day, echoAmount, el, inJurisdiction, intakeAddress, json, jurisdiction, lang, moment,
  mountSignIn, onSession, placeNamesOfAll, placePicker, placeText, prune, randomKey, sectorName, showProblem, stageName,
  t, tn, today, token, translatePage, valueOf, yuan } from '/assets/landfall.js';

const PAGE = 20;
const AREA_KEY = 'landfall.status.area';
const BLOCKER_KINDS = ['power', 'land', 'approval', 'financing', 'equipment', 'other'];
/** The stages the quarterly round visits: the projects still to be built or finished. */
const ACTIVE = 'SIGNED,STARTED,SUSPENDED';
const ROUND_FIGURES = ['investmentCompleted', 'fundsInPlace', 'jobsCreated', 'progressPercent'];
const MONEY = ['investmentCompleted', 'fundsInPlace'];

const find = document.getElementById('find');
const update = document.getElementById('update');
const raise = document.getElementById('raise');
const panel = document.getElementById('project');
const roundForm = document.getElementById('round-form');
let current = null;
let milestones = [];
/** The Idempotency-Key of the update being posted, kept until it is recorded: pressing again cannot record it twice. */
let updateKey = null;
/** Each photo's object URL, by its address: a photo never changes, so it is fetched once a page. */
const photos = new Map();

const picker = placePicker({ prefix: 'area', base: intakeAddress, anyLabel: t('status.area.any'),
  note: t('status.area.anyNote') });

// --- The area and the views ------------------------------------------------------------------------------------

/** The area chosen, as the watch list and the project search take it. */
const areaQuery = () => picker.query();

/** The area this browser remembers; a link may name another (?regionCode= or ?province=&city=&district=). */
function rememberedArea(address) {
  const linked = {};
  for (const k of ['regionCode', 'province', 'city', 'district']) if (address.get(k)) linked[k] = address.get(k);
  if (Object.keys(linked).length) localStorage.setItem(AREA_KEY, JSON.stringify(linked));
  try {
    return JSON.parse(localStorage.getItem(AREA_KEY)) || {};
  } catch {
    return {};
  }
}

let roundArea = null;
document.getElementById('area').addEventListener('placechange', () => {
  localStorage.setItem(AREA_KEY, JSON.stringify(picker.place()));
  loadWatch();
  if (view() === 'round') loadRound();
});
document.getElementById('area').addEventListener('submit', ev => ev.preventDefault());

const view = () => document.body.dataset.view;

/** Shows a view (the watch list, the quarterly round, the search), named in the address so that a reload keeps it. */
function show(name) {
  document.body.dataset.view = name;
  document.querySelectorAll('.tabs [role="tab"]').forEach(b => b.setAttribute('aria-selected', String(b.dataset.view === name)));
  document.getElementById('attention').hidden = name !== 'attention';
  document.getElementById('finder').hidden = name !== 'find';
  document.getElementById('round').hidden = name !== 'round';
  document.querySelector('.two').hidden = name === 'round';
  writeAddress();
  if (name === 'round' && roundArea !== areaQuery().toString()) loadRound();
}
document.querySelectorAll('.tabs [role="tab"]').forEach(b => b.addEventListener('click', () => show(b.dataset.view)));

function writeAddress() {
  const p = new URLSearchParams();
  if (view() !== 'attention') p.set('view', view());
  if (current) p.set('project', current.projectId);
  history.replaceState(null, '', p.toString() ? '?' + p : location.pathname);
}

// --- Needs attention: the watch list of the area ---------------------------------------------------------------

let watchPage = 0;
let watching = 0;

async function loadWatch(more = false) {
  if (!token()) return;
  const call = ++watching;
  watchPage = more ? watchPage + 1 : 0;
  const p = areaQuery();
  const level = document.getElementById('level').value;
  if (level) p.set('level', level);
  p.set('page', watchPage);
  p.set('size', PAGE);
  const redOnes = new URLSearchParams(p);
  redOnes.set('level', 'red');
  redOnes.set('page', 0);
  redOnes.set('size', 1);
  const [r, red] = await Promise.all([api('/api/watchlist?' + p), level ? null : api('/api/watchlist?' + redOnes)]);
  if (call !== watching) return; // a later call answers for the area now chosen
  const list = document.getElementById('watch');
  const problem = document.getElementById('attention-problem');
  const counted = document.getElementById('attention-count');
  if (!r.ok) {
    list.replaceChildren();
    counted.textContent = '';
    problem.replaceChildren(el('strong', {}, r.problem.title || t('error.refused')), t('common.colon'), r.problem.detail || '');
    return;
  }
  problem.replaceChildren();
  const { items, total } = r.data;
  const names = await placeNamesOfAll(items.map(w => w.regionCode), intakeAddress());
  if (call !== watching) return;
  const rows = items.map(w => watchItem(w, names.get(w.regionCode)));
  if (more) list.append(...rows); else list.replaceChildren(...rows);
  list.dataset.area = areaQuery().toString(); // what the list shows now is this area's
  const reds = red && red.ok ? red.data.total : null;
  counted.textContent = total === 0 ? t('status.attention.none')
    : reds == null ? tn('status.attention.count', total) : tn('status.attention.countRed', total, { red: count(reds) });
  document.getElementById('watch-more').hidden = list.children.length >= total;
}

function watchItem(w, names) {
  return el('li', { class: 'watch-item ' + w.level, 'data-project-id': w.projectId, 'data-code': w.code, 'data-level': w.level },
    el('div', { class: 'watch-head' },
      el('span', { class: 'light ' + w.level, role: 'img', 'aria-label': t('watch.level.' + w.level) }),
      el('button', { type: 'button', class: 'open', 'aria-current': current && current.projectId === w.projectId ? 'true' : null,
        onclick: () => open(w.projectId, true) }, el('strong', {}, w.code), ' ', w.name)),
    el('p', { class: 'muted where' }, el('span', { class: 'badge ' + w.stage }, stageName(w.stage)), ' ', placeText(w, names)),
    el('ul', { class: 'reasons' }, w.reasons.map(r => el('li', { 'data-reason': r.code, 'data-level': r.level },
      el('span', { class: 'tag ' + r.level }, t('watch.level.' + r.level)), ' ',
      el('strong', {}, t('watch.reason.' + r.code)), ' ',
      el('span', { class: 'muted' }, t('status.since', { day: day(r.since) })),
      el('span', { class: 'detail' }, r.detail)))));
}

document.getElementById('level').addEventListener('change', () => loadWatch());
document.getElementById('attention-filter').addEventListener('submit', ev => ev.preventDefault());
document.getElementById('watch-more').addEventListener('click', () => loadWatch(true));

// --- Finding a project -----------------------------------------------------------------------------------------

find.addEventListener('submit', async ev => {
  ev.preventDefault();
  const p = new URLSearchParams({ size: '20' });
  if (find.elements.q.value.trim()) p.set('q', find.elements.q.value.trim());
  const r = await api('/api/projects?' + p);
  const found = document.getElementById('found');
  if (!r.ok) {
    document.getElementById('found-count').textContent = r.problem.detail;
    return found.replaceChildren();
  }
  document.getElementById('found-count').textContent = r.data.total === 0 ? t('status.find.none')
    : tn('status.find.count', r.data.total)
      + (r.data.total > r.data.items.length ? ' ' + t('status.find.shown', { shown: r.data.items.length }) : '');
  found.replaceChildren(...r.data.items.map(p => el('li', {}, el('button', { type: 'button', 'data-id': p.projectId,
    'aria-current': current && current.projectId === p.projectId ? 'true' : null, onclick: () => open(p.projectId, true) },
    el('strong', {}, p.code), ' ', p.name, ' ', el('span', { class: 'badge ' + p.stage }, stageName(p.stage))))));
});

// --- A project: its record, blockers, updates and photos ---------------------------------------------------------

/** Opens a project, named in the page's address so that a reload (the language switch) or a link opens it again. */
async function open(id, scroll = false) {
  const r = await api(`/api/projects/${encodeURIComponent(id)}/status`);
  if (!r.ok) return;
  if (!current || current.projectId !== id) updateKey = null;
  current = r.data;
  writeAddress();
  document.querySelectorAll('#found button, #watch button.open').forEach(b => b.setAttribute('aria-current',
    String((b.dataset.id || b.closest('[data-project-id]').dataset.projectId) === id)));
  await render(current);
  panel.hidden = false;
  if (scroll) panel.scrollIntoView({ block: 'start' });
}

const milestoneName = code => {
  const m = milestones.find(x => x.code === code);
  return m ? (lang === 'zh' ? m.nameZh : m.name) : code;
};
const kindName = kind => BLOCKER_KINDS.includes(kind) ? t('blocker.kind.' + kind) : kind;
const dash = v => v == null ? '—' : v;

async function render(s) {
  document.getElementById('project-title').textContent = `${s.code} · ${s.name}`;
  const badge = document.getElementById('stage');
  badge.className = 'badge ' + s.stage;
  badge.textContent = stageName(s.stage);
  document.getElementById('stage-since').textContent = t('status.since', { day: day(s.stageSince) });
  document.getElementById('f-value').textContent = yuan(s.contractValue);
  document.getElementById('f-investment').textContent = s.investmentCompleted == null ? '—' : yuan(s.investmentCompleted);
  document.getElementById('f-funds').textContent = s.fundsInPlace == null ? '—' : yuan(s.fundsInPlace);
  document.getElementById('f-jobs').textContent = s.jobsCreated == null ? '—' : count(s.jobsCreated);
  document.getElementById('f-progress').textContent = s.progressPercent == null ? '—' : s.progressPercent + ' %';
  const names = (await placeNamesOfAll([s.regionCode], intakeAddress())).get(s.regionCode);
  document.getElementById('f-place').textContent = `${placeText(s, names)} — ${sectorName(s.sector)}`;
  document.getElementById('f-signed').textContent = day(s.signedOn);
  document.getElementById('f-planned').textContent = t('status.planned', {
    start: dash(s.plannedStartOn && day(s.plannedStartOn)), operational: dash(s.plannedOperationalOn && day(s.plannedOperationalOn)) });
  document.getElementById('milestones-reached').replaceChildren(...(s.milestones || []).map(m =>
    el('span', { class: 'badge milestone', 'data-milestone': m.code }, `${milestoneName(m.code)} · ${day(m.reachedOn)}`)));
  offerStages(s.allowedStages, s.stage);
  if (!update.elements.effectiveOn.value) update.elements.effectiveOn.value = today();
  if (!raise.elements.raisedOn.value) raise.elements.raisedOn.value = today();
  renderBlockers(s.blockers || []);
  document.querySelector('#history tbody').replaceChildren(...s.history.map(u => el('tr', { 'data-update-id': u.id },
    el('td', { class: 'nowrap' }, day(u.effectiveOn)),
    el('td', { class: 'nowrap' }, u.stage ? `${stageName(u.previousStage)} → ${stageName(u.stage)}` : '—',
      ...(u.milestones || []).map(m => el('span', { class: 'badge milestone' }, milestoneName(m)))),
    el('td', { class: 'num' }, u.investmentCompleted == null ? '' : yuan(u.investmentCompleted)),
    el('td', { class: 'num' }, u.fundsInPlace == null ? '' : yuan(u.fundsInPlace)),
    el('td', { class: 'num' }, count(u.jobsCreated)),
    el('td', { class: 'num' }, u.progressPercent == null ? '' : u.progressPercent + ' %'),
    el('td', { class: 'note' }, u.note ? el('p', {}, u.note) : '',
      el('div', { class: 'photos' }, ...u.evidence.map((e, i) => thumbnail(s.projectId, u.id, e, i + 1)), addPhoto(u))),
    el('td', {}, t('common.savedBy', { at: moment(u.recordedAt), by: u.recordedBy })))));
}

function offerStages(allowed, stage) {
  const select = update.elements.stage;
  select.replaceChildren(el('option', { value: '' }, t('status.update.noStage')),
    ...allowed.map(s => el('option', { value: s }, stageName(s))));
  document.getElementById('u-stage-help').textContent = allowed.length
    ? t('status.update.allowed', { stage: stageName(stage), stages: allowed.map(stageName).join(t('common.listSeparator')) })
    : t('status.update.final', { stage: stageName(stage) });
}

function renderBlockers(blockers) {
  const list = document.getElementById('blockers');
  if (!blockers.length) return list.replaceChildren(el('li', { class: 'muted' }, t('status.blockers.none')));
  // the open ones first, each kind of list oldest raised first as the server gives them
  const ordered = [...blockers.filter(b => !b.resolvedOn), ...blockers.filter(b => b.resolvedOn)];
  list.replaceChildren(...ordered.map(b => el('li', { class: 'blocker ' + (b.resolvedOn ? 'resolved' : 'open'), 'data-blocker-id': b.id },
    el('p', {}, el('span', { class: 'tag ' + (b.resolvedOn ? 'done' : 'open') },
      b.resolvedOn ? t('status.blockers.resolved') : t('status.blockers.open')), ' ',
      el('strong', {}, kindName(b.kind)), t('common.colon'), b.description),
    el('p', { class: 'muted' }, t('status.blockers.raisedBy', { day: day(b.raisedOn), by: b.raisedBy, owner: b.owner })),
    b.resolvedOn
      ? el('p', { class: 'muted' }, t('status.blockers.resolvedBy', { day: day(b.resolvedOn), by: b.resolvedBy }),
        b.note ? t('common.colon') + b.note : '')
      : resolveForm(b))));
}

function resolveForm(b) {
  const id = 'resolve-' + b.id;
  const form = el('form', { class: 'resolve', id, novalidate: true },
    el('div', { class: 'fields' },
      el('div', { class: 'field' }, el('label', { for: id + '-resolvedOn' }, t('status.blockers.resolvedOn')),
        el('input', { id: id + '-resolvedOn', name: 'resolvedOn', type: 'date', value: today(), required: true })),
      el('div', { class: 'field wide' }, el('label', { for: id + '-note' }, t('status.blockers.note'), ' ',
        el('span', { class: 'opt' }, t('common.optional'))),
      el('textarea', { id: id + '-note', name: 'note', maxlength: 2000 }))),
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('status.blockers.resolve'))),
    el('div', { class: 'form-problem', tabindex: '-1', role: 'alert' }));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const r = await api(`/api/projects/${current.projectId}/blockers/${b.id}/resolution`,
      { method: 'POST', body: json(prune(formBody(form))) });
    if (!r.ok) return showProblem(form, r.problem);
    blockerNotice(t('status.blockers.resolvedNotice', { kind: kindName(r.data.kind), day: day(r.data.resolvedOn) }));
    open(current.projectId);
    loadWatch(); // an open blocker is a reason of the watch list
  });
  return el('details', {}, el('summary', {}, t('status.blockers.resolve')), form);
}

function blockerNotice(text) {
  document.getElementById('blocker-notice').textContent = text;
}

/** The named text controls of a form as the API reads them (empty ones absent). */
function formBody(form) {
  const body = {};
  for (const input of form.querySelectorAll('input[name]:not([type="checkbox"]):not([type="file"]), select[name], textarea[name]')) {
    const v = valueOf(input);
    if (v !== undefined) body[input.name] = v;
  }
  return body;
}

raise.addEventListener('submit', async ev => {
  ev.preventDefault();
  const r = await api(`/api/projects/${current.projectId}/blockers`, { method: 'POST', body: json(prune(formBody(raise))) });
  if (!r.ok) return showProblem(raise, r.problem);
  clearProblem(raise);
  for (const name of ['kind', 'description', 'owner']) raise.elements[name].value = '';
  document.getElementById('raise-box').open = false;
  blockerNotice(t('status.blockers.raisedNotice', { kind: kindName(r.data.kind), day: day(r.data.raisedOn) }));
  open(current.projectId);
  loadWatch();
});

update.addEventListener('submit', async ev => {
  ev.preventDefault();
  const body = formBody(update);
  const chosen = [...update.querySelectorAll('#u-milestones input:checked')].map(c => c.value);
  if (chosen.length) body.milestones = chosen;
  updateKey = updateKey || randomKey();
  const r = await api(`/api/projects/${current.projectId}/updates`,
    { method: 'POST', body: json(prune(body)), headers: { 'Idempotency-Key': updateKey } });
  const notice = update.querySelector('.notice');
  notice.replaceChildren();
  if (!r.ok) {
    // A refused stage change names what is allowed now (another inspector may have moved the project meanwhile).
    if (r.problem.allowedStages) offerStages(r.problem.allowedStages, r.problem.currentStage || current.stage);
    const allowed = r.problem.allowedStages;
    showProblem(update, r.problem, allowed ? el('span', {}, allowed.length
      ? t('status.update.allowedNext', { stages: allowed.map(stageName).join(t('common.listSeparator')) })
      : t('status.update.noneAllowed')) : null);
    return;
  }
  updateKey = null;
  clearProblem(update);
  const files = [...document.getElementById('u-photos').files];
  const uploaded = await upload(r.data.id, files);
  for (const name of ['stage', 'investmentCompleted', 'fundsInPlace', 'jobsCreated', 'progressPercent', 'note']) update.elements[name].value = '';
  update.querySelectorAll('#u-milestones input').forEach(c => { c.checked = false; });
  document.getElementById('u-photos').value = '';
  echoes.forEach(e => e.refresh());
  notice.append(r.data.stage ? t('status.update.recordedStage', { stage: stageName(r.data.stage), day: day(r.data.effectiveOn) })
    : t('status.update.recorded', { day: day(r.data.effectiveOn) }), uploaded);
  if (r.data.stage) find.requestSubmit(); // the list shows stages too
  open(current.projectId);
  loadWatch();
});

/**
 * Sends each photo to an update, its bytes as the body (as a phone's camera gives them); answers what to say of
 * it: how many were stored, and each refusal with the file's name.
 */
async function upload(updateId, files) {
  if (!files.length) return '';
  let stored = 0;
  const refused = [];
  for (const file of files) {
    const r = await api(`/api/projects/${current.projectId}/updates/${updateId}/evidence`, { method: 'POST', body: file });
    if (r.ok) stored++;
    else refused.push(el('li', { 'data-file': file.name }, file.name, t('common.colon'), r.problem.detail || r.problem.title));
  }
  return el('span', { class: 'uploaded' }, ' ', stored ? tn('status.photos.stored', stored) : '',
    refused.length ? el('span', { class: 'refused' }, ' ', t('status.photos.refused'), el('ul', {}, refused)) : '');
}

/** A photo of an update, read with the bearer token (an <img> could not send it) and shown from an object URL. */
function thumbnail(projectId, updateId, evidenceId, n) {
  const path = `/api/projects/${projectId}/updates/${updateId}/evidence/${evidenceId}`;
  const img = el('img', { class: 'thumb', alt: t('status.photos.alt', { n }), 'data-evidence-id': evidenceId });
  const link = el('a', { href: '#', target: '_blank', rel: 'noopener' }, img);
  if (!photos.has(path)) {
    photos.set(path, api(path, { accept: 'image/*' }).then(async r => {
      if (!r.ok) {
        photos.delete(path);
        return null;
      }
      return URL.createObjectURL(await r.response.blob());
    }));
  }
  photos.get(path).then(url => {
    if (!url) return;
    img.src = url;
    link.href = url;
  });
  return link;
}

/** A camera button on an update of the history: the photos taken are added to it. */
function addPhoto(u) {
  const id = 'photo-' + u.id;
  const said = el('span', { class: 'photo-result', role: 'status' });
  const input = el('input', { id, type: 'file', accept: 'image/*', capture: 'environment', multiple: true, class: 'visually-hidden',
    'data-update-id': u.id });
  input.addEventListener('change', async () => {
    const result = await upload(u.id, [...input.files]);
    input.value = '';
    await open(current.projectId);
    document.querySelector(`#history tr[data-update-id="${u.id}"] .photo-result`)?.replaceChildren(result);
  });
  return el('span', { class: 'add-photo' }, el('label', { for: id, class: 'button-like' }, t('status.photos.add')), input, said);
}

async function loadMilestones() {
  const r = await api('/api/milestones');
  if (!r.ok) return;
  milestones = r.data;
  document.getElementById('u-milestones').replaceChildren(...milestones.map(m => el('label', { class: 'choice' },
    el('input', { type: 'checkbox', value: m.code, id: 'u-milestone-' + m.code }), lang === 'zh' ? m.nameZh : m.name)));
}

// --- The quarterly round: the area's active projects, a row each ------------------------------------------------

let roundPage = 0;
let rounding = 0;

async function loadRound(more = false) {
  if (!token()) return;
  const call = ++rounding;
  roundPage = more ? roundPage + 1 : 0;
  const area = areaQuery();
  const p = new URLSearchParams(area);
  p.set('stage', ACTIVE);
  p.set('page', roundPage);
  p.set('size', PAGE);
  const r = await api('/api/projects?' + p);
  if (call !== rounding) return;
  roundArea = area.toString();
  const tbody = document.querySelector('#round-table tbody');
  if (!r.ok) {
    tbody.replaceChildren();
    return showProblem(roundForm, r.problem);
  }
  clearProblem(roundForm);
  const rows = r.data.items.map(roundRow);
  if (more) tbody.append(...rows); else tbody.replaceChildren(...rows);
  document.getElementById('round-count').textContent = r.data.total === 0 ? t('status.round.none')
    : tn('status.round.count', r.data.total);
  document.getElementById('round-more').hidden = tbody.children.length >= r.data.total;
}

const echoes = [];

function roundRow(p) {
  const tr = el('tr', { 'data-project-id': p.projectId, 'data-code': p.code },
    el('th', { scope: 'row' }, el('strong', {}, p.code), ' ', p.name, ' ', el('span', { class: 'badge ' + p.stage }, stageName(p.stage))));
  for (const name of ROUND_FIGURES) {
    const id = `round-${p.projectId}-${name}`;
    const input = el('input', { id, name, inputmode: MONEY.includes(name) ? 'decimal' : 'numeric', 'data-type': 'number',
      autocomplete: 'off', 'aria-label': `${p.code} ${t('status.update.' + name)}` });
    const td = el('td', {}, input, el('span', { class: 'was muted', 'data-was': name }, was(name, p[name])));
    if (MONEY.includes(name)) input.after(echoAmount(input));
    tr.append(td);
  }
  tr.append(el('td', { class: 'result' }, el('div', { class: 'notice', role: 'status' }),
    el('div', { class: 'form-problem', tabindex: '-1', role: 'alert' })));
  return tr;
}

/** What a row's field held before: the project's current figure, as a hint under the field. */
function was(name, value) {
  if (value == null) return '';
  return t('status.round.was', { value: MONEY.includes(name) ? yuan(value) : name === 'progressPercent' ? value + ' %' : count(value) });
}

/**
 * Posts each row that has a figure as an update of its project, one after the other, each under its own
 * Idempotency-Key: kept on the row until the update is recorded, so that posting again after a lost answer
 * (a weak connection in the field) cannot record it twice. Each row says how it went.
 */
roundForm.addEventListener('submit', async ev => {
  ev.preventDefault();
  const rows = [...document.querySelectorAll('#round-table tbody tr')]
    .filter(tr => ROUND_FIGURES.some(name => tr.querySelector(`[name="${name}"]`).value.trim()));
  if (!rows.length) {
    return showProblem(roundForm, { title: t('status.round.nothing'), detail: t('status.round.nothingHelp') });
  }
  clearProblem(roundForm);
  const button = document.getElementById('round-post');
  button.disabled = true;
  try {
    for (const tr of rows) await postRow(tr);
  } finally {
    button.disabled = false;
  }
});

async function postRow(tr) {
  const body = { effectiveOn: roundForm.elements.effectiveOn.value || undefined };
  for (const name of ROUND_FIGURES) {
    const v = valueOf(tr.querySelector(`[name="${name}"]`));
    if (v !== undefined) body[name] = v;
  }
  tr.dataset.key = tr.dataset.key || randomKey();
  const notice = tr.querySelector('.notice');
  notice.textContent = t('status.round.sending');
  const r = await api(`/api/projects/${tr.dataset.projectId}/updates`,
    { method: 'POST', body: json(prune(body)), headers: { 'Idempotency-Key': tr.dataset.key } });
  if (!r.ok) {
    notice.textContent = '';
    tr.dataset.result = 'refused';
    showProblem(tr, r.problem, r.status === 0 ? t('status.round.retry') : null);
    return;
  }
  delete tr.dataset.key;
  tr.dataset.result = 'ok';
  clearProblem(tr);
  for (const name of ROUND_FIGURES) {
    const input = tr.querySelector(`[name="${name}"]`);
    if (r.data[name] != null) tr.querySelector(`[data-was="${name}"]`).textContent = was(name, r.data[name]);
    input.value = '';
    input.dispatchEvent(new Event('input')); // the amount's echo empties too
  }
  notice.textContent = t('status.round.ok', { day: day(r.data.effectiveOn) });
}

document.getElementById('round-more').addEventListener('click', () => loadRound(true));

// --- Start ------------------------------------------------------------------------------------------------------

translatePage();
for (const name of MONEY) {
  const input = update.elements[name];
  const echo = echoAmount(input);
  input.after(echo);
  echoes.push(echo);
}
raise.elements.kind.replaceChildren(el('option', { value: '' }, t('place.choose')),
  ...BLOCKER_KINDS.map(k => el('option', { value: k }, kindName(k))));
roundForm.elements.effectiveOn.value = today();
document.getElementById('area-place').append(picker.element);
const address = new URLSearchParams(location.search);
picker.set(rememberedArea(address));
show(['round', 'find'].includes(address.get('view')) ? address.get('view') : 'attention');
mountSignIn(document.getElementById('session'), 'site-inspector', { places: intakeAddress });
onSession(async c => {
  if (!c || !token()) return;
  // the lists come with the token; the area remembered unless it lies outside the person's jurisdiction (the
  // server would refuse it), else the jurisdiction
  const area = rememberedArea(new URLSearchParams());
  await picker.set(!jurisdiction() || (area.regionCode && inJurisdiction(area.regionCode)) ? area
    : { regionCode: jurisdiction() });
  await loadMilestones();
  loadWatch();
  if (view() === 'round') loadRound();
  const id = current?.projectId ?? address.get('project');
  if (id) open(id);
});
