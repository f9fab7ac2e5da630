"""What the browser runs on a rendered deck: the style that lays every slide out, the
measurement, and the outlines drawn for the review's pictures.

marp-cli's HTML (the bespoke template) shows one slide at a time, scaled to the window,
the others hidden with ``content-visibility``; ``STACK_CSS`` puts every slide at its own
size (1280 by 720 for the default ``size``) one under the other, so each can be measured
and photographed where it stands. Marp's own fitting is left to run: marp-core's browser
script scales ``<!-- fit -->`` headings and code blocks (``data-auto-scaling``, custom
elements with an SVG in their shadow root) and MathJax sizes display math to the slide's
width. Those elements are measured as one box each (what Marp scales down is not
overflow), everything else down to its text lines (``Range.getClientRects``) and
replaced elements, each against the box that clips it: the slide's ``section`` (whose
``overflow: hidden`` cuts it; in a ``bg left``/``bg right`` split that section is the
part beside the image) and any element between with ``overflow`` other than visible (a
table wider than the slide scrolls inside its own box in Marp's themes).
"""

from __future__ import annotations

STACK_CSS = """
svg[data-marpit-svg]{content-visibility:visible!important;opacity:1!important;
position:static!important;display:block!important;z-index:auto!important;
width:auto!important;height:auto!important;pointer-events:none!important}
.bespoke-marp-parent{position:static!important;inset:auto!important}
html,body{overflow:visible!important;height:auto!important;margin:0!important}
.bespoke-marp-osc,.bespoke-progress-parent{display:none!important}
[data-bespoke-marp-fragment]{visibility:visible!important}
"""
"""Every slide at its own size, stacked, visible: fragments shown, controls hidden."""

MEASURE_JS = r"""
async () => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const ATOMIC = 'img, svg, video, canvas, iframe, object, embed, mjx-container, '
    + '[data-auto-scaling]';
  const slides = [];
  for (const svg of document.querySelectorAll('svg[data-marpit-svg]')) {
    const view = svg.viewBox.baseVal;
    svg.style.setProperty('width', view.width + 'px', 'important');
    svg.style.setProperty('height', view.height + 'px', 'important');
  }
  for (const svg of document.querySelectorAll('svg[data-marpit-svg]')) {
    const section = [...svg.querySelectorAll(':scope > foreignObject > section')].find(
      (s) => !['background', 'pseudo'].includes(s.dataset.marpitAdvancedBackground));
    const view = svg.viewBox.baseVal;
    const frame = svg.getBoundingClientRect();
    const slide = { width: view.width, height: view.height, top: 0, right: 0, bottom: 0,
                    left: 0, split: '', box: [0, 0, view.width, view.height], cut: [], edges: [],
                    page: [frame.left + scrollX, frame.top + scrollY] };
    slides.push(slide);
    if (!section) continue;
    const box = section.getBoundingClientRect();
    const scale = box.width / (section.offsetWidth || box.width || 1) || 1;
    const local = (x, y) => [(x - frame.left) / scale, (y - frame.top) / scale];
    const [bx, by] = local(box.left, box.top);
    slide.box = [bx, by, box.width / scale, box.height / scale];
    slide.split = section.dataset.marpitAdvancedBackgroundSplit || '';
    const clips = new Map();
    const edges = new Map();
    const clipOf = (el) => {
      if (!el || el === section) return [box.left, box.top, box.right, box.bottom];
      if (clips.has(el)) return clips.get(el);
      let [l, t, r, b] = clipOf(el.parentElement);
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const own = el.getBoundingClientRect();
        const x = own.left + el.clientLeft * scale, y = own.top + el.clientTop * scale;
        l = Math.max(l, x); t = Math.max(t, y);
        r = Math.min(r, x + el.clientWidth * scale); b = Math.min(b, y + el.clientHeight * scale);
      }
      const clip = [l, t, r, b];
      clips.set(el, clip);
      return clip;
    };
    const leaf = (rect, parent) => {
      if (rect.width <= 0 || rect.height <= 0) return;
      const [l, t, r, b] = clipOf(parent);
      const over = { top: t - rect.top, right: rect.right - r, bottom: rect.bottom - b,
                     left: l - rect.left };
      let cut = false;
      for (const side in over) {
        const px = over[side] / scale;
        if (px > slide[side]) slide[side] = px;
        if (px > 0.5) cut = true;
      }
      if (!cut) return;
      for (const side in over) {
        if (over[side] / scale <= 0.5) continue;
        const key = `${side}:${l}:${t}:${r}:${b}`;
        if (edges.has(key) || edges.size >= 16) continue;
        const bar = { top: [l, t, r - l, 0], bottom: [l, b, r - l, 0], left: [l, t, 0, b - t],
                      right: [r, t, 0, b - t] }[side];
        const [x, y] = local(bar[0], bar[1]);
        edges.set(key, [x, y, bar[2] / scale, bar[3] / scale]);
      }
      if (slide.cut.length >= 64) return;
      const vl = Math.max(l, rect.left), vt = Math.max(t, rect.top);
      const vr = Math.min(r, rect.right), vb = Math.min(b, rect.bottom);
      if (vr - vl < 1 || vb - vt < 1) return;
      const [x, y] = local(vl, vt);
      slide.cut.push([x, y, (vr - vl) / scale, (vb - vt) / scale]);
    };
    const walk = (el) => {
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          if (!child.data.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(child);
          for (const rect of range.getClientRects()) leaf(rect, el);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const style = getComputedStyle(child);
          if (style.display === 'none' || style.visibility === 'hidden') continue;
          if (child.matches(ATOMIC)) leaf(child.getBoundingClientRect(), el);
          else walk(child);
        }
      }
    };
    walk(section);
    slide.edges = [...edges.values()];
  }
  return slides;
}
"""
"""One call per deck: every slide's size, how far its content reaches past the box that
clips it on each side (slide pixels, 0 when it fits), the split side of a ``bg``
split, the content box, the visible parts of cut boxes, and where the slide is on the page."""

OUTLINE_JS = r"""
(marks) => {
  for (const old of document.querySelectorAll('.marp-i18n-outline')) old.remove();
  for (const [x, y, w, h, edge] of marks) {
    const mark = document.createElement('div');
    mark.className = 'marp-i18n-outline';
    const line = edge ? 'background:rgba(230,0,0,.85);'
      : 'outline:3px solid #e60000;outline-offset:-1px;background:rgba(230,0,0,.12);';
    mark.style.cssText = 'position:absolute;pointer-events:none;z-index:2147483647;' + line +
      `left:${x}px;top:${y}px;width:${w}px;height:${h}px`;
    document.body.appendChild(mark);
  }
}
"""
"""Draw the given page rectangles ``[x, y, w, h, is_edge]`` over the slides: outlines
around what is cut, a solid bar along the edge that cuts it."""
