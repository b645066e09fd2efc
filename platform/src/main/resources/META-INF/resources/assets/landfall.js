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

const plurals = new Intl.PluralRules(locale);
/** A message about {@code n} things: {@code key.one} or {@code key.other} as the language says, {count} set to n. */
export function tn(key, n, vars = {}) {
  return t(`${key}.${plurals.select(Number(n)) === 'one' ? 'one' : 'other'}`, { count: count(n), ...vars });
}

/**
 * Writes the messages named in the markup under {@code root}: the key in {@code data-i18n} sets the text, the
 * pairs in {@code data-i18n-attr} (such as {@code placeholder:some.key, aria-label:other.key}) attributes.
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
    title: t('language.title'), onclick: () => { localStorage.setItem(LANGUAGE_KEY, other); location.reload(); } },
  t('language.switch'));
}

/** Writes the page's markup in its language and puts the language switch in its header. */
export function translatePage() {
  translate();
  document.querySelector('header.top').append(languageSwitch());
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

// --- Signing in ------------------------------------------------------------------------------------------------
// A person signs in at the OpenID Connect provider that the service names (GET /config/sign-in): the authorization
// code flow with PKCE (S256), the code exchanged in the browser at the provider's token endpoint, since a page keeps
// no secret. The tab keeps the tokens in sessionStorage (gone when the tab closes) and sends the access token to the
// services only. In the local run, development tokens too (a role picker).
const TOKEN_KEY = 'landfall.token';
const REFRESH_KEY = 'landfall.refreshToken';
const ID_TOKEN_KEY = 'landfall.idToken';
/** The provider's endpoints and the client, for refreshing and signing out without asking the provider again. */
const PROVIDER_KEY = 'landfall.provider';
/** When the access token is to be refreshed (ms since the epoch, by this browser's clock). */
const REFRESH_AT_KEY = 'landfall.refreshAt';
/** A sign-in under way: state, nonce, PKCE verifier and the page's address, kept across the provider's pages. */
const PENDING_KEY = 'landfall.signIn';
/** The whole country: a jurisdiction that is no one place. */
const WHOLE_COUNTRY = '000000';

/** The access token of this tab. */
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

const listeners = new Set();

/**
 * Calls {@code fn(claims)} now and whenever the person signed in changes (claims null when signed out); a refreshed
 * token of the same person with the same roles and jurisdiction is no news.
 */
export function onSession(fn) {
  listeners.add(fn);
  fn(current());
}

function current() {
  const t = token();
  const c = t && claims(t);
  return c && c.exp * 1000 > Date.now() ? c : null;
}

const identity = c => c ? JSON.stringify([c.sub, c.groups, c.jurisdiction ?? null]) : '';
let announced = identity(current());

/** The GB/T 2260 code of the signed-in person's jurisdiction; null when signed out or for the whole country. */
export function jurisdiction() {
  const code = current()?.jurisdiction;
  return code && code !== WHOLE_COUNTRY ? code : null;
}

/** Whether the place {@code code} lies in the signed-in person's jurisdiction (always, without one). */
export function inJurisdiction(code) {
  const own = jurisdiction();
  return !own || (!!code && holds({ code: own }, code));
}

function keep(key, value) {
  if (value) sessionStorage.setItem(key, value); else sessionStorage.removeItem(key);
}

/**
 * Keeps the tokens of a sign-in or a refresh ({@code answer}: the token endpoint's, or {@code access_token} alone for
 * a development or pasted token); null signs out. Tells the listeners when the person changed.
 */
function setTokens(answer, provider) {
  keep(TOKEN_KEY, answer?.access_token);
  keep(REFRESH_KEY, answer?.refresh_token);
  // A refresh may come without an ID token: the sign-in's is still the one to name at sign-out.
  keep(ID_TOKEN_KEY, answer ? answer.id_token || (provider && sessionStorage.getItem(ID_TOKEN_KEY)) : null);
  keep(PROVIDER_KEY, answer?.refresh_token && provider ? JSON.stringify(provider) : null);
  const lifetime = Number(answer?.expires_in) * 1000;
  // Refreshed a quarter of its life before it ends (at most a minute before): a five-minute token at four minutes.
  keep(REFRESH_AT_KEY, answer?.refresh_token && lifetime > 0
    ? String(Date.now() + lifetime - Math.min(60000, lifetime / 4)) : null);
  scheduleRefresh();
  const c = current();
  if (identity(c) !== announced) {
    announced = identity(c);
    listeners.forEach(fn => fn(c));
  }
}

const provider = () => JSON.parse(sessionStorage.getItem(PROVIDER_KEY) || 'null');
const form = values => ({ method: 'POST', body: new URLSearchParams(values),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } });

let refreshTimer = null;
let refreshing = null;

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const at = Number(sessionStorage.getItem(REFRESH_AT_KEY));
  if (at && provider()) refreshTimer = setTimeout(refresh, Math.max(0, at - Date.now()));
}

/**
 * Asks the provider for new tokens with the refresh token; resolves true when it gave them. A refusal (the session
 * ended at the provider, or timed out) signs the person out; an unreachable provider is asked again in 30 s.
 */
function refresh() {
  const p = provider();
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!p || !refreshToken) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const r = await fetch(p.tokenEndpoint, form({ grant_type: 'refresh_token', refresh_token: refreshToken,
        client_id: p.clientId }));
      if (r.ok) {
        setTokens(await r.json(), p);
        return true;
      }
      if (r.status === 400 || r.status === 401) setTokens(null);
      else refreshTimer = setTimeout(refresh, 30000);
    } catch {
      refreshTimer = setTimeout(refresh, 30000);
    } finally {
      refreshing = null;
    }
    return false;
  })();
  return refreshing;
}

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
/** The parameters the provider adds to the page's address when it sends the person back. */
const RETURN_PARAMETERS = ['code', 'state', 'session_state', 'iss', 'error', 'error_description', 'error_uri'];

/** This page's address without what a provider added: where the provider is to send the person back. */
function pageAddress() {
  const url = new URL(location.href);
  RETURN_PARAMETERS.forEach(name => url.searchParams.delete(name));
  url.hash = '';
  return url.toString();
}

let discovered = null;
/** The provider's endpoints, from its discovery document (read once a page). */
function discovery(issuer) {
  if (!discovered) {
    discovered = fetch(issuer.replace(/\/+$/, '') + '/.well-known/openid-configuration')
      .then(r => { if (!r.ok) throw new Error('discovery ' + r.status); return r.json(); });
    discovered.catch(() => { discovered = null; }); // asked again at the next try
  }
  return discovered;
}

/** Sends the person to the provider's login, with a fresh state, nonce and PKCE challenge kept for their return. */
async function signInAt({ issuer, clientId }) {
  if (!crypto.subtle) throw new Error(t('signIn.insecure'));
  let endpoints;
  try {
    endpoints = await discovery(issuer);
  } catch {
    throw new Error(t('signIn.unreachable'));
  }
  const verifier = randomText();
  const state = randomText();
  const nonce = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const back = pageAddress();
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, nonce, verifier, back, provider: { clientId,
    tokenEndpoint: endpoints.token_endpoint, endSessionEndpoint: endpoints.end_session_endpoint } }));
  location.assign(endpoints.authorization_endpoint + '?' + new URLSearchParams({ response_type: 'code',
    client_id: clientId, redirect_uri: back, scope: 'openid', state, nonce, code_challenge: challenge,
    code_challenge_method: 'S256', ui_locales: locale }));
}

/** Why the last sign-in failed, said beside the sign-in button; null when it did not. */
let signInFailure = null;

/**
 * Back from the provider: exchanges the code with the verifier and keeps the tokens, and takes the provider's
 * parameters off the address, before any page reads it. Nothing happens when the address answers no sign-in of this
 * tab (its state is the one kept when it left).
 */
async function completeSignIn() {
  const returned = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  if (!pending || returned.get('state') !== pending.state) return;
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', pending.back);
  if (returned.has('error')) {
    signInFailure = returned.get('error_description') || returned.get('error');
    return;
  }
  try {
    const r = await fetch(pending.provider.tokenEndpoint, form({ grant_type: 'authorization_code',
      code: returned.get('code'), redirect_uri: pending.back, client_id: pending.provider.clientId,
      code_verifier: pending.verifier }));
    const answer = await r.json();
    if (!r.ok) {
      signInFailure = answer.error_description || answer.error || String(r.status);
    } else if (claims(answer.id_token)?.nonce !== pending.nonce) {
      signInFailure = t('signIn.replayed'); // an answer to another sign-in than this tab's
    } else {
      setTokens(answer, pending.provider);
    }
  } catch {
    signInFailure = t('signIn.unreachable');
  }
}

/**
 * Signs out: forgets the tab's tokens and, after a sign-in at the provider, ends the provider's session too
 * (RP-initiated logout), which sends the person back to this page.
 */
function signOut() {
  const p = provider();
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  setTokens(null);
  if (p?.endSessionEndpoint && idToken) {
    location.assign(p.endSessionEndpoint + '?' + new URLSearchParams({ id_token_hint: idToken,
      post_logout_redirect_uri: pageAddress(), client_id: p.clientId }));
  }
}

// Top-level await: the page module runs after the exchange, on its own address, with the person signed in.
await completeSignIn();
scheduleRefresh();

const ROLES = { 'intake-officer': t('role.intake-officer'), 'site-inspector': t('role.site-inspector'),
  analyst: t('role.analyst'), admin: t('role.admin') };
const roleName = r => ROLES[r] ?? r;

/** The jurisdiction's place in this language ("黑龙江省 · 双鸭山市"), from intake's lists at {@code base}; else its code. */
async function jurisdictionText(code, base) {
  if (!code || code === WHOLE_COUNTRY) return t('signIn.wholeCountry');
  return placeText({}, await placeNamesOf(code, base)) || code;
}

/**
 * The sign-in box in {@code container}: who is signed in (name, role, jurisdiction as a place, its names read from
 * intake at {@code places()}) and "Sign out"; else "Sign in" at the provider the service names. In the local run the
 * service also mints development tokens (a role picker), and anywhere a token can be pasted, both second to the
 * provider where there is one.
 */
export async function mountSignIn(container, preferredRole, { places = () => '' } = {}) {
  let settings = {};
  try {
    const r = await fetch('/config/sign-in', { headers: { Accept: 'application/json' } });
    if (r.ok) settings = await r.json();
  } catch { /* the service is away: a token can still be pasted */ }
  let devRoles = [];
  if (settings.development) {
    try {
      const r = await fetch('/dev/tokens', { headers: { Accept: 'application/json' } });
      if (r.ok) devRoles = (await r.json()).roles;
    } catch { /* no development tokens after all */ }
  }

  const signedIn = c => {
    const place = el('span', { class: 'jurisdiction', 'data-testid': 'jurisdiction', title: c.jurisdiction || WHOLE_COUNTRY },
      c.jurisdiction && c.jurisdiction !== WHOLE_COUNTRY ? c.jurisdiction : t('signIn.wholeCountry'));
    jurisdictionText(c.jurisdiction, places()).then(text => { place.textContent = text; });
    container.append(el('span', { class: 'who', 'data-testid': 'signed-in' },
      t('signIn.as'), ' ', el('strong', { 'data-testid': 'username', text: c.preferred_username || c.sub }), ' ',
      t('signIn.roles', { roles: (c.groups || []).map(roleName).join(t('common.listSeparator')) }), ' ',
      t('signIn.jurisdiction'), place),
    el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut }, t('signIn.out')));
  };

  const render = c => {
    container.replaceChildren();
    if (c) return signedIn(c);
    const others = [];
    if (settings.issuer) {
      const failure = el('span', { class: 'field-error', id: 'sign-in-failure', role: 'alert' },
        signInFailure ? t('signIn.failed', { reason: signInFailure }) : '');
      const button = el('button', { type: 'button', id: 'sign-in', onclick: () => signInAt(settings).catch(e => {
        failure.textContent = t('signIn.failed', { reason: e.message });
      }) }, t('signIn.atProvider'));
      container.append(button, failure);
    }
    if (devRoles.length) {
      const select = el('select', { id: 'dev-role', name: 'role' },
        devRoles.map(r => el('option', { value: r, selected: r === preferredRole }, roleName(r))));
      const devForm = el('form', { class: 'inline', 'aria-label': t('signIn.development') },
        el('label', { for: 'dev-role' }, t('signIn.role')), select,
        el('button', { type: 'submit', id: 'dev-sign-in' }, t('signIn.submit')));
      devForm.addEventListener('submit', async ev => {
        ev.preventDefault();
        const r = await fetch('/dev/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ role: select.value }) });
        if (r.ok) setTokens({ access_token: (await r.json()).token });
      });
      others.push(settings.issuer ? el('details', { id: 'development' }, el('summary', {}, t('signIn.development')), devForm)
        : devForm);
    }
    const input = el('input', { id: 'paste-token', name: 'token', type: 'password', autocomplete: 'off',
      placeholder: 'eyJ…', required: true });
    const paste = el('form', { class: 'inline' },
      el('label', { for: 'paste-token' }, t('signIn.token')), input, el('button', { type: 'submit' }, t('signIn.useToken')));
    paste.addEventListener('submit', ev => { ev.preventDefault(); setTokens({ access_token: input.value.trim() }); });
    others.push(settings.issuer || devRoles.length ? el('details', {}, el('summary', {}, t('signIn.orPaste')), paste) : paste);
    container.append(...others);
  };
  listeners.add(render);
  render(current());
}

/**
 * Calls the API of this page's service ({@code /api/...}) or of another at an absolute address. Resolves to
 * {ok, status, data, problem, response}; a 401 of this page's service signs the user out, since the token no longer
 * works. {@code body} is sent as given: JSON text (see {@link json}), or a file's bytes.
 */
export async function api(path, { method = 'GET', body, headers = {}, accept = 'application/json', signal,
  retried = false } = {}) {
  const h = { Accept: accept, 'Accept-Language': locale, ...headers };
  const bearer = token();
  if (bearer) h.Authorization = 'Bearer ' + bearer;
  // A file (a photo) goes as its bytes, typed as the browser says it is; anything else is JSON.
  if (body instanceof Blob) h['Content-Type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) h['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers: h, body, signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    return { ok: false, status: 0, problem: { title: t('error.network'), detail: t('error.unreachable') } };
  }
  const type = response.headers.get('Content-Type') || '';
  const result = { ok: response.ok, status: response.status, response };
  if (type.includes('json')) {
    const data = await response.json();
    if (response.ok) result.data = data; else result.problem = data;
  } else if (!response.ok) {
    result.problem = { title: t('error.http', { status: response.status }), detail: response.statusText };
  }
  // Another service's 401 (the dashboard reads intake too) may only mean that it does not take this token. This
  // service's: a development or pasted token no longer works (signed out); the provider's is refreshed and the call
  // made once more, and a refusal after that is the service's to explain, not the end of the provider's session.
  if (response.status === 401 && bearer && new URL(path, location.href).origin === location.origin) {
    if (!provider()) setTokens(null);
    else if (!retried && await refresh()) {
      return api(path, { method, body, headers, accept, signal, retried: true });
    }
  }
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
 * next to the control named by its field path (or the nearest enclosing group: {@code phases[1]}, {@code phases}),
 * or in the summary where the form has none.
 */
export function showProblem(form, problem, extra) {
  clearProblem(form);
  const summary = form.querySelector('.form-problem');
  if (summary) {
    summary.append(el('strong', { text: problem.title || t('error.refused') }), t('common.colon'), problem.detail || '');
    if (extra) summary.append(' ', extra);
  }
  let first = null;
  const elsewhere = [];
  for (const { field, message } of problem.errors || []) {
    const target = fieldTarget(form, field);
    if (!target) {
      elsewhere.push(el('li', { 'data-field': field }, field, t('common.colon'), message));
      continue;
    }
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
  // An error of a field the form does not show (changes of a correction that changes nothing) is said in the summary.
  if (summary && elsewhere.length) summary.append(el('ul', {}, elsewhere));
  (first || summary)?.focus?.();
}

/** The control or group a field path names, or the nearest enclosing one; null when the form has none. */
function fieldTarget(form, field) {
  for (let path = field, enclosing; path; path = enclosing === path ? '' : enclosing) {
    const target = form.querySelector(`[name="${CSS.escape(path)}"], [data-group="${CSS.escape(path)}"]`);
    if (target) return target.dataset.group ? target.querySelector('legend') || target : target;
    enclosing = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  }
  return null;
}

/**
 * The figures of a year as a leader reads them: a report row's year to date ({@code ytd}, {@code yoy},
 * {@code targetCompletion}) on the dashboard, and all but {@code operational} the annual targets set in intake.
 */
export const FIGURES = [
  { key: 'signedCount', name: t('figure.signedCount'), money: false },
  { key: 'signedValue', name: t('figure.signedValue'), money: true },
  { key: 'starts', name: t('figure.starts'), money: false },
  { key: 'operational', name: t('figure.operational'), money: false },
  { key: 'investmentCompleted', name: t('figure.investmentCompleted'), money: true },
  { key: 'jobsCreated', name: t('figure.jobsCreated'), money: false },
];

/** A project's stages, in their order, as the language names them: 签约, 开工, 投产, 暂停, 取消. */
export const STAGES = ['SIGNED', 'STARTED', 'OPERATIONAL', 'SUSPENDED', 'CANCELLED'];
const STAGE_NAMES = { SIGNED: t('stage.SIGNED'), STARTED: t('stage.STARTED'), OPERATIONAL: t('stage.OPERATIONAL'),
  SUSPENDED: t('stage.SUSPENDED'), CANCELLED: t('stage.CANCELLED') };
export const stageName = s => (s ? STAGE_NAMES[s] ?? s : '');

/**
 * The name of a code of intake's catalogues (GET /api/sectors, /api/designations) in this language: the bundle holds
 * {@code sector.CODE} and {@code designation.CODE} for each (a test checks them against intake's lists); a code
 * added since shows the name the server gave, else the code.
 */
const named = (kind, code, fallback) => messages[`${kind}.${code}`] ?? fallback ?? code;
export const sectorName = (code, fallback) => named('sector', code, fallback);
export const designationName = (code, fallback) => named('designation', code, fallback);

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

/** An amount in short where it can be read at a glance, with every digit on hover. */
export const amount = v => el('span', { title: yuan(v) }, yuanShort(v));
export const count = v => v === null || v === undefined ? '' : whole.format(Number(v));

const QUARTERS_ZH = ['一', '二', '三', '四'];
/** A quarter such as 2023-Q1 as people write it: 2023年第一季度, 2023 Q1. */
export function quarterName(q) {
  const [, year, n] = /^(\d{4})-Q([1-4])$/.exec(q) || [];
  if (!year) return q;
  return lang === 'zh' ? `${year}年第${QUARTERS_ZH[n - 1]}季度` : `${year} Q${n}`;
}

const instants = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
/** An instant in this language's way, in the browser's zone: 2023年4月7日 09:30, Apr 7, 2023, 9:30 AM. */
export const moment = instant => instants.format(new Date(instant));
/** A day (YYYY-MM-DD) in this language's way: 2023年4月7日, Apr 7, 2023. */
export const day = iso => iso ? days.format(new Date(iso + 'T00:00:00Z')) : '';

const share = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const growth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1,
  signDisplay: 'exceptZero' });
/** A rate, a decimal fraction (0.1333), as a percentage: 13.3%; "—" where there is none (null: nothing to divide by). */
export const percent = v => v === null || v === undefined ? '—' : share.format(Number(v));
/** A change (0.25, -0.04) with its sign: +25.0%, -4.0%; "—" where there is none. */
export const change = v => v === null || v === undefined ? '—' : growth.format(Number(v));

/**
 * Says beside an amount field, as it is typed, what it amounts to as people say it ("= 10.5亿元", "= ¥1.05B"), so
 * that a zero too many or too few shows at once. Answers the echo, to be put after the field; {@code refresh} it
 * after setting the field's value from code.
 */
export function echoAmount(input) {
  const echo = el('span', { class: 'echo', id: input.id + '-echo', 'aria-live': 'polite' });
  const refresh = () => {
    const plain = input.value.replace(/[\s,，]/g, '');
    echo.textContent = NUMBER.test(plain) && Number(plain) !== 0 ? '= ' + yuanShort(plain) : '';
  };
  input.addEventListener('input', refresh);
  input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + echo.id).trim());
  echo.refresh = refresh;
  return echo;
}

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

/** The other services a page reads, each at an address the user may change for this page's origin. */
export const INTAKE = { key: 'landfall.intake', port: 8081 };
export const STATUS = { key: 'landfall.status', port: 8082 };
/** Where a service is unless the user said otherwise: this host's port, as in the local run and docker-compose. */
export const defaultAddress = service => `${location.protocol}//${location.hostname}:${service.port}`;
/** The address of a service the user gave for this page's origin; '' when none. */
export const storedAddress = service => localStorage.getItem(service.key) || '';
/** A service's address for this page: the user's, else the default. */
export const addressOf = service => (storedAddress(service) || defaultAddress(service)).replace(/\/+$/, '');
/** Intake's address (the pages read its lists of places and projects). */
export const intakeAddress = () => addressOf(INTAKE);

/** Remembers a service's address for this page's origin; empty: back to its default. */
export function setAddress(service, address) {
  if (address) localStorage.setItem(service.key, address); else localStorage.removeItem(service.key);
}

// --- Places: GB/T 2260 pick lists ---------------------------------------------------------------------------
const LEVELS = ['province', 'city', 'district'];
const OTHER = 'other';
const regionLists = new Map();

/**
 * Intake's divisions inside {@code parent} (the provinces without one), read once a page; null if unreadable (as
 * when signed out).
 */
function regionsIn(base, parent) {
  if (!token()) return Promise.resolve(null);
  const url = `${base}/api/regions${parent ? '?parent=' + parent : ''}`;
  if (!regionLists.has(url)) {
    regionLists.set(url, api(url).then(r => {
      if (!r.ok) regionLists.delete(url); // tried again on the next call: the token or intake may come
      return r.ok ? r.data : null;
    }));
  }
  return regionLists.get(url);
}

/** Whether the region {@code r} is {@code code} or holds it: a province its first two digits, a city its four. */
const holds = (r, code) => code === r.code || (r.code.endsWith('0000') ? code.startsWith(r.code.slice(0, 2))
  : r.code.endsWith('00') && code.startsWith(r.code.slice(0, 4)));
/** Names compared as people vary them: case, spaces, 黑龙江 for 黑龙江省. */
const nameKey = n => String(n ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[省市区县]$/, '');
const regionName = r => lang === 'zh' ? r.name : r.nameEn;
const levelOf = code => code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'district';

/**
 * The names in this language of the place {@code code} (GB/T 2260) and of those it lies in, by level
 * ({province, city, district}; a level its lineage lacks is absent, as a municipality's city), from intake's lists
 * at {@code base}; {} where they cannot tell.
 */
export async function placeNamesOf(code, base = '') {
  const names = {};
  for (let parent = null; code;) {
    const list = await regionsIn(base, parent);
    const region = list && list.find(r => holds(r, code));
    if (!region) break;
    names[levelOf(region.code)] = regionName(region);
    if (region.code === code) break;
    parent = region.code;
  }
  return names;
}

/** Each code's names (see placeNamesOf), looked up together: a Map of code to names. */
export async function placeNamesOfAll(codes, base = '') {
  const distinct = [...new Set(codes.filter(Boolean))];
  return new Map(await Promise.all(distinct.map(async c => [c, await placeNamesOf(c, base)])));
}

/**
 * A place (an object with province, city and district, such as a project) as text, each level by the name of
 * {@code names} (this language's, from its code) where there is one, else as the place names it.
 */
export const placeText = (place, names = {}, separator = ' · ') =>
  LEVELS.map(k => names[k] ?? place[k]).filter(Boolean).join(separator);
const LEVEL_NAMES = { province: t('place.province'), city: t('place.city'), district: t('place.district') };

/**
 * A place picked level by level (province, city, district) from intake's GB/T 2260 divisions at {@code base()}, each
 * named in this language, with "other" at each level for a place outside the list (typed, and the levels below it
 * typed too). Where a list cannot be read (signed out, intake away) the levels are typed. Controls are
 * {@code prefix-province} (the list) and {@code prefix-province-other} (the typed name), named by level so that the
 * server's errors show beside them, and marked {@code data-place} so that forms leave them to the picker.
 * {@code required}: the levels a contract must name; {@code anyLabel}: the empty choice's text of the others, and
 * {@code note} what their labels say of them.
 * {@code value()} answers the levels chosen, province first, as {level, code, name}: code null where typed; a level
 * picked from the list keeps the name it was set with ({@link set}), else the list's Chinese name. The element
 * dispatches a bubbling {@code placechange} event when the user has chosen or typed another place.
 */
export function placePicker({ prefix, base = () => '', required = [], anyLabel, note = t('common.optional') }) {
  const levels = LEVELS.map(level => {
    const id = `${prefix}-${level}`;
    const select = el('select', { id, 'data-place': level });
    const input = el('input', { id: `${id}-other`, 'data-place': level, maxlength: 100, autocomplete: 'off',
      'aria-label': t('place.typed', { level: LEVEL_NAMES[level] }) });
    const label = el('label', { for: id }, LEVEL_NAMES[level],
      required.includes(level) ? '' : el('span', { class: 'opt' }, ' ', note));
    const box = el('div', { class: 'field place' }, label, select, input);
    return { level, select, input, label, box, regions: null, given: null };
  });
  let setting = 0;
  /** The place a {@link set} under way was asked for: a reload meanwhile asks for it again. */
  let asked = null;

  /** Shows a level as a list of {@code regions} (the choice {@code code} made), typed, or off (nothing above it chosen). */
  function show(l, mode, regions = null, code = '') {
    l.regions = mode === 'list' ? regions : null;
    l.select.replaceChildren(el('option', { value: '' }, required.includes(l.level) ? t('place.choose') : anyLabel),
      ...(regions || []).map(r => el('option', { value: r.code, title: r.code }, regionName(r))),
      mode === 'list' ? el('option', { value: OTHER }, t('place.other')) : null);
    l.select.value = code;
    l.select.disabled = mode === 'off';
    l.select.hidden = mode === 'typed';
    if (mode === 'off') l.input.value = '';
    sync(l);
  }

  /** The typed name shows where the level is typed or "other"; the control in sight carries the level's name. */
  function sync(l) {
    const typed = l.select.hidden || l.select.value === OTHER;
    l.input.hidden = !typed;
    l.select.toggleAttribute('name', false);
    l.input.toggleAttribute('name', false);
    (l.select.hidden ? l.input : l.select).name = l.level;
    l.label.htmlFor = (l.select.hidden ? l.input : l.select).id;
  }

  /** Fills the levels from {@code i} on, below a level whose choice changed; false if a later change overtook it. */
  async function cascade(i, call = ++setting) {
    for (; i < levels.length; i++) {
      const above = levels[i - 1];
      const code = above.regions ? above.select.value : null;
      if (above.select.hidden || code === OTHER) show(levels[i], 'typed');
      else if (!code) show(levels[i], 'off');
      else {
        const regions = await regionsIn(base(), code);
        if (call !== setting) return false;
        show(levels[i], regions && regions.length ? 'list' : 'typed', regions);
      }
      levels[i].given = null;
    }
    return true;
  }

  const element = el('div', { class: 'fields places' }, levels.map(l => l.box));
  /** Says that the user chose another place, once the levels below the change show what it holds. */
  const changed = () => element.dispatchEvent(new Event('placechange', { bubbles: true }));
  levels.forEach((l, i) => {
    l.select.addEventListener('change', async () => {
      l.given = null;
      sync(l);
      if (l.select.value === OTHER) l.input.focus();
      if (await cascade(i + 1)) changed();
    });
    l.input.addEventListener('change', changed);
  });

  return {
    element,

    value() {
      return levels.flatMap(l => {
        if (l.select.disabled) return [];
        const region = l.regions && l.regions.find(r => r.code === l.select.value);
        if (region) return [{ level: l.level, code: region.code, name: l.given ?? region.name }];
        const name = l.input.hidden ? '' : l.input.value.trim();
        return name ? [{ level: l.level, code: null, name }] : [];
      });
    },

    /**
     * Chooses {@code place}: by its {@code regionCode} where it has one, else by its names (Chinese or English,
     * as the list has them); a name the list lacks is typed, and so are the levels below it.
     */
    async set(place = {}) {
      const call = ++setting;
      asked = place;
      const code = place.regionCode || null;
      let parent = null;
      let listed = true;
      for (const l of levels) {
        const name = place[l.level] || '';
        l.given = null;
        const regions = listed ? await regionsIn(base(), parent) : null;
        if (call !== setting) return;
        if (!regions || !regions.length) {
          listed = false;
          show(l, parent === undefined && !name ? 'off' : 'typed');
          l.input.value = name;
          continue;
        }
        const region = regions.find(r => code && holds(r, code))
          || (name ? regions.find(r => [r.name, r.nameEn].some(n => nameKey(n) === nameKey(name))) : null);
        if (region) {
          show(l, 'list', regions, region.code);
          l.given = name || null;
          parent = region.code;
        } else if (name) {
          show(l, 'list', regions, OTHER);
          l.input.value = name;
          listed = false;
        } else {
          show(l, 'list', regions, '');
          parent = undefined;
          listed = false;
        }
      }
      asked = null;
    },

    /** The place chosen as {@link set} takes it: each level's name, and the code of the finest picked from the list. */
    place() {
      const place = {};
      const chosen = this.value();
      chosen.forEach(c => { place[c.level] = c.name; });
      const coded = chosen.filter(c => c.code);
      if (coded.length) place.regionCode = coded[coded.length - 1].code;
      return place;
    },

    /**
     * The place chosen as the APIs filter by it: {@code regionCode}, the finest level picked from the list (which
     * selects all inside it, whatever the names), and the name of each level typed.
     */
    query() {
      const p = new URLSearchParams();
      const chosen = this.value();
      const coded = chosen.filter(c => c.code);
      if (coded.length) p.set('regionCode', coded[coded.length - 1].code);
      chosen.filter(c => !c.code).forEach(c => p.set(c.level, c.name));
      return p;
    },

    /** Reads the lists again (after signing in, or with intake elsewhere), keeping what was chosen or asked for. */
    reload() {
      return this.set(asked || this.place());
    },
  };
}
