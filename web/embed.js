// The embed snippet's script (crates/core/src/render/embed.rs writes the snippet), served from
// the app's origin at one stable address, /embed.js, so that an agency's page whose
// Content-Security-Policy allows no inline script can run it: the agency adds the app's origin
// to its script-src and frame-src, nothing else. Its name has no hash (the snippet pasted into
// the agency's page must keep working across builds); deploy/nginx.conf gives it an hour's
// cache life. Old browsers' syntax only: it runs in pages we do not control.
//
//   <div id="cse-class-102D"><a href="https://classes.example.org/class/102D">…</a></div>
//   <script src="https://classes.example.org/embed.js" data-view="/class/102D" data-place="cse-class-102D" async></script>
//
// It replaces the placeholder (data-place, holding a link to the view, which stays where no
// script runs) with a frame of the view (data-view, a path of the app with its query), titled
// with the link's text, that tells this page its height: the frame sends it only to this page's
// origin (parent= in its address, checked by the frame, web/platform.js), and this script takes
// it only from that frame, at the app's origin.
(function () {
  // The names shared with Rust (crates/core/src/contract.rs), put in by the build
  // (scripts/postbuild.mjs, scripts/contract.mjs).
  // (The build writes each value in where it is used: the file it serves is old browsers' syntax.)
  var { APP_NAME, EMBED_VIEW, EMBED_PLACE, QUERY_EMBED, QUERY_PARENT, MESSAGE_HEIGHT } = CONTRACT;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var app = new URL(script.src).origin;
  var view = script.getAttribute(EMBED_VIEW) || '';
  var place = document.getElementById(script.getAttribute(EMBED_PLACE) || '');
  if (!place) return;
  var address;
  try {
    address = new URL(app + view);
  } catch (error) {
    return;
  }
  // A path of the app, nothing else (not "@elsewhere.example", not "//elsewhere.example").
  if (view.charAt(0) !== '/' || address.origin !== app) return;
  address.hash = '';
  var frame = document.createElement('iframe');
  frame.title = place.textContent.replace(/\s+/g, ' ').trim() || APP_NAME;
  frame.loading = 'lazy';
  frame.style.width = '100%';
  frame.style.height = '40rem';
  frame.style.border = '0';
  frame.src =
    address.href +
    (address.search ? '&' : '?') +
    QUERY_EMBED +
    '=1&' +
    QUERY_PARENT +
    '=' +
    encodeURIComponent(location.origin);
  place.replaceChildren(frame);
  window.addEventListener('message', function (event) {
    if (event.origin !== app || event.source !== frame.contentWindow) return;
    var height = event.data && event.data.type === MESSAGE_HEIGHT && Number(event.data.height);
    if (height > 0) frame.style.height = Math.ceil(height) + 'px';
  });
})();
