// The default theme's only script: on narrow screens the header folds its menu behind a toggle. Without this script
// the menu stays open and wraps, so every link is still there.
(() => {
  const toggle = document.querySelector('.menu-toggle');
  const menu = document.getElementById('site-menu');
  if (!toggle || !menu) return;
  const narrow = window.matchMedia('(max-width: 859px)');
  const setOpen = (open) => {
    toggle.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('is-open', open);
  };
  const fit = () => {
    toggle.hidden = !narrow.matches;
    document.documentElement.classList.toggle('menu-folds', narrow.matches);
    if (!narrow.matches) setOpen(false);
  };
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      toggle.focus();
    }
  });
  narrow.addEventListener('change', fit);
  fit();
})();
