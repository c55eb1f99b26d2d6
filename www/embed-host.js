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
// A plain script (no module needed), safe to include more than once; it sets nothing but the
// height of the marked iframe whose window sent the message, through the CSSOM (allowed by a
// strict Content-Security-Policy's style-src).
(function () {
  'use strict';
  if (window.flowlinesEmbedHost) return;
  window.flowlinesEmbedHost = true;
  var MAX = 20000; // CSS pixels: a sane bound on what a message may ask for

  /** The origin of `frame`'s src, or null when it has none (about:blank, srcdoc). */
  function originOf(frame) {
    try {
      var origin = new URL(frame.getAttribute('src') || '', document.baseURI).origin;
      return origin === 'null' ? null : origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'flowlines:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.querySelectorAll('iframe[data-flowlines]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        if (event.origin !== originOf(frames[i])) return;
        frames[i].style.height = Math.min(Math.ceil(height), MAX) + 'px';
        return;
      }
    }
  });
})();
