// In www/embed.html, the map alone in an iframe: tells the page that embeds it how tall the
// document is, whenever that changes, as {type: 'flowlines:height', height} (CSS pixels), so
// the host sets the iframe's height (www/embed-host.js does) and it never scrolls or clips.

const params = new URL(location.href).searchParams;
// `embed.html?lang=ko`: the map reads it (url-params); the document says it too, for screen readers.
const lang = params.get('lang');
if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) document.documentElement.lang = lang;

if (window.parent !== window) {
  let sent = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: 'flowlines:height', height }, '*'); // a height is no secret
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
