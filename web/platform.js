// What the app needs from the browser around it, kept out of the wasm: the service worker
// (offline use and the update offer), the offline indicator, the embedded mode's messages to
// the page that frames it, and the kiosk's guard (no way out, no context menu, and back to the
// start after a quiet time). Loaded by index.html as a classic script in <head>, before the body
// is parsed: it marks the page (embedded, kiosk, whether it holds its address's view) before
// anything is painted.
(() => {

// The names shared with Rust (crates/core/src/contract.rs): scripts/postbuild.mjs puts their
// values in place of the object read here (scripts/contract.mjs).
const {
  APP_NAME,
  QUERY_EMBED,
  QUERY_PARENT,
  QUERY_KIOSK,
  QUERY_IDLE,
  EMBEDDED_CLASS,
  EMBED_REFUSED_CLASS,
  KIOSK_CLASS,
  KIOSK_STORAGE,
  MESSAGE_HEIGHT,
  MESSAGE_REPORT_HEIGHT,
  MESSAGE_ACTIVATE,
  VIEW_META,
  VIEW_QUERY,
  VIEW_KIOSK,
  VIEW_PENDING,
  ENGINE_META,
  VIEW_ENGINE_META,
  ENGINE_JS,
  ENGINE_JS_INTEGRITY,
  ENGINE_WASM,
  WHY_CLASS,
  PRINT_ADDRESS_ID,
  CAN_SHARE,
  QR,
} = CONTRACT;

const params = new URLSearchParams(location.search);
const root = document.documentElement;

// --- Sharing: whether the browser offers its share sheet for a link, so the "Share" / "Copy
// link" button (crates/core/src/render/take_away.rs) has the right label from the first paint.
if (navigator.canShare?.({ url: location.href })) root.setAttribute(CAN_SHARE, '');

// --- Embedded in another site's page (<iframe src=".../class/102D?embed=1&parent=https://agency.example">)
//
// Chrome-less (the header and footer hide), and it tells the page that frames it its content
// height, posted to the `parent` origin from the address and to no other:
//   { type: "class-spec-explorer:height", height: <CSS pixels> }
// It accepts one command, and only from the page that frames it (window.parent) at that origin:
//   { type: "class-spec-explorer:report-height", id? }   (answers with a height message, with
//   the request's `id` (a string or a number) if it had one, so the page can tell its answer
//   from a report of growth)
// `parent` must be an https: origin (or http://localhost or 127.0.0.1, for development); any
// other value, or none, is refused: the frame says so instead of showing the view, and sends
// nothing.
if (params.has(QUERY_EMBED) && window.parent !== window) {
  root.classList.add(EMBEDDED_CLASS);
  const parentOrigin = trustedOrigin(params.get(QUERY_PARENT));
  if (parentOrigin === null) {
    root.classList.add(EMBED_REFUSED_CLASS);
    const refusal = document.createElement('p');
    refusal.className = 'notice notice--error embed-refusal';
    refusal.setAttribute('role', 'alert');
    refusal.textContent =
      `This view cannot be shown here: the address of the page that frames it (${QUERY_PARENT}=…) must be an https: origin, like ${QUERY_PARENT}=https://agency.example. Copy the snippet again from “Embed this view”.`;
    window.addEventListener('DOMContentLoaded', () => document.body.append(refusal));
  } else {
    let last = 0;
    const report = (force, id) => {
      const height = Math.ceil(document.body.scrollHeight);
      if (force || height !== last) {
        last = height;
        const message = { type: MESSAGE_HEIGHT, height };
        if (typeof id === 'string' || typeof id === 'number') message.id = id;
        window.parent.postMessage(message, parentOrigin);
      }
    };
    window.addEventListener('DOMContentLoaded', () => {
      new ResizeObserver(() => report(false)).observe(document.body);
    });
    window.addEventListener('message', (event) => {
      if (event.source !== window.parent || event.origin !== parentOrigin) return;
      if (event.data?.type === MESSAGE_REPORT_HEIGHT) report(true, event.data.id);
    });
  }
  // A link followed inside the frame would put the whole app (or another site) in the agency's
  // page: every link but one to a place in this view opens in a new tab instead. Captured
  // before the app's own link handling sees the click.
  window.addEventListener(
    'click',
    (event) => {
      const link = event.target.closest?.('a[href]');
      const href = link?.getAttribute('href');
      if (!href || href.startsWith('#') || event.defaultPrevented) return;
      event.preventDefault();
      event.stopPropagation();
      window.open(new URL(href, location.href).href, '_blank', 'noopener');
    },
    true,
  );
}

/** `value` if it is an origin a frame may talk to (https:, or http: on this machine), else null. */
function trustedOrigin(value) {
  let url;
  try {
    url = new URL(value ?? '');
  } catch {
    return null;
  }
  // An origin and nothing more (no path, no user, no query), as the snippet writes it.
  if (url.origin !== value) return null;
  if (url.protocol === 'https:') return url.origin;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && local ? url.origin : null;
}

// --- Kiosk (start address /?kiosk=1, optionally &idle=SECONDS; kept for the browser session,
// ended by ?kiosk=0)
//
// Touch-first (larger targets, from the stylesheet), no typing (the planner's years are
// steppers), no link out of the app (other sites' addresses are shown as text), no context menu
// or text selection. After the quiet time (90 s unless set) a countdown warns, then the app goes
// back to the start view and the planner is cleared; any tap stays (WCAG 2.2.1).
if (params.has(QUERY_KIOSK)) {
  if (params.get(QUERY_KIOSK) === '0') {
    sessionStorage.removeItem(KIOSK_STORAGE);
  } else {
    const idle = Math.round(Number(params.get(QUERY_IDLE)));
    sessionStorage.setItem(KIOSK_STORAGE, String(Number.isFinite(idle) && idle >= 5 ? Math.min(idle, 3600) : 90));
  }
}
const kioskIdle = root.classList.contains(EMBEDDED_CLASS) ? 0 : Number(sessionStorage.getItem(KIOSK_STORAGE)) || 0;
if (kioskIdle > 0) {
  root.classList.add(KIOSK_CLASS);
  const block = (event) => event.preventDefault();
  document.addEventListener('contextmenu', block);
  document.addEventListener('selectstart', block);
  document.addEventListener('dragstart', block);

  // One history entry for the whole session: every move within the app replaces it, so Back
  // never leads to what the last person looked at. The app's router moves with pushState; a
  // link or a form the app does not handle (before it has started) would load a page.
  history.pushState = function pushState(state, unused, url) {
    return History.prototype.replaceState.call(this, state, unused, url);
  };
  const leave = (event, url) => {
    if (event.defaultPrevented || url.origin !== location.origin) return;
    event.preventDefault();
    location.replace(url);
  };
  // Added while the event reaches the window on its way down, so that it runs after every
  // handler of the way up (the app's router's among them) and sees whether one took the event.
  window.addEventListener(
    'click',
    () => {
      window.addEventListener(
        'click',
        (event) => {
          const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
          const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
          if (link && plain && !link.target && !link.hasAttribute('download')) leave(event, new URL(link.href));
        },
        { once: true },
      );
    },
    { capture: true },
  );
  window.addEventListener(
    'submit',
    () => {
      window.addEventListener(
        'submit',
        (event) => {
          const form = event.target;
          // Taken by the app, which may have drawn the next view already: the comparison's
          // button (outside its form, `form="compare-picker"`) then belongs to no form, and
          // FormData would throw on it (issue 26). The app has moved; nothing is left to do.
          if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method !== 'get') return;
          const url = new URL(form.action);
          url.search = new URLSearchParams(new FormData(form, event.submitter)).toString();
          leave(event, url);
        },
        { once: true },
      );
    },
    { capture: true },
  );

  // Other sites' addresses become text: a kiosk has no way back from them.
  const unlink = (scope) => {
    for (const link of scope.querySelectorAll('a[href]')) {
      const url = new URL(link.getAttribute('href'), location.href);
      if (url.origin === location.origin) continue;
      if (url.protocol === 'data:') {
        link.remove(); // a download: nowhere to take it from a kiosk
        continue;
      }
      const text = document.createElement('span');
      text.className = 'external-address';
      text.textContent = `${link.textContent} (${url.host}${url.pathname})`;
      // Its code to scan: the QR module, once a kiosk's shell has it, puts a button beside it.
      text.setAttribute(QR, url.href);
      link.replaceWith(text);
    }
  };
  new MutationObserver(() => document.body && unlink(document.body)).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });

  // Quiet time, then a countdown, then back to the start.
  const warnFor = Math.min(20, Math.max(2, Math.floor(kioskIdle / 3)));
  const countdown = document.createElement('div');
  countdown.className = 'kiosk-countdown';
  countdown.setAttribute('role', 'alert');
  countdown.hidden = true;
  const message = document.createElement('p');
  const stay = document.createElement('button');
  stay.type = 'button';
  stay.className = 'button';
  stay.textContent = 'I am still here';
  countdown.append(message, stay);
  let quiet;
  let ticking;
  const startOver = () => {
    // A fresh start view: the planner's answers and every field go with the old page, whose
    // history entry this one replaces.
    for (const form of document.forms) form.reset();
    location.replace('/');
  };
  const tick = (left) => {
    if (left <= 0) {
      startOver();
      return;
    }
    message.textContent = `Nobody there? Going back to the start in ${left} second${left === 1 ? '' : 's'}, and clearing the planner. Tap anywhere to stay.`;
    countdown.hidden = false;
    ticking = setTimeout(() => tick(left - 1), 1000);
  };
  const wake = () => {
    clearTimeout(quiet);
    clearTimeout(ticking);
    countdown.hidden = true;
    quiet = setTimeout(() => tick(warnFor), Math.max(0, kioskIdle - warnFor) * 1000);
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  window.addEventListener('DOMContentLoaded', () => {
    document.body.append(countdown);
    unlink(document.body);
    wake();
  });
}

// --- Whether this page holds the view of its address
//
// A page written at build time says which view it holds (<meta name="view">: its path, the
// query names that would make the address another view, and whether a kiosk sees it otherwise).
// A server answers other addresses with some page too (its fallback, or the page of the same
// path when the query computes the view): that page is marked before anything is painted, its
// view stays hidden, and web/boot.js has the engine draw the right one.
{
  const written = document.querySelector(`meta[name="${VIEW_META}"]`);
  const holdsThisView =
    written?.content === location.pathname &&
    !written.getAttribute(VIEW_QUERY).split(' ').some((name) => name && params.has(name)) &&
    !(root.classList.contains(KIOSK_CLASS) && written.hasAttribute(VIEW_KIOSK));
  if (!holdsThisView) {
    root.setAttribute(VIEW_PENDING, '');
    // The engine draws this view (web/boot.js): its files are asked for now, while the
    // stylesheet and boot.js load, not one after another once boot.js has run. boot.js's own
    // requests then take these responses, and check them against their integrity hashes (a
    // preload of type fetch cannot: Chromium ignores its integrity attribute). A page that holds
    // its view fetches none of this before the first intent. The page's own engine module
    // when it names one (a page whose query computes its view), else the whole engine.
    const engine =
      document.querySelector(`meta[name="${VIEW_ENGINE_META}"]`) ?? document.querySelector(`meta[name="${ENGINE_META}"]`);
    if (engine) {
      const js = document.createElement('link');
      js.rel = 'modulepreload';
      js.href = engine.getAttribute(ENGINE_JS);
      js.integrity = engine.getAttribute(ENGINE_JS_INTEGRITY);
      js.crossOrigin = 'anonymous';
      const wasm = document.createElement('link');
      wasm.rel = 'preload';
      wasm.as = 'fetch';
      wasm.href = engine.getAttribute(ENGINE_WASM);
      wasm.crossOrigin = 'anonymous';
      document.head.append(js, wasm);
    }
  }
}

// --- Offline indicator
const flag = document.createElement('p');
flag.className = 'offline-flag';
flag.setAttribute('role', 'status');
flag.hidden = true;
flag.textContent = 'Offline: you are using the copy saved on this device.';
const showConnection = () => {
  flag.hidden = navigator.onLine;
};
window.addEventListener('online', showConnection);
window.addEventListener('offline', showConnection);

// --- Service worker and updates
function offerUpdate(registration) {
  // A note that an earlier build could not be installed is out of date once one has.
  document.querySelector('.update-failed')?.remove();
  if (document.querySelector('.update-offer')) return;
  const offer = document.createElement('div');
  offer.className = 'update-offer';
  offer.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = `A new version of ${APP_NAME} is available.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = 'Reload to update';
  // The build waiting when the person accepts, not the one waiting when the offer was made: a
  // later deployment, found by the tab's next check, takes its place, and the one first offered
  // is gone (told to activate, it would do nothing).
  button.addEventListener('click', () => {
    registration.waiting?.postMessage({ type: MESSAGE_ACTIVATE });
  });
  offer.append(text, button);
  document.body.append(offer);
}

// A new version that could not be installed (web/sw.js: a file not the build's, the network
// gone): said once on the page, calmly; the version in use keeps working, and the worker tries
// again later on its own.
function sayUpdateFailed() {
  // Said once; and not beside an offer: a version is ready, and accepting it is all there is to do.
  if (document.querySelector('.update-offer')) return;
  const note = document.createElement('div');
  note.className = 'update-offer update-failed';
  note.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent =
    `A new version of ${APP_NAME} could not be installed. This version keeps working; it will try again later.`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = 'OK';
  button.addEventListener('click', () => note.remove());
  note.append(text, button);
  document.body.append(note);
}

/** Reloads the page into a new version as soon as one takes it over, from the page's start. */
function reloadOnNewVersion() {
  // Whether a worker serves this page: the first one to take a page opened before any worker
  // (its first visit) brings nothing new, so that change alone does not reload.
  let controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A person accepted the update (here or in another tab): reload into the new version at
    // once, so the old page never loads a file of the new build.
    if (controlled) location.reload();
    controlled = true;
  });
}

async function startServiceWorker() {
  // The policy requires Trusted Types for a worker's address too (deploy/content-security-policy.txt):
  // a policy of its own, which can make that one address and no other.
  const script = globalThis.trustedTypes
    ? trustedTypes.createPolicy('class-spec-worker', { createScriptURL: () => '/sw.js' }).createScriptURL('')
    : '/sw.js';
  const registration = await navigator.serviceWorker.register(script);
  const watch = (worker) => {
    let was = worker?.state;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(registration);
      // Straight from installing to redundant: its install failed (a worker that installed and
      // is later replaced goes there from installed).
      if (worker.state === 'redundant' && was === 'installing' && navigator.serviceWorker.controller) sayUpdateFailed();
      was = worker.state;
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // Look for a new build now and then, and whenever the page comes back into view.
  const check = () => registration.update().catch(() => {});
  setInterval(check, 30 * 60 * 1000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

// --- A printed page says where it came from (issue 23): the head only paper shows holds the
// view's path and query as the page was drawn; here, as the page is printed, the whole address
// it was printed from (the origin is known only here; the address may have changed since the
// page was drawn), without a frame's or a kiosk's marks, which name no view.
const printAddress = () => {
  const where = document.getElementById(PRINT_ADDRESS_ID);
  if (!where) return;
  const kept = location.search
    .slice(1)
    .split('&')
    // Each pair's name read as the URL standard reads it (a broken escape does not throw).
    .filter((pair) => pair && ![QUERY_EMBED, QUERY_PARENT, QUERY_KIOSK, QUERY_IDLE].includes([...new URLSearchParams(pair).keys()][0]));
  where.textContent = `${location.origin}${location.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
};
window.addEventListener('beforeprint', printAddress);
// A preview that emulates print (no beforeprint) is told too.
matchMedia('print').addEventListener('change', (event) => event.matches && printAddress());

// --- Escape closes an open "why" note (a <details class="why">): the one holding focus, else the
// last opened, and puts focus on its "why" so the person is where the note was.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  const open =
    document.activeElement?.closest?.(`details.${WHY_CLASS}[open]`) ??
    [...document.querySelectorAll(`details.${WHY_CLASS}[open]`)].pop();
  if (!open) return;
  open.open = false;
  open.querySelector('summary')?.focus();
  event.preventDefault();
});

window.addEventListener('DOMContentLoaded', () => {
  document.body.prepend(flag);
  showConnection();
});
/** Resolves once the view of the page's address is painted (for a pending view, once
 *  web/boot.js or the shell has drawn it and lifted the mark): after the next frame, so in a
 *  tab opened in the background, once it is first shown. */
function viewShown() {
  return new Promise((resolve) => {
    const shown = () => !root.hasAttribute(VIEW_PENDING);
    const afterTheFrame = () => requestAnimationFrame(() => setTimeout(resolve));
    if (shown()) return afterTheFrame();
    const watch = new MutationObserver(() => {
      if (!shown()) return;
      watch.disconnect();
      afterTheFrame();
    });
    watch.observe(root, { attributes: true });
  });
}

if ('serviceWorker' in navigator && !root.classList.contains(EMBEDDED_CLASS)) {
  // Heard from the start, not once the view is on screen: a tab not yet shown (a background
  // tab draws no frame) must hear an update accepted in another tab too.
  reloadOnNewVersion();
  // After the page has loaded and its view is on screen: caching every file must not compete
  // with the first view (the load event can come before the engine has drawn a pending one).
  window.addEventListener('load', () => {
    viewShown()
      .then(startServiceWorker)
      .catch((error) => console.warn('offline use is not available:', error));
  });
}
})();
