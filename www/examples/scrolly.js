// The scrolling article (scrolly.html): each text block names a step of the story's guided
// tour (`data-step`), and when a block reaches the middle of the screen the map shows that
// step through the element's API (`showStep`). IntersectionObserver, no library; a reader
// who scrolls back up gets the earlier steps again.
const map = document.querySelector('flowlines-map');
const blocks = [...document.querySelectorAll('.scrolly-step[data-step]')];
let ready = false;
let active = null; // the block in the middle of the screen

function show(block) {
  for (const b of blocks) b.classList.toggle('is-active', b === block);
  if (ready) map.showStep(Number(block.dataset.step));
}

// A band just below the middle of the screen (under the map on a phone, where the blocks pass
// in the clear): a block is "in view" while it crosses it.
const observer = new IntersectionObserver((entries) => {
  for (const e of entries) {
    if (!e.isIntersecting || e.target === active) continue;
    active = e.target;
    show(active);
  }
}, { rootMargin: '-58% 0px -32% 0px' });
for (const b of blocks) observer.observe(b);

// Steps asked for before the map has loaded wait for it.
map.addEventListener('flowlines-ready', () => {
  ready = true;
  if (active) show(active);
});
