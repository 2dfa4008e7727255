// Keeps the reader's place. The page works without this script: the
// language switch is CSS, links go to the top of the other editions.
(() => {
  "use strict";
  const key = "bitext-show";
  const toolbar = document.querySelector(".toolbar");
  const units = [...document.querySelectorAll("article [id]")].filter(e => !e.closest("sup"));
  let place = null;

  // The unit at the top of the reading area, and how far into it the
  // reader is, as a fraction of its height.
  const top = () => (toolbar ? toolbar.getBoundingClientRect().bottom : 0);
  const find = () => {
    if (window.scrollY < 1) return null;
    const t = top();
    // Units are in reading order, top to bottom: search, not scan.
    let lo = 0, hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (units[mid].getBoundingClientRect().bottom > t) hi = mid; else lo = mid + 1;
    }
    if (lo === units.length) return null;
    const r = units[lo].getBoundingClientRect();
    return { e: units[lo], at: r.top < t && r.height > 0 ? (t - r.top) / r.height : 0 };
  };
  const restore = p => {
    if (!p) return;
    const r = p.e.getBoundingClientRect();
    window.scrollBy(0, r.top + p.at * r.height - top());
  };
  let queued = false;
  addEventListener("scroll", () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; place = find(); });
  }, { passive: true });

  // Links land below the toolbar, however high it wraps; the stylesheet
  // has a fallback.
  const landing = () => {
    const t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!t) return;
    const y = t.getBoundingClientRect().top;
    if (y < top() || y >= innerHeight) t.scrollIntoView();
  };
  const pad = () => {
    if (toolbar) document.documentElement.style.scrollPaddingTop = (toolbar.offsetHeight + 8) + "px";
  };
  pad();
  addEventListener("resize", pad);
  addEventListener("hashchange", landing);

  // The language switch: the passage stays in view, and the choice,
  // kept by language, holds on reload and on other bilingual pages.
  const inputs = [...document.querySelectorAll(".switch input")];
  const value = i => i.id === "show-both" ? "both" : (document.querySelector(`label[for="${i.id}"]`) || {}).lang;
  let stored = null;
  try { stored = localStorage.getItem(key); } catch (e) { /* storage may be off */ }
  const chosen = inputs.find(i => value(i) === stored);
  if (chosen && !chosen.checked) chosen.checked = true;
  landing();
  for (const i of inputs) {
    i.addEventListener("change", () => {
      const p = place || find();
      try { localStorage.setItem(key, value(i)); } catch (e) { /* storage may be off */ }
      restore(p);
      place = p;
    });
  }

  // Links to the other editions go to the same passage: every edition
  // gives a unit the same id.
  for (const a of document.querySelectorAll(".toolbar nav a")) {
    const go = () => {
      const p = place || find();
      const href = a.getAttribute("href").split("#")[0];
      a.setAttribute("href", p ? href + "#" + encodeURIComponent(p.e.id) : href);
    };
    a.addEventListener("pointerdown", go);
    a.addEventListener("focus", go);
    a.addEventListener("click", go);
  }
})();
