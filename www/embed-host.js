// For a page that embeds the map in an iframe (www/embed.html): sets each such iframe's height
// to the height its document reports, as Datawrapper's and Flourish's resize scripts do, so the
// iframe needs no fixed height and never shows a scrollbar.
//
//   <iframe src="https://maps.example.org/flowlines/embed.html?lang=en" title="…" loading="lazy"></iframe>
//   <script src="https://maps.example.org/flowlines/embed-host.js" defer></script>
//
// A plain script (no module needed), safe to include more than once; it sets nothing but the
// height of the iframe whose window sent the message, through the CSSOM (allowed by a strict
// Content-Security-Policy's style-src).
(function () {
  'use strict';
  if (window.flowlinesEmbedHost) return;
  window.flowlinesEmbedHost = true;
  var MAX = 20000; // CSS pixels: a sane bound on what a message may ask for

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'flowlines:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX) + 'px';
        return;
      }
    }
  });
})();
