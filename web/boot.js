// Starts the app. scripts/postbuild.mjs writes this file into the build as boot-<hash>.js, in place
// of Trunk's inline loader (so the Content-Security-Policy allows no inline script), with the
// shell's file names and the wasm's integrity hash filled in below.
//
// Two ways in:
//
// - The address's view is written into the page (the start view, a class, the career path:
//   web/platform.js has marked the page `data-start`): the shell starts at once and takes that
//   view over.
// - Any other address (a comparison, a plan or search results opened from a link, an embedded
//   view, an address the app does not have): the engine draws the view, chrome and all, into the
//   page, and the shell (navigation, the forms' behaviour) follows when the person first reaches
//   for something: a key, a tap, a click, a field or link pointed at or focused. Reading a shared
//   view needs only the engine; see ARCHITECTURE.md ("First load").
//
// When the shell takes over a view already on screen it draws the same markup in its place; this
// file keeps what the person did there meanwhile: the element in focus, what was typed or checked
// (announced to the shell as input), the caret and the scroll position.

const SHELL_JS = '__SHELL_JS__';
const SHELL_WASM = '__SHELL_WASM__';
const SHELL_WASM_INTEGRITY = '__SHELL_WASM_INTEGRITY__';

const root = document.documentElement;
let shellStarted = false;

async function startShell() {
  if (shellStarted) return;
  shellStarted = true;
  const wasmResponse = fetch(SHELL_WASM, { integrity: SHELL_WASM_INTEGRITY });
  const bindings = await import(SHELL_JS);
  const wasm = await bindings.default({ module_or_path: wasmResponse });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}

// --- The engine, loaded once for the page (the shell asks for it here: src/engine.rs)

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

function loadEngine() {
  const meta = document.querySelector('meta[name="engine"]');
  if (!meta) return Promise.reject(new Error('the page names no engine'));
  const { js, jsIntegrity, wasm, integrity } = meta.dataset;
  const loading = preload(js, jsIntegrity)
    .then(() => import(js))
    .then(async (engine) => {
      await engine.default({ module_or_path: fetch(wasm, { integrity }) });
      return engine;
    });
  globalThis.classSpecEngine = loading;
  loading.catch(() => {
    if (globalThis.classSpecEngine === loading) delete globalThis.classSpecEngine;
  });
  return loading;
}
// The shell asks for it here when a view first needs it (src/engine.rs).
globalThis.loadClassSpecEngine = loadEngine;

// --- A view no file of the build holds: drawn by the engine, the shell on the first intent

async function drawWithEngine() {
  const engine = await loadEngine();
  const encoded = engine.document(location.pathname, location.search, location.origin, root.classList.contains('kiosk'));
  const cut = encoded.indexOf('\n');
  const title = encoded.slice(0, cut);
  let written = document.getElementById('prerender');
  if (!written) {
    written = document.createElement('div');
    written.id = 'prerender';
    document.body.prepend(written);
  }
  written.innerHTML = encoded.slice(cut + 1);
  document.title = title ? `${title} · Class Spec Explorer` : 'Class Spec Explorer';
  let marker = document.querySelector('meta[name="prerendered"]');
  if (!marker) {
    marker = document.createElement('meta');
    marker.name = 'prerendered';
    document.head.append(marker);
  }
  marker.content = location.pathname + location.search;
  root.dataset.start = '';
  if (location.hash) {
    // A fragment of any shape (`#%E0` is no escape): used as typed when it cannot be decoded.
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {}
    document.getElementById(id)?.scrollIntoView();
  }
}

function startShellOnIntent() {
  const events = ['pointerdown', 'keydown', 'focusin', 'touchstart'];
  const start = () => {
    for (const type of events) removeEventListener(type, start, true);
    document.removeEventListener('pointerover', pointing, true);
    startShell();
  };
  const pointing = (event) => {
    if (event.target.closest?.('a[href], button, input, select, textarea, label, summary')) start();
  };
  for (const type of events) addEventListener(type, start, { capture: true, passive: true });
  // "/" puts the cursor in the search box, as the shell does once it has taken over (the same
  // key press has started it loading, so ask whether the page is still this script's).
  addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, select, textarea, [contenteditable]');
    const before = document.getElementById('prerender');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && before) {
      event.preventDefault();
      document.getElementById('site-search')?.focus();
    }
  });
  document.addEventListener('pointerover', pointing, { capture: true, passive: true });
  // Already reached for something while the view was drawn (focus in the search box).
  if (document.activeElement && document.activeElement !== document.body) start();
}

// --- The take-over keeps what the person did (the shell announces it: src/lib.rs, mount)

const FIELDS = 'input, select, textarea';

/** What tells an element apart from the others in the same markup drawn again. */
function signature(element) {
  const form = element.form?.id ?? '';
  const value = element.type === 'checkbox' || element.type === 'radio' ? element.value : '';
  return [element.tagName, element.id, element.getAttribute('name'), value, form, element.getAttribute('href'), element.textContent.trim().slice(0, 80)].join('\u0001');
}

/** The element of `scope` with this signature, the `nth` of those that have it. */
function find(scope, wanted, nth, selector) {
  let seen = 0;
  for (const element of scope.querySelectorAll(selector)) {
    if (!wanted.startsWith(element.tagName + '\u0001') || element.closest('#prerender')) continue;
    if (signature(element) === wanted && seen++ === nth) return element;
  }
  return null;
}

/** Where `element` stands among the elements of `scope` with the same signature. */
function place(scope, element, selector) {
  const wanted = signature(element);
  let nth = 0;
  for (const other of scope.querySelectorAll(selector)) {
    if (other === element) return { wanted, nth };
    if (other.tagName === element.tagName && signature(other) === wanted) nth++;
  }
  return null;
}

let kept = null;

addEventListener('class-spec-explorer:takeover', () => {
  const written = document.getElementById('prerender');
  if (!written) return;
  const fields = [];
  for (const field of written.querySelectorAll(FIELDS)) {
    const changed =
      field.type === 'checkbox' || field.type === 'radio'
        ? field.checked !== field.defaultChecked
        : field.tagName === 'SELECT'
          ? [...field.options].some((o) => o.selected !== o.defaultSelected)
          : field.value !== field.defaultValue;
    if (changed) fields.push({ at: place(written, field, FIELDS), value: field.value, checked: field.checked });
  }
  const active = document.activeElement;
  const focus = active && written.contains(active) ? { at: place(written, active, '*'), start: active.selectionStart, end: active.selectionEnd } : null;
  kept = { fields, focus, x: scrollX, y: scrollY };
});

addEventListener('class-spec-explorer:taken-over', () => {
  if (!kept) return;
  const { fields, focus, x, y } = kept;
  kept = null;
  for (const { at, value, checked } of fields) {
    const field = at && find(document.body, at.wanted, at.nth, FIELDS);
    if (!field) continue;
    if (field.type === 'checkbox' || field.type === 'radio') field.checked = checked;
    else field.value = value;
  }
  if (scrollX !== x || scrollY !== y) scrollTo(x, y);
  if (focus?.at) {
    const element = find(document.body, focus.at.wanted, focus.at.nth, '*');
    element?.focus({ preventScroll: true });
    if (element && typeof focus.start === 'number') {
      try {
        element.setSelectionRange(focus.start, focus.end);
      } catch {}
    }
  }
  // The shell reacts to these as if they were typed now (the search follows, the picker counts).
  for (const { at } of fields) {
    const field = at && find(document.body, at.wanted, at.nth, FIELDS);
    field?.dispatchEvent(new Event('input', { bubbles: true }));
    field?.dispatchEvent(new Event('change', { bubbles: true }));
  }
});

// --- Go

if ('start' in root.dataset) {
  startShell();
} else {
  drawWithEngine().then(startShellOnIntent, (error) => {
    // The engine did not come (offline before a first visit finished): the shell says so and
    // offers to try again.
    console.warn('the view could not be drawn before the app started:', error);
    startShell();
  });
}
