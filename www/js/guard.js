// One map that fails stops alone. The maps on a page share one WebAssembly module; when a call
// of one map traps (a Rust panic: the module's panic hook has logged the Rust message with
// console.error by then), that map stops, shows its static image and a line of text, and the
// other maps keep running. Every call the shell makes on a map's handle goes through guard().

/** Whether `error` says the module trapped inside a call of this handle. */
function isTrap(error) {
  // After a panic inside a `&mut self` call, the handle stays borrowed, and wasm-bindgen says
  // so on each later call: that handle is as dead as the trap left it.
  return error instanceof WebAssembly.RuntimeError
    || /recursive use of an object/.test(String(error?.message));
}

/**
 * `handle` (a FlowMap) behind a proxy whose every method call that traps calls `onTrap(error)`,
 * once, and rethrows; after that, each call throws at once without entering the module.
 */
export function guard(handle, onTrap) {
  let failed = false;
  return new Proxy(handle, {
    get(target, name) {
      const value = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args) => {
        if (failed) throw new Error('flowlines: this map has stopped');
        try {
          return value.apply(target, args);
        } catch (error) {
          if (isTrap(error)) {
            failed = true;
            onTrap(error);
          }
          throw error;
        }
      };
    },
  });
}

/**
 * Turns the map in the shadow root (`$` finds its elements by id) of `host` into its static
 * image with `text` under it: the map box is replaced by a copy without the canvases, the
 * tooltip, the zoom buttons or any event listener, and the controls hide as with mode="static".
 */
export function showFailure($, host, text) {
  host.dataset.failed = 'true';
  host.dataset.static = 'true';
  delete host.dataset.ready; // the fallback image shows again (flowlines.css)
  const box = $('fl-map');
  if (box) {
    const still = box.cloneNode(false); // no listeners come with a copy
    for (const name of ['tabindex', 'role', 'aria-label']) still.removeAttribute(name);
    const slot = box.querySelector('slot[name="fallback"]');
    if (slot) still.append(slot);
    box.replaceWith(still);
  }
  const line = $('fl-errors');
  line.textContent = text; // never parsed as HTML
  line.hidden = false;
}
