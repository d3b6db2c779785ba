// What the app needs from the browser around it, kept out of the wasm: the service worker
// (offline use and the update offer), the offline indicator, and the embedded mode's messages to
// the page that frames it. Loaded by index.html as a module, before the app.

const params = new URLSearchParams(location.search);
const root = document.documentElement;

// --- Embedded in another site's page (<iframe src=".../class/102D?embed=1&parent=https://agency.example">)
//
// Chrome-less (the header and footer hide), and it tells the parent page its content height:
//   { type: "class-spec-explorer:height", height: <CSS pixels> }
// posted to the `parent` origin from the address (or to any origin when none is given: the
// message carries nothing but a height). It accepts one command, and only from that origin:
//   { type: "class-spec-explorer:report-height" }   (answers with a height message)
// Messages from any other origin are ignored.
if (params.has('embed') && window.parent !== window) {
  root.classList.add('embedded');
  const parentOrigin = params.get('parent') || '*';
  let last = 0;
  const report = (force) => {
    const height = Math.ceil(document.body.scrollHeight);
    if (force || height !== last) {
      last = height;
      window.parent.postMessage({ type: 'class-spec-explorer:height', height }, parentOrigin);
    }
  };
  new ResizeObserver(() => report(false)).observe(document.body);
  window.addEventListener('message', (event) => {
    if (parentOrigin === '*' || event.origin !== parentOrigin) return;
    if (event.data?.type === 'class-spec-explorer:report-height') report(true);
  });
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
function offerUpdate(worker) {
  if (document.querySelector('.update-offer')) return;
  const offer = document.createElement('div');
  offer.className = 'update-offer';
  offer.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of Class Spec Explorer is available.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.textContent = 'Reload to update';
  button.addEventListener('click', () => {
    worker.postMessage({ type: 'class-spec-explorer:activate' });
  });
  offer.append(text, button);
  document.body.append(offer);
}

async function startServiceWorker() {
  const registration = await navigator.serviceWorker.register('/sw.js');
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A person accepted the update (here or in another tab): reload into the new version at
    // once, so the old page never loads a file of the new build.
    if (hadController) location.reload();
  });
  const watch = (worker) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  // Look for a new build now and then, and whenever the page comes back into view.
  const check = () => registration.update().catch(() => {});
  setInterval(check, 30 * 60 * 1000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

window.addEventListener('DOMContentLoaded', () => {
  document.body.append(flag);
  showConnection();
});
if ('serviceWorker' in navigator && !root.classList.contains('embedded')) {
  // After the app has loaded: caching every file must not compete with the first view.
  window.addEventListener('load', () => {
    startServiceWorker().catch((error) => console.warn('offline use is not available:', error));
  });
}
