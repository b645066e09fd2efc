// Project status: find a project, see where it stands and its history, post what an inspector saw. The stage
// choices are the ones the server allows next; a refusal says why and offers the allowed stages again.
import { api, clearProblem, count, day, echoAmount, el, json, moment, mountSignIn, onSession, prune, sectorName, showProblem,
  stageName, t, tn, today, token, translatePage, valueOf, yuan } from '/assets/landfall.js';

const find = document.getElementById('find');
const update = document.getElementById('update');
const panel = document.getElementById('project');
let current = null;

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
    'aria-current': current && current.projectId === p.projectId ? 'true' : null, onclick: () => open(p.projectId) }, el('strong', {}, p.code), ' ', p.name, ' ',
    el('span', { class: 'badge ' + p.stage }, stageName(p.stage))))));
});

/** Opens a project, named in the page's address so that a reload (the language switch) or a link opens it again. */
async function open(id) {
  const r = await api(`/api/projects/${encodeURIComponent(id)}/status`);
  if (!r.ok) return;
  current = r.data;
  history.replaceState(null, '', '?' + new URLSearchParams({ project: id }));
  document.querySelectorAll('#found button').forEach(b => b.setAttribute('aria-current', String(b.dataset.id === id)));
  render(current);
  panel.hidden = false;
}

function render(s) {
  document.getElementById('project-title').textContent = `${s.code} · ${s.name}`;
  const badge = document.getElementById('stage');
  badge.className = 'badge ' + s.stage;
  badge.textContent = stageName(s.stage);
  document.getElementById('stage-since').textContent = t('status.since', { day: day(s.stageSince) });
  document.getElementById('f-value').textContent = yuan(s.contractValue);
  document.getElementById('f-investment').textContent = s.investmentCompleted == null ? '—' : yuan(s.investmentCompleted);
  document.getElementById('f-jobs').textContent = s.jobsCreated == null ? '—' : count(s.jobsCreated);
  document.getElementById('f-progress').textContent = s.progressPercent == null ? '—' : s.progressPercent + ' %';
  document.getElementById('f-place').textContent = [s.province, s.city, s.district].filter(Boolean).join(' · ')
    + ` — ${sectorName(s.sector)}`;
  document.getElementById('f-signed').textContent = day(s.signedOn);
  offerStages(s.allowedStages, s.stage);
  if (!update.elements.effectiveOn.value) update.elements.effectiveOn.value = today();
  document.querySelector('#history tbody').replaceChildren(...s.history.map(u => el('tr', {},
    el('td', { class: 'nowrap' }, day(u.effectiveOn)),
    el('td', { class: 'nowrap' }, u.stage ? `${stageName(u.previousStage)} → ${stageName(u.stage)}` : '—'),
    el('td', { class: 'num' }, u.investmentCompleted == null ? '' : yuan(u.investmentCompleted)),
    el('td', { class: 'num' }, count(u.jobsCreated)),
    el('td', { class: 'num' }, u.progressPercent == null ? '' : u.progressPercent + ' %'),
    el('td', {}, u.note || ''),
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

update.addEventListener('submit', async ev => {
  ev.preventDefault();
  const body = {};
  for (const input of update.querySelectorAll('[name]')) {
    const v = valueOf(input);
    if (v !== undefined) body[input.name] = v;
  }
  const r = await api(`/api/projects/${current.projectId}/updates`, { method: 'POST', body: json(prune(body)) });
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
  clearProblem(update);
  for (const name of ['stage', 'investmentCompleted', 'jobsCreated', 'progressPercent', 'note']) update.elements[name].value = '';
  investmentEcho.refresh();
  notice.append(r.data.stage ? t('status.update.recordedStage', { stage: stageName(r.data.stage), day: day(r.data.effectiveOn) })
    : t('status.update.recorded', { day: day(r.data.effectiveOn) }));
  if (r.data.stage) find.requestSubmit(); // the list shows stages too
  open(current.projectId);
});

translatePage();
const investment = update.elements.investmentCompleted;
const investmentEcho = echoAmount(investment);
investment.after(investmentEcho);
mountSignIn(document.getElementById('session'), 'site-inspector');
onSession(c => {
  const id = current?.projectId ?? new URLSearchParams(location.search).get('project');
  if (c && token() && id) open(id);
});
