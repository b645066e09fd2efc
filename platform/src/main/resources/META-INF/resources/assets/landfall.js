// What the three pages share: their language, signing in, calling the API with the bearer token, showing
// problem+json errors next to their fields, building exact JSON from forms, and formatting figures.

const LANGUAGE_KEY = 'landfall.lang';
/** The pages' languages; the first is taken when the browser asks for neither. */
export const LANGUAGES = ['zh', 'en'];

/** The language the user chose with the switch, else the first of the browser's that the pages speak. */
function chosenLanguage() {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (LANGUAGES.includes(saved)) return saved;
  for (const tag of navigator.languages || [navigator.language]) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return LANGUAGES[0];
}

/** This page's language: {@code zh} or {@code en}. */
export const lang = chosenLanguage();
/** Its BCP 47 tag, for Accept-Language, {@code lang} attributes and Intl. */
export const locale = lang === 'zh' ? 'zh-CN' : 'en';

// Top-level await: every page module that imports this one runs once the bundle is here, so t() is synchronous.
const messages = await fetch(`/assets/i18n/${lang}.json`).then(r => r.json());
document.documentElement.lang = locale;

/** The message {@code key} of this language, with {name} placeholders replaced from {@code vars}. */
export function t(key, vars = {}) {
  const message = messages[key];
  if (message === undefined) {
    console.warn('no message', key);
    return key;
  }
  return message.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/**
 * Writes the messages named in the markup under {@code root}: {@code data-i18n="key"} sets the text,
 * {@code data-i18n-attr="placeholder:key, aria-label:key"} attributes.
 */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-attr]').forEach(e => {
    for (const pair of e.dataset.i18nAttr.split(',')) {
      const [attribute, key] = pair.split(':').map(x => x.trim());
      e.setAttribute(attribute, t(key));
    }
  });
}

/** A button that switches to the other language and remembers the choice in this browser. */
export function languageSwitch() {
  const other = LANGUAGES.find(l => l !== lang);
  return el('button', { type: 'button', class: 'secondary', id: 'language', lang: other === 'zh' ? 'zh-CN' : 'en',
    onclick: () => { localStorage.setItem(LANGUAGE_KEY, other); location.reload(); } }, t('language.switch'));
}

const TOKEN_KEY = 'landfall.token';

/** The token of this tab (sessionStorage: gone when the tab closes, never sent anywhere but this service). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part))));
  } catch {
    return null;
  }
}

/** Creates an element; children are nodes or text (never parsed as HTML, so data cannot inject markup). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

const listeners = new Set();

/** Calls {@code fn(claims)} now and whenever the user signs in or out (claims null when signed out). */
export function onSession(fn) {
  listeners.add(fn);
  fn(current());
}

function current() {
  const t = token();
  const c = t && claims(t);
  return c && c.exp * 1000 > Date.now() ? c : null;
}

function setToken(t) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
  const c = current();
  listeners.forEach(fn => fn(c));
}

/**
 * The sign-in box in {@code container}. In the local run the service offers development tokens (GET /dev/tokens):
 * a role picker. Anywhere, a token from the organisation's identity provider can be pasted.
 */
export async function mountSignIn(container, preferredRole) {
  let devRoles = [];
  try {
    const r = await fetch('/dev/tokens', { headers: { Accept: 'application/json' } });
    if (r.ok) devRoles = (await r.json()).roles;
  } catch { /* no development tokens here */ }

  const render = c => {
    container.replaceChildren();
    if (c) {
      container.append(el('span', { class: 'who', 'data-testid': 'signed-in' },
        'Signed in as ', el('strong', { text: c.sub }), ` (${(c.groups || []).join(', ')})`),
      el('button', { type: 'button', class: 'secondary', onclick: () => setToken(null) }, 'Sign out'));
      return;
    }
    if (devRoles.length) {
      const select = el('select', { id: 'dev-role', name: 'role' },
        devRoles.map(r => el('option', { value: r, selected: r === preferredRole }, r)));
      const form = el('form', { class: 'inline', 'aria-label': 'Development sign-in' },
        el('label', { for: 'dev-role' }, 'Role (development sign-in)'), select,
        el('button', { type: 'submit', id: 'dev-sign-in' }, 'Sign in'));
      form.addEventListener('submit', async ev => {
        ev.preventDefault();
        const r = await fetch('/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ role: select.value }) });
        if (r.ok) setToken((await r.json()).token);
      });
      container.append(form);
    }
    const input = el('input', { id: 'paste-token', name: 'token', type: 'password', autocomplete: 'off',
      placeholder: 'eyJ…', required: true });
    const paste = el('form', { class: 'inline' },
      el('label', { for: 'paste-token' }, 'Bearer token'), input, el('button', { type: 'submit' }, 'Use token'));
    paste.addEventListener('submit', ev => { ev.preventDefault(); setToken(input.value.trim()); });
    container.append(devRoles.length ? el('details', {}, el('summary', {}, 'Or paste a token'), paste) : paste);
  };
  onSession(render);
}

/**
 * Calls the API of this page's service ({@code /api/...}) or of another at an absolute address. Resolves to
 * {ok, status, data, problem, response}; a 401 of this page's service signs the user out, since the token no longer
 * works. {@code body} is sent as given when it is a string (see {@link json}).
 */
export async function api(path, { method = 'GET', body, headers = {}, accept = 'application/json', signal } = {}) {
  const h = { Accept: accept, 'Accept-Language': locale, ...headers };
  const t = token();
  if (t) h.Authorization = 'Bearer ' + t;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers: h, body, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return { ok: false, status: 0, problem: { title: 'Network error', detail: 'the service cannot be reached' } };
  }
  const type = response.headers.get('Content-Type') || '';
  const result = { ok: response.ok, status: response.status, response };
  if (type.includes('json')) {
    const data = await response.json();
    if (response.ok) result.data = data; else result.problem = data;
  } else if (!response.ok) {
    result.problem = { title: response.statusText, detail: `HTTP ${response.status}` };
  }
  // Another service's 401 (the dashboard reads intake too) may only mean that it does not take this token.
  if (response.status === 401 && t && new URL(path, location.href).origin === location.origin) setToken(null);
  return result;
}

/** A number to be written into JSON exactly as typed: amounts never pass through a binary double. */
export class Exact {
  constructor(text) { this.text = text; }
}

/** JSON text of {@code value}, writing each {@link Exact} as the number it holds. */
export function json(value) {
  if (value instanceof Exact) return value.text;
  if (Array.isArray(value)) return '[' + value.map(json).join(',') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.entries(value).map(([k, v]) => JSON.stringify(k) + ':' + json(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The value of a form control as the API reads it: empty is absent (undefined), a number field holds an
 * {@link Exact} when it is one (otherwise the text, which the server refuses by name), the rest text.
 */
export function valueOf(input) {
  const v = input.value.trim();
  if (v === '') return undefined;
  if (input.dataset.type === 'number') {
    const plain = v.replace(/[\s,]/g, '');
    return NUMBER.test(plain) ? new Exact(plain) : v;
  }
  return v;
}

/** Sets {@code value} at a path such as {@code phases[0].capacity.value} in {@code target}. */
export function setPath(target, path, value) {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let o = target;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] === undefined) o[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}

/** Drops empty objects (an optional group of fields left blank) so that the API sees them as absent. */
export function prune(value) {
  if (value instanceof Exact || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(prune);
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    if (p !== undefined && !(p && typeof p === 'object' && !(p instanceof Exact) && !Array.isArray(p)
        && Object.keys(p).length === 0)) out[k] = p;
  }
  return out;
}

/** Removes the errors {@link showProblem} put in {@code form}. */
export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter(id => !id.startsWith('err-'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' ')); else e.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.form-problem');
  if (summary) summary.replaceChildren();
}

/**
 * Shows a problem+json answer in {@code form}: its detail in the form's summary, and each of its {@code errors}
 * next to the control named by its field path (or the nearest enclosing group: {@code phases[1]}, {@code phases}).
 */
export function showProblem(form, problem, extra) {
  clearProblem(form);
  const summary = form.querySelector('.form-problem');
  if (summary) {
    summary.append(el('strong', { text: problem.title || 'Refused' }), ': ', problem.detail || '');
    if (extra) summary.append(' ', extra);
  }
  let first = null;
  for (const { field, message } of problem.errors || []) {
    const target = fieldTarget(form, field);
    if (!target) continue;
    const id = 'err-' + Math.random().toString(36).slice(2);
    const msg = el('p', { class: 'field-error', id, 'data-field': field }, message);
    target.after(msg);
    const control = target.matches('input,select,textarea') ? target : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      first = first || control;
    }
  }
  (first || summary)?.focus?.();
}

function fieldTarget(form, field) {
  for (let path = field; path; path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '') || '') {
    const t = form.querySelector(`[name="${CSS.escape(path)}"], [data-group="${CSS.escape(path)}"]`);
    if (t) return t.dataset.group ? t.querySelector('legend') || t : t;
  }
  return null;
}

/**
 * The figures of a year as a leader reads them: a report row's year to date ({@code ytd}, {@code yoy},
 * {@code targetCompletion}) on the dashboard, and all but {@code operational} the annual targets set in intake.
 */
export const FIGURES = [
  { key: 'signedCount', name: 'Contracts signed', zh: '签约项目', money: false },
  { key: 'signedValue', name: 'Contract value signed', zh: '签约金额', money: true },
  { key: 'starts', name: 'Projects started', zh: '新开工项目', money: false },
  { key: 'operational', name: 'Projects operational', zh: '投产项目', money: false },
  { key: 'investmentCompleted', name: 'Investment completed', zh: '完成投资', money: true },
  { key: 'jobsCreated', name: 'Jobs created', zh: '新增就业', money: false },
];

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const scaled = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false });

/** Yuan for tables and hovers: every digit, grouped (¥13,213,000,000 or 13,213,000,000元). */
export const yuan = v => v === null || v === undefined ? ''
  : lang === 'zh' ? whole.format(Number(v)) + '元' : '¥' + whole.format(Number(v));

/** Yuan for charts and tiles as each language writes them: 1321.3亿元 or 52.5万元; ¥132.13B. */
export function yuanShort(v) {
  const n = Number(v || 0);
  if (lang !== 'zh') return '¥' + compact.format(n);
  const size = Math.abs(n);
  if (size >= 1e8) return scaled.format(n / 1e8) + '亿元';
  if (size >= 1e4) return scaled.format(n / 1e4) + '万元';
  return scaled.format(n) + '元';
}
export const count = v => v === null || v === undefined ? '' : whole.format(Number(v));

const QUARTERS_ZH = ['一', '二', '三', '四'];
/** A quarter such as 2023-Q1 as people write it: 2023年第一季度, 2023 Q1. */
export function quarterName(q) {
  const [, year, n] = /^(\d{4})-Q([1-4])$/.exec(q) || [];
  if (!year) return q;
  return lang === 'zh' ? `${year}年第${QUARTERS_ZH[n - 1]}季度` : `${year} Q${n}`;
}

/** An instant in this language's way, in the browser's zone. */
export const moment = instant => new Date(instant).toLocaleString(locale);

const share = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const growth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1,
  signDisplay: 'exceptZero' });
/** A rate, a decimal fraction (0.1333), as a percentage: 13.3%; "—" where there is none (null: nothing to divide by). */
export const percent = v => v === null || v === undefined ? '—' : share.format(Number(v));
/** A change (0.25, -0.04) with its sign: +25.0%, -4.0%; "—" where there is none. */
export const change = v => v === null || v === undefined ? '—' : growth.format(Number(v));

/** Today in the browser's zone, as YYYY-MM-DD. */
export function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** A random id for Idempotency-Key that works outside secure contexts too (a phone on the LAN over http). */
export function randomKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
}
