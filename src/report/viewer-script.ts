/**
 * The report's one script, inlined and allowed by its hash: zoom (wheel, buttons) and pan
 * (drag) on the ER diagram by changing the SVG's viewBox, and every <details> opened before
 * printing. Hand-written (about 40 lines) because a pan-zoom library would add tens of KB
 * to every report for the same few transforms.
 */
export const VIEWER_SCRIPT = `(() => {
  let reset = () => {};
  const box = document.querySelector('#diagram .diagram');
  const svg = box && box.querySelector('svg.er-diagram');
  if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) {
    const full = svg.viewBox.baseVal;
    const home = { x: full.x, y: full.y, w: full.width, h: full.height };
    let v = { ...home };
    const apply = () => svg.setAttribute('viewBox', v.x + ' ' + v.y + ' ' + v.w + ' ' + v.h);
    reset = () => { v = { ...home }; apply(); };
    box.classList.add('zoomable');
    // As tall as the diagram at the page's width, at most three quarters of the window.
    const fit = () => { box.style.height = Math.round(Math.min(innerHeight * 0.75, Math.max(240, box.clientWidth * home.h / home.w + 2))) + 'px'; };
    fit();
    addEventListener('resize', fit);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const tools = document.querySelector('#diagram .diagram-tools');
    if (tools) tools.hidden = false;
    const scale = () => { const r = svg.getBoundingClientRect(); return Math.max(v.w / r.width, v.h / r.height); };
    const zoom = (factor, cx, cy) => {
      const w = Math.min(home.w * 2, Math.max(80, v.w * factor));
      const f = w / v.w;
      v = { x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f, w: v.w * f, h: v.h * f };
      apply();
    };
    const at = (e) => { const p = svg.createSVGPoint(); p.x = e.clientX; p.y = e.clientY; return p.matrixTransform(svg.getScreenCTM().inverse()); };
    box.addEventListener('wheel', (e) => { e.preventDefault(); const p = at(e); zoom(e.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y); }, { passive: false });
    let drag = null;
    box.addEventListener('pointerdown', (e) => { if (e.target.closest && e.target.closest('a')) return; drag = { x: e.clientX, y: e.clientY, s: scale() }; box.classList.add('panning'); box.setPointerCapture(e.pointerId); });
    box.addEventListener('pointermove', (e) => { if (!drag) return; v.x -= (e.clientX - drag.x) * drag.s; v.y -= (e.clientY - drag.y) * drag.s; drag.x = e.clientX; drag.y = e.clientY; apply(); });
    const end = () => { drag = null; box.classList.remove('panning'); };
    box.addEventListener('pointerup', end);
    box.addEventListener('pointercancel', end);
    if (tools) tools.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.dataset.zoom === 'fit') { reset(); return; }
      zoom(b.dataset.zoom === 'in' ? 1 / 1.4 : 1.4, v.x + v.w / 2, v.y + v.h / 2);
    });
  }
  const opened = [];
  addEventListener('beforeprint', () => { reset(); for (const d of document.querySelectorAll('details:not([open])')) { d.open = true; opened.push(d); } });
  addEventListener('afterprint', () => { for (const d of opened.splice(0)) d.open = false; });
})();`;
