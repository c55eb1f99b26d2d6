// In www/embed.html, the map alone in an iframe: tells the page that embeds it how tall the
// document is (CSS pixels), whenever that changes, so the host sets the iframe's height and it
// never scrolls or clips. It speaks the resize protocols newsrooms' host pages already run:
//   - ours, {type: 'flowlines:height', height}, read by www/embed-host.js;
//   - pym.js's child protocol, the string `pymxPYMx<childId>xPYMxheightxPYMx<height>`, with the
//     childId pym.Parent puts in the iframe's URL (`?childId=`); sent only when it is there;
//   - AMP's {sentinel: 'amp', type: 'embed-size', height}, which amp-iframe and
//     @newswire/frames read.
// A host that asks again (pym's `width` message, frames' `frames-init`) is told the height anew.

const PYM = 'xPYMx'; // pym.js's field delimiter
const childId = new URL(location.href).searchParams.get('childId');

if (window.parent !== window) {
  let sent = -1;
  const send = (again = false) => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent && !again) return;
    sent = height;
    // A height is no secret: '*' lets a host on any origin read it.
    window.parent.postMessage({ type: 'flowlines:height', height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (childId) window.parent.postMessage(['pym', childId, 'height', height].join(PYM), '*');
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  send();
  // Only a request to be told again, from the parent window; nothing in it is used.
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    const pymWidth = childId && typeof data === 'string' && data.startsWith(['pym', childId, 'width', ''].join(PYM));
    const framesInit = data?.sentinel === 'amp' && data?.type === 'frames-init';
    if (pymWidth || framesInit) send(true);
  });
}
