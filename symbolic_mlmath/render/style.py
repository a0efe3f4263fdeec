"""The look of the HTML pages: the stylesheet (screen, dark mode, print) and the script
that typesets the formulas with KaTeX and scales a display that is wider than the page.

Examples
========
>>> "prefers-color-scheme: dark" in CSS and "@media print" in CSS
True
"""

__all__ = ["CSS", "NOSCRIPT", "TYPESET"]

TYPESET = """
(function () {
  var HL = /\\\\textcolor\\{#1565c0\\}/g;
  function typeset() {
    var els = document.querySelectorAll(".math");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var tex = el.getAttribute("data-tex") || el.textContent;
      el.setAttribute("data-tex", tex);
      katex.render(tex.replace(HL, "\\\\htmlClass{hl}"), el, {
        displayMode: el.classList.contains("display"), throwOnError: false,
        strict: "ignore", maxExpand: 10000,
        trust: function (c) { return c.command === "\\\\htmlClass"; }});
    }
    document.documentElement.setAttribute("data-typeset", String(els.length));
    fit();
  }
  function fit() {  /* a display wider than the column is scaled down, never cut */
    var els = document.querySelectorAll(".math.display");
    for (var i = 0; i < els.length; i++) {
      var el = els[i], inner = el.firstElementChild;
      if (!inner) { continue; }
      el.style.fontSize = "";
      var need = inner.scrollWidth, have = el.clientWidth;
      if (need > have && have > 0) {
        el.style.fontSize = Math.max(50, Math.floor(100 * have / need)) + "%";
      }
    }
  }
  window.addEventListener("resize", fit);
  window.addEventListener("beforeprint", fit);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) { mq.addEventListener("change", fit); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", typeset);
  } else { typeset(); }
})();
"""

CSS = """
:root { color-scheme: light dark; }
body { font-family: Georgia, "Times New Roman", serif; max-width: 50em; margin: 2em auto;
       padding: 0 1.2em; line-height: 1.55; color: #1b1b1b; background: #fff; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h2 { margin-top: 2.2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
h2 a.anchor { color: inherit; text-decoration: none; }
h2 a.anchor:hover::after { content: " #"; color: #888; }
a { color: #0b5cad; }
.math.display, div.math { display: block; overflow-x: auto; overflow-y: hidden;
                          margin: .6em 0; padding: .1em 0; }
blockquote { margin: .4em 0 .6em 0; padding: .1em .9em; border-left: 3px solid #d8d8d8;
             color: #555; font-size: .93em; }
blockquote p { margin: .3em 0; }
figure { margin: 1.5em 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: .9em; color: #444; }
code, pre { font-family: Menlo, Consolas, monospace; font-size: .9em; }
pre { background: #f6f6f6; padding: .6em; overflow-x: auto; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: middle; }
details { margin: .5em 0; font-size: .93em; }
details summary { cursor: pointer; color: #555; }
details.checks ul { margin: .3em 0; }
.ok { color: #176f2c; } .fail { color: #b00020; font-weight: bold; }
.meta { color: #666; font-size: .9em; }
.summary { color: #444; }
.hl { color: #1565c0; }
nav.crumbs { font-size: .9em; color: #666; }
nav.toc { background: #f7f7f7; border: 1px solid #e4e4e4; padding: .4em 1.2em;
          margin: 1em 0 1.5em 0; }
nav.toc h2 { font-size: 1em; margin: .4em 0; border: none; }
nav.toc ol { margin: .3em 0 .6em 0; }
nav.pager { display: flex; justify-content: space-between; margin: 3em 0 1em 0;
            padding-top: .8em; border-top: 1px solid #ddd; }
ul.topics li { margin: .5em 0; }
@media (prefers-color-scheme: dark) {
  body { color: #e4e4e4; background: #17181a; }
  a { color: #8ab4f8; }
  h2 { border-color: #3a3a3a; }
  pre, nav.toc { background: #222427; border-color: #3a3a3a; }
  th, td { border-color: #4a4a4a; }
  blockquote { border-color: #4a4a4a; color: #b8b8b8; }
  .meta, details summary, nav.crumbs { color: #a8a8a8; }
  figcaption, .summary { color: #c4c4c4; }
  figure img { background: #fff; border-radius: 4px; padding: 4px; }
  .ok { color: #6fcf7f; } .fail { color: #ff6b6b; }
  .hl { color: #82b1ff; }
}
@media print {
  :root { color-scheme: light; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000;
         background: #fff; }
  a { color: inherit; text-decoration: none; }
  nav.toc, nav.pager, nav.crumbs, details.dev { display: none; }
  .math.display, div.math, pre { overflow: visible !important; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: auto; }
  figure, table, .math.display, blockquote { break-inside: avoid; page-break-inside: avoid; }
  .hl { color: #0d47a1; }
  figure img { max-height: 9cm; }
}
"""

NOSCRIPT = ('<noscript><p class="meta">The formulas on this page are typeset by JavaScript; '
             "without it they show as LaTeX source.</p></noscript>")
