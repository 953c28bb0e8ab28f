/* Pactline embed: <div data-pactline="?view=clauses&a=2019" data-title="…">
 * becomes an iframe (embed=1) of the app this script is served with, and
 * follows the height the app posts: all of it for a whole view, as it
 * always did, and at most 1,200 px for a preset (`preset=`), which shows
 * "Show all in Pactline" for what does not fit. `data-height="800"` fixes
 * the height instead. `data-sandbox="allow-scripts"` sandboxes the iframe
 * (the app needs allow-scripts; without allow-same-origin its host must
 * send Access-Control-Allow-Origin, see README's Deploying). What the
 * <div> holds (a readable fallback) stays until the iframe replaces it.
 * ES5; loading it twice changes nothing. */
(function (w, d) {
  var me = d.currentScript;
  var m = me && /^(https?:\/\/[^\/]+)(\/[^?#]*\/)/.exec(me.src);
  if (!m) return;
  var origin = m[1], app = m[1] + m[2], frames = w.__pactlineFrames;
  var els = d.querySelectorAll("[data-pactline]");
  for (var i = 0; i < els.length; i++) {
    var el = els[i];
    if (el.getAttribute("data-pactline-ready")) continue;
    el.setAttribute("data-pactline-ready", "1");
    // Only a query string: nothing that could name a scheme, host or path.
    var q = el.getAttribute("data-pactline").replace(/^\s*\??|\s*$/g, "");
    if (/[\/\\:#\s<>"']/.test(q)) continue;
    q = q.split("&").filter(function (p) { return p && !/^embed(=|$)/.test(p); });
    var fixed = +el.getAttribute("data-height");
    fixed = fixed >= 100 && fixed <= 100000 ? Math.ceil(fixed) : 0;
    var preset = q.some(function (p) { return /^preset=./.test(p); });
    var f = d.createElement("iframe");
    f.src = app + "?" + q.concat("embed=1").join("&");
    f.title = el.getAttribute("data-title") || "Pactline";
    f.setAttribute("loading", "lazy");
    f.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    var sandbox = el.getAttribute("data-sandbox");
    if (sandbox !== null) f.setAttribute("sandbox", sandbox);
    f.style.cssText = "display:block;width:100%;max-width:100%;height:" + (fixed || (preset ? 400 : 600)) + "px;border:0";
    // The origin the app's messages come from: its own, unless the frame
    // is sandboxed without allow-same-origin, here or by a sandbox around
    // this page (which its frames inherit, and which makes this page's own
    // origin opaque too). An opaque origin reads "null" to everyone, so
    // only then is "null" expected, and only from this very frame:
    // "null" origins in general (any sandboxed frame, srcdoc) stay out.
    var opaque = (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox)) || w.origin === "null";
    f.pactlineOrigin = opaque ? "null" : origin;
    f.pactlineFixed = fixed;
    f.pactlineMax = preset ? 1200 : 0;
    el.innerHTML = "";
    el.appendChild(f);
    (frames = frames || []).push(f);
  }
  if (!frames || w.__pactlineFrames) return;
  w.__pactlineFrames = frames;
  w.addEventListener("message", function (e) {
    var v = e.data, h = v && v.height, n = 0;
    if (Object.prototype.toString.call(v) !== "[object Object]" || v.type !== "pactline:height") return;
    for (var k in v) n++;
    if (n !== 2 || typeof h !== "number" || !(h >= 100 && h <= 100000)) return;
    for (var j = 0; j < frames.length; j++) {
      // Only the app inside that very iframe may resize it: the sender is
      // the frame's window, and its origin the one the frame gives the app
      // (the window alone would also let a page the frame was navigated
      // to in; a sandboxed frame's "null" cannot tell, and a height is all
      // that such a page could set).
      var fr = frames[j];
      if (fr.contentWindow === e.source && e.origin === fr.pactlineOrigin && !fr.pactlineFixed) {
        fr.style.height = Math.ceil(fr.pactlineMax ? Math.min(h, fr.pactlineMax) : h) + "px";
      }
    }
  });
})(window, document);
