// For a page that embeds the map in an iframe (www/embed.html): sets each such iframe's height
// to the height its document reports, as Datawrapper's and Flourish's resize scripts do, so the
// iframe needs no fixed height and never shows a scrollbar.
//
//   <iframe src="https://maps.example.org/flowlines/embed.html?lang=en" title="…" loading="lazy"
//           data-flowlines></iframe>
//   <script src="https://maps.example.org/flowlines/embed-host.js" defer></script>
//
// Only iframes the host page marked `data-flowlines` are resized, and only by a message from
// the origin of their own `src`: another iframe on the page (an advertisement, say) cannot
// make itself, or a map, 20,000 pixels tall.
//
// It also passes the map's events on as DOM events on its iframe (`flowlines-ready`,
// `flowlines-change`, `flowlines-error`, each with the map's `detail`), and gives the page
// `flowlinesEmbedHost.send(iframe, command, ...args)` to drive the map (docs/api.md):
//
//   const frame = document.querySelector('iframe[data-flowlines]');
//   frame.addEventListener('flowlines-ready', () => flowlinesEmbedHost.send(frame, 'setDate', '2024-10-20'));
//
// A plain script (no module needed), safe to include more than once; it sets nothing but the
// height of the marked iframe whose window sent the message, through the CSSOM (allowed by a
// strict Content-Security-Policy's style-src).
(function () {
  'use strict';
  if (window.flowlinesEmbedHost) return;
  var MAX = 20000; // CSS pixels: a sane bound on what a message may ask for
  /** The map's events, by the type of the message that carries each. */
  var EVENTS = { 'flowlines:ready': 'flowlines-ready', 'flowlines:change': 'flowlines-change', 'flowlines:error': 'flowlines-error' };

  /** The origin of `frame`'s src, or null when it has none (about:blank, srcdoc). */
  function originOf(frame) {
    try {
      var origin = new URL(frame.getAttribute('src') || '', document.baseURI).origin;
      return origin === 'null' ? null : origin;
    } catch (e) {
      return null;
    }
  }

  /** The marked iframe whose window sent `event`, when the message comes from its src's origin. */
  function senderOf(event) {
    var frames = document.querySelectorAll('iframe[data-flowlines]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        return event.origin === originOf(frames[i]) ? frames[i] : null;
      }
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string') return;
    if (data.type === 'flowlines:height') {
      var height = Number(data.height);
      if (!isFinite(height) || height <= 0) return;
      var frame = senderOf(event);
      if (frame) frame.style.height = Math.min(Math.ceil(height), MAX) + 'px';
    } else if (Object.prototype.hasOwnProperty.call(EVENTS, data.type)) {
      var from = senderOf(event);
      if (from) from.dispatchEvent(new CustomEvent(EVENTS[data.type], { detail: data.detail }));
    }
  });

  window.flowlinesEmbedHost = {
    /**
     * Asks the map in `frame` (a marked iframe) to run `command` with `args`, as the element's
     * method of that name would; only the iframe's own origin receives it.
     */
    send: function (frame, command) {
      var origin = originOf(frame);
      if (!origin || !frame.contentWindow) return;
      var args = Array.prototype.slice.call(arguments, 2);
      frame.contentWindow.postMessage({ type: 'flowlines:command', command: command, args: args }, origin);
    },
  };
})();
