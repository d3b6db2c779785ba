// Starts the app. scripts/postbuild.mjs writes this file into the build as boot-<hash>.js, in place
// of Trunk's inline loader (so the Content-Security-Policy allows no inline script), with the
// shell's file names and the wasm's integrity hash filled in below.
//
// One way in: the page arrives whole, the view of its address in the one chrome. A page written
// at build time holds it already; for any other address (a comparison, a plan or search results
// opened from a link, an embedded view, an address the app does not have) web/platform.js has
// marked the page `data-view-pending`, and the engine draws the view into #app first. The shell
// (navigation in the app, the forms' behaviour) loads when the person first reaches for
// something (a key, a tap, a field or link pointed at or focused) and adopts the page as it is:
// it draws nothing that is on screen, so focus, typed text, the caret and the scroll position
// stay as they are. Until then links and forms work as in a plain website. See ARCHITECTURE.md.

// The names shared with Rust (crates/core/src/contract.rs): scripts/postbuild.mjs puts their
// values in place of the object read here (scripts/contract.mjs).
const {
  APP_ID,
  VIEW_PENDING,
  ENGINE_META,
  VIEW_ENGINE_META,
  ENGINE_JS,
  ENGINE_JS_INTEGRITY,
  ENGINE_WASM,
  ENGINE_WASM_INTEGRITY,
  EXPORT_DOCUMENT,
  EXPORT_CSV,
  EXPORT_START,
  EXPORT_PREPARE,
  VIEW_TITLE,
  VIEW_HTML,
  SHEET_NAME,
  SHEET_TEXT,
  KIOSK_CLASS,
  STEP,
  STEP_SET,
  STEP_FIELD,
  CSV_ATTRIBUTE,
  ACTION,
  ACTION_COPY,
  COPY_SOURCE,
  COPY_STATUS_CLASS,
  ACTION_SHARE,
  TAKE_AWAY_ID,
  TAKE_AWAY_ADDRESS,
  TAKE_AWAY_COPIED,
  TAKE_AWAY_REFUSED,
  TAKE_AWAY_STATUS_CLASS,
  TAKE_AWAY_MANUAL_CLASS,
  CAN_SHARE,
  QR,
  SEARCH_BOX_ID,
} = CONTRACT;

const SHELL_JS = '__SHELL_JS__';
const SHELL_JS_INTEGRITY = '__SHELL_JS_INTEGRITY__';
const SHELL_WASM = '__SHELL_WASM__';
const SHELL_WASM_INTEGRITY = '__SHELL_WASM_INTEGRITY__';

const root = document.documentElement;

// --- The one way a view's HTML enters the page
//
// The Content-Security-Policy requires Trusted Types for every HTML sink
// (deploy/content-security-policy.txt: require-trusted-types-for 'script'), and names one
// policy, this one: a string assigned to innerHTML anywhere else is refused. Its HTML is the
// core's (class_spec_core::markup, which escapes every value: data never becomes markup), drawn
// by the engine here and by the shell, which is given this function.
const viewHtml = globalThis.trustedTypes?.createPolicy('class-spec-view', { createHTML: (html) => html });
function insertView(element, html) {
  element.innerHTML = viewHtml ? viewHtml.createHTML(html) : html;
}

// --- The engine, loaded once for the page (the shell asks for it here too: src/engine.rs)

function preload(js, integrity) {
  // A dynamic import cannot carry an integrity hash; a modulepreload link can, and the import
  // then uses the module it checked.
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = js;
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${js} did not load or did not match its integrity hash`));
    document.head.append(link);
  });
}

const engines = new Map();
/**
 * An engine module, loading or loaded: the whole engine (`<meta name="engine">`, every view and
 * the spreadsheets), or the page's own module (`<meta name="view-engine">`, the views of its
 * path only). A failed load is forgotten, so asking again retries.
 */
function loadEngine(name = ENGINE_META) {
  if (engines.has(name)) return engines.get(name);
  const meta = document.querySelector(`meta[name="${name}"]`);
  if (!meta) return Promise.reject(new Error(`the page names no ${name}`));
  const [js, jsIntegrity, wasm, integrity] = [ENGINE_JS, ENGINE_JS_INTEGRITY, ENGINE_WASM, ENGINE_WASM_INTEGRITY].map((name) =>
    meta.getAttribute(name),
  );
  const loading = preload(js, jsIntegrity)
    .then(() => import(js))
    .then(async (module) => {
      await module.default({ module_or_path: fetch(wasm, { integrity }) });
      return module;
    });
  engines.set(name, loading);
  loading.catch(() => {
    if (engines.get(name) === loading) engines.delete(name);
  });
  return loading;
}

// --- A view no file of the build holds: the engine draws it, chrome and all

// The browser's turn between the steps below: each is a task of its own, so none keeps a slow
// phone from answering a tap for long (Lighthouse counts a task over 50 ms as blocking).
const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

async function drawWithEngine() {
  // The page's own module if it names one (the same one web/platform.js asked for).
  const module = await loadEngine(document.querySelector(`meta[name="${VIEW_ENGINE_META}"]`) ? VIEW_ENGINE_META : ENGINE_META);
  // The data files the view needs (web/engine-data.js, in the module's script).
  await module[EXPORT_PREPARE](location.pathname, location.search);
  await yieldToBrowser();
  const view = module[EXPORT_DOCUMENT](location.pathname, location.search, location.origin, root.classList.contains(KIOSK_CLASS));
  await yieldToBrowser();
  // The page's whole title, composed by the engine (class_spec_core::contract::page_title).
  insertView(document.getElementById(APP_ID), view[VIEW_HTML]);
  document.title = view[VIEW_TITLE];
  view.free();
  root.removeAttribute(VIEW_PENDING);
  if (location.hash) {
    // A fragment of any shape (`#%E0` is no escape): used as typed when it cannot be decoded.
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {}
    document.getElementById(id)?.scrollIntoView();
  }
}

const drawn = root.hasAttribute(VIEW_PENDING) ? drawWithEngine() : Promise.resolve();

// --- The shell, at the first intent

let shell = null;
function startShell() {
  if (shell) return;
  // After the engine's drawing, if any (drawn or not: the shell says when it could not be).
  shell = drawn
    .catch((error) => console.warn('the view could not be drawn before the app started:', error))
    .then(async () => {
      const wasm = fetch(SHELL_WASM, { integrity: SHELL_WASM_INTEGRITY });
      // Awaited by the shell's start below, which reports its failure; not a second time as
      // an unhandled rejection if it fails before that.
      wasm.catch(() => {});
      await preload(SHELL_JS, SHELL_JS_INTEGRITY);
      const bindings = await import(SHELL_JS);
      await bindings.default({ module_or_path: wasm });
      // Its module loader: the whole engine when given no name; the QR module, on a kiosk, by
      // the meta the shell's own script writes (scripts/postbuild.mjs); and the whole engine's
      // data files for an address.
      bindings[EXPORT_START](loadEngine, insertView, (path, search) => loadEngine().then((engine) => engine[EXPORT_PREPARE](path, search)));
      // The shell listens now: a kiosk button tapped before it came is tapped again for it (a
      // stepper's buttons are the shell's now, src/stepper.rs: the same step of the same field).
      listening = true;
      for (const button of early.splice(0)) now(button)?.click();
    })
    // Without the app (its files refused, or offline before a first visit finished) the page
    // still works as a web page: said in the console as a warning, not thrown as an error.
    .catch((error) => console.warn('the app could not start; links and forms work as a plain web page:', error));
}

// A kiosk stepper (src/stepper.rs moves its field) or "Take this with you" (src/take_away.rs
// shows its code) tapped before the shell listens, maybe the very tap that starts it: kept, so
// no tap is lost on a slow start.
const early = [];
let listening = false;
const now = (button) => {
  if (button.isConnected) return button;
  const [kind] = [STEP, STEP_SET].filter((name) => button.hasAttribute(name));
  const same = (name) => `[${name}="${CSS.escape(button.getAttribute(name))}"]`;
  return kind ? document.querySelector(`${same(kind)}${same(STEP_FIELD)}`) : null;
};
document.addEventListener(
  'click',
  (event) => {
    const button = !listening && event.target.closest?.(`[${STEP}], [${STEP_SET}], [${QR}]`);
    if (button) early.push(button);
  },
  true,
);

const INTENT = ['pointerdown', 'keydown', 'focusin', 'touchstart'];
function onIntent() {
  for (const type of INTENT) removeEventListener(type, onIntent, true);
  document.removeEventListener('pointerover', onPointing, true);
  startShell();
}
function onPointing(event) {
  if (event.target.closest?.('a[href], button, input, select, textarea, label, summary')) onIntent();
}
for (const type of INTENT) addEventListener(type, onIntent, { capture: true, passive: true });
document.addEventListener('pointerover', onPointing, { capture: true, passive: true });
// Reached for something already (the browser put focus in a field).
if (document.activeElement && document.activeElement !== document.body) onIntent();
// An engine that did not come (offline before a first visit finished): the shell says so and
// offers to try again.
drawn.catch(onIntent);

// "Download as a spreadsheet (CSV)" (a comparison, the levels view): answered here rather than
// by the shell, so the first click works whether the shell has come or not. The engine makes the
// sheet on the device; nothing is sent anywhere. Never on a kiosk (the core draws no button
// there, and the stylesheet hides one written at build time).
document.addEventListener('click', async (event) => {
  const button = event.target.closest?.(`button[${CSV_ATTRIBUTE}]`);
  if (!button || root.classList.contains(KIOSK_CLASS)) return;
  const view = button.getAttribute(CSV_ATTRIBUTE);
  const address = new URL(view, location.origin);
  try {
    const engine = await loadEngine();
    await engine[EXPORT_PREPARE](address.pathname, address.search);
    const sheet = engine[EXPORT_CSV](address.pathname, address.search);
    if (!sheet) throw new Error(`no spreadsheet for ${view}`);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([sheet[SHEET_TEXT]], { type: 'text/csv;charset=utf-8' }));
    link.download = sheet[SHEET_NAME];
    sheet.free();
    link.click();
    // The browser has taken the file by the next task; give it a moment before letting go.
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    console.warn('the spreadsheet could not be made:', error);
  }
});

// "Copy the snippet" (the embed page; `data-action="copy"`, the element to copy named by
// `data-copy`): answered here too, for the same reason. The click that starts the shell comes
// before the shell listens, so a copy left to the shell did nothing on the first click (issue
// 26). The clipboard is written within the click, as browsers require; if it is refused, the
// text is selected so that the person copies it themselves, and the status line says so.
document.addEventListener('click', (event) => {
  const button = event.target.closest?.(`[${ACTION}="${ACTION_COPY}"]`);
  const source = button && document.getElementById(button.getAttribute(COPY_SOURCE));
  if (!source) return;
  const status = button.parentElement?.querySelector(`.${COPY_STATUS_CLASS}`);
  const say = (text) => {
    if (status) status.textContent = text;
  };
  // Emptied first, so that a second "Copied." is announced again.
  say('');
  const copying = navigator.clipboard?.writeText(source.textContent) ?? Promise.reject(new Error('no clipboard'));
  copying.then(
    () => say('Copied.'),
    (error) => {
      getSelection()?.selectAllChildren(source);
      say('The browser did not allow copying. The snippet is selected: copy it with Ctrl+C (⌘C on a Mac).');
      console.warn('the snippet could not be copied:', error);
    },
  );
});

// The take-away control's share button ("Share" or "Copy link", `data-action="share"` in the
// fallback the chrome holds in #take-away): answered here until the shell's component
// (src/take_away.rs) takes its place, so the click that starts the shell shares too. The same
// rule as the component's: the share sheet where the browser offers one (web/platform.js
// marked the page `data-can-share`), else the clipboard, each within the click as browsers
// require; refused, the host's words say so and the address is shown selected. Never on a
// kiosk (the stylesheet hides the control there).
document.addEventListener('click', (event) => {
  const host = event.target.closest?.(`[${ACTION}="${ACTION_SHARE}"]`)?.closest(`#${TAKE_AWAY_ID}`);
  if (!host || root.classList.contains(KIOSK_CLASS)) return;
  const url = new URL(host.getAttribute(TAKE_AWAY_ADDRESS), location.origin).href;
  const status = host.querySelector(`.${TAKE_AWAY_STATUS_CLASS}`);
  const manual = host.querySelector(`.${TAKE_AWAY_MANUAL_CLASS}`);
  // Emptied first, so that a second "Link copied." is announced again.
  status.textContent = '';
  manual.hidden = true;
  const sharing = root.hasAttribute(CAN_SHARE);
  const giving = sharing
    ? navigator.share({ url, title: document.title })
    : (navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('no clipboard (an insecure context)')));
  giving.then(
    () => {
      if (!sharing) status.textContent = host.getAttribute(TAKE_AWAY_COPIED);
    },
    (error) => {
      // The person closed the share sheet: nothing to say.
      if (error instanceof DOMException && error.code === DOMException.ABORT_ERR) return;
      const field = manual.querySelector('input');
      field.value = url;
      manual.hidden = false;
      field.focus();
      field.select();
      status.textContent = host.getAttribute(TAKE_AWAY_REFUSED);
      console.warn('the link could not be shared or copied:', error);
    },
  );
});

// "/" anywhere but in a field puts the cursor in the search box (the one handler: the same key
// press may be what starts the shell).
addEventListener('keydown', (event) => {
  const typing = event.target.closest?.('input, select, textarea, [contenteditable]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    const box = document.getElementById(SEARCH_BOX_ID);
    if (box) {
      event.preventDefault();
      box.focus();
    }
  }
});
