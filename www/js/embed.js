// In www/embed.html, the map alone in an iframe: tells the page that embeds it how tall the
// document is (CSS pixels), whenever that changes, so the host sets the iframe's height and it
// never scrolls or clips. It speaks the resize protocols newsrooms' host pages already run:
//   - ours, {type: 'flowlines:height', height}, read by www/embed-host.js;
//   - pym.js's child protocol, the string `pymxPYMx<childId>xPYMxheightxPYMx<height>`, with the
//     childId pym.Parent puts in the iframe's URL (`?childId=`); sent only when it is there;
//   - AMP's {sentinel: 'amp', type: 'embed-size', height}, which amp-iframe and
//     @newswire/frames read.
// A host that asks again (pym's `width` message, frames' `frames-init`) is told the height anew.
//
// The parent window may also drive the map, as a story page drives a <flowlines-map> element
// (docs/api.md): `{type: 'flowlines:command', command: 'setDate', args: ['2024-10-20']}`, with
// the commands of COMMANDS only, each argument checked here by its shape and then by the map
// as the element's methods check it. A message from any other window, an unknown command or a
// bad argument is ignored with a console warning. No message can change what the map loads
// (`data`, `basemap`) or where from: the allow-list rule (docs/security.md) stays the page's.
// The map's events go to the parent as `{type: 'flowlines:ready' | 'flowlines:change' |
// 'flowlines:error', detail}`.

const PYM = 'xPYMx'; // pym.js's field delimiter

const isString = (v) => typeof v === 'string';
const isIds = (v) => Array.isArray(v) && v.length <= 1000 && v.every(isString);
/** Each command a parent may send, with the check of its arguments' shape. */
const COMMANDS = {
  setDate: (args) => args.length === 1 && isString(args[0]),
  play: (args) => args.length === 0,
  pause: (args) => args.length === 0,
  showCategories: (args) => args.length === 1 && (args[0] === null || isIds(args[0])),
  focusStream: (args) => args.length === 1 && (args[0] === null || isString(args[0])),
  fitTo: (args) => args.length === 1 && isIds(args[0]),
  reset: (args) => args.length === 0,
  showStep: (args) => args.length === 1 && Number.isInteger(args[0]),
  nextStep: (args) => args.length === 0,
  previousStep: (args) => args.length === 0,
};
/** What a message may never ask, whatever its form: what the map loads, and from where. */
const REFUSED = ['data', 'basemap', 'allowed-data', 'allowedData'];
/** The map's events passed on to the parent, and the message type each becomes. */
const EVENTS = {
  'flowlines-ready': 'flowlines:ready', 'flowlines-change': 'flowlines:change', 'flowlines-error': 'flowlines:error', 'flowlines-step': 'flowlines:step',
};

/** Says on the console that a message from the parent was ignored, and why. */
function refuse(data, why) {
  const text = (() => { try { return JSON.stringify(data); } catch { return String(data); } })();
  console.warn(`flowlines: ignored the message ${String(text).slice(0, 120)}: ${why}`);
}

/** Runs the command `data` asks on `map`, when it is one of COMMANDS with arguments of the right shape. */
function command(map, data) {
  const name = data.command;
  const args = data.args === undefined ? [] : data.args;
  if (REFUSED.includes(name)) { refuse(data, 'no message may change what the map loads'); return; }
  if (typeof name !== 'string' || !Object.hasOwn(COMMANDS, name)) { refuse(data, 'no such command'); return; }
  if (!Array.isArray(args) || !COMMANDS[name](args)) { refuse(data, `not the arguments ${name} takes`); return; }
  map[name](...args); // the map checks the values (dates, ids) and warns of a bad one
}
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
  // From the parent window only: a request to be told the height again, or a command.
  const map = document.querySelector('flowlines-map');
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent) {
      if (data?.type === 'flowlines:command') refuse(data, 'not from the parent window');
      return;
    }
    const pymWidth = childId && typeof data === 'string' && data.startsWith(['pym', childId, 'width', ''].join(PYM));
    const framesInit = data?.sentinel === 'amp' && data?.type === 'frames-init';
    if (pymWidth || framesInit) send(true);
    else if (data?.type === 'flowlines:command' && map) command(map, data);
  });
  // The map's events, told to the parent. What the map shows is no secret (the page and its
  // data are public): '*' lets a host on any origin read it, as with the height.
  for (const [name, type] of Object.entries(EVENTS)) {
    map?.addEventListener(name, (e) => window.parent.postMessage({ type, detail: e.detail }, '*'));
  }
}
