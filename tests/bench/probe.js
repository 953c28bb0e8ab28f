// The bench's timing probe. The bench server puts it at the top of every
// page of both tools, with EVENTS set to the tool's event selector, so both
// are timed by the same code. All times are performance.now(): ms since
// navigation start.
(function () {
  "use strict";
  var EVENTS = "__EVENTS__";
  var bench = (window.__bench = { marks: [], errors: [], wasm: null, wasmInstantiated: null });

  // Calls back with the time once the browser has rendered the next frame:
  // rAF callbacks run just before that frame's style, layout and paint, and
  // a message posted from one is handled as soon as they are done. (A second
  // rAF would wait for the frame after, adding up to a whole frame.)
  function afterNextFrame(callback) {
    requestAnimationFrame(function () {
      whenRendered(callback);
    });
  }
  // The same, from inside an rAF callback: once this frame is rendered.
  function whenRendered(callback) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      callback(performance.now());
    };
    channel.port2.postMessage(null);
  }

  // Load marks: each time the number of event elements changes, record
  // [count, when the DOM had them, when a frame showing them was rendered].
  // It mostly grows; it shrinks when Pactline's app takes over from a first
  // screen rendered at build time, which lists every event, with the
  // list's first page.
  var seen = 0;
  var loading = new MutationObserver(function () {
    var count = document.querySelectorAll(EVENTS).length;
    if (count !== seen) {
      seen = count;
      var dom = performance.now();
      afterNextFrame(function (painted) {
        bench.marks.push([count, dom, painted]);
      });
    }
  });
  loading.observe(document, { childList: true, subtree: true });
  bench.count = function () {
    return document.querySelectorAll(EVENTS).length;
  };
  // Called once the bench has what it needs, so the observer does not
  // weigh on the interaction measured next.
  bench.stopLoadMarks = function () {
    loading.disconnect();
  };

  addEventListener("error", function (e) {
    var t = e.target;
    bench.errors.push(e.message || (t && t.outerHTML ? "failed to load " + t.outerHTML.slice(0, 200) : "error"));
  }, true);
  addEventListener("unhandledrejection", function (e) {
    bench.errors.push(String(e.reason && e.reason.message ? e.reason.message : e.reason));
  });

  // When a wasm module has been downloaded, compiled and instantiated, to
  // split a wasm app's start-up into download, compile and its own work.
  ["instantiateStreaming", "instantiate"].forEach(function (name) {
    var original = typeof WebAssembly === "object" && WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function () {
      return original.apply(this, arguments).then(function (result) {
        bench.wasmInstantiated = bench.wasmInstantiated || performance.now();
        return result;
      });
    };
  });

  // Trunk announces a started wasm app with its exports: keep them, so the
  // bench can read the size of its linear memory (not part of the JS heap).
  addEventListener("TrunkApplicationStarted", function (e) {
    bench.wasm = e.detail && e.detail.wasm;
  });
  bench.wasmMemoryBytes = function () {
    return bench.wasm && bench.wasm.memory ? bench.wasm.memory.buffer.byteLength : null;
  };

  function textOf(selector) {
    var element = document.querySelector(selector);
    return element ? element.textContent : null;
  }

  // One interaction: runs `act`, then resolves with ms until something
  // under `root` changed (`dom`), until the next frame after it was
  // rendered (`paint`), and until a frame had shown every change the step
  // made anywhere on the page (`settled`: a page may let parts the reader
  // did not ask about follow a frame or more later), plus the text of
  // `check` before the step and once that frame has been rendered, so the
  // bench can verify the interaction did what it should.
  //
  // It also counts the elements changed elsewhere on the page by
  // `settled`: anything outside `EXPECTED`, what a keystroke is meant to
  // change (the list, the live count, the option counts and "Clear all",
  // the drawing's SVG (its marks' emphasis, its years' counts, its density
  // bars), and the printed page's header, which names the filters) or a
  // version pick (the comparison). A fine-grained page changes nothing
  // else.
  var EXPECTED = [".event-list", "[data-testid=event-count]", ".facet-option", ".clear-all", ".drawing-plot",
                  ".print-header", ".clauses"];
  // A step still changing the page after this long (an animation) has no
  // `settled` time.
  var SETTLE_LIMIT_MS = 2000;
  function elementOf(node) {
    return node.nodeType === 1 ? node : node.parentElement;
  }
  function describe(el) {
    var text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.className && typeof el.className === "string") text += "." + el.className.trim().split(/\s+/).join(".");
    return text;
  }
  function measure(root, act, check) {
    return new Promise(function (resolve, reject) {
      var target = document.querySelector(root);
      if (!target) return reject(new Error("nothing matches " + root));
      var before = textOf(check);
      var start = 0;
      var lastChange = 0;
      var records = [];
      var elsewhere = new MutationObserver(function (found) {
        lastChange = performance.now();
        records.push.apply(records, found);
      });
      elsewhere.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
      var timer = setTimeout(function () {
        observer.disconnect();
        elsewhere.disconnect();
        reject(new Error("nothing under " + root + " changed within 5 s"));
      }, 5000);
      var changed = false;
      // Frames from the step on, each as [when its first animation-frame
      // callback ran, when it had been rendered]: a change made before then
      // is in that frame. Callbacks that share a frame share its timestamp,
      // and the frame is listed once.
      var frames = [];
      function nextFrame(callback) {
        requestAnimationFrame(function (stamp) {
          var began = performance.now();
          whenRendered(function (rendered) {
            var last = frames[frames.length - 1];
            if (!last || last[2] !== stamp) frames.push([began, rendered, stamp]);
            callback(rendered);
          });
        });
      }
      // Waits until a whole frame has begun and ended with no change since
      // the frame before it began: that earlier frame showed every change.
      function settle(dom, painted, checked) {
        var n = frames.length;
        var quiet = n >= 2 && lastChange < frames[n - 2][0];
        if (!quiet && frames[n - 1][1] - start < SETTLE_LIMIT_MS) {
          return nextFrame(function () { settle(dom, painted, checked); });
        }
        var shown = quiet && frames.find(function (f) { return f[0] > lastChange; });
        finish(dom, painted, checked, shown ? shown[1] : null);
      }
      function finish(dom, painted, checked, settled) {
        var outside = new Set();
        records.concat(elsewhere.takeRecords()).forEach(function (record) {
          var el = elementOf(record.target);
          if (el && !EXPECTED.some(function (css) { return el.closest(css); })) outside.add(el);
        });
        elsewhere.disconnect();
        resolve({
          dom: dom, paint: painted - start, settled: settled === null ? null : settled - start, before: before, check: checked,
          outside: outside.size, outsideWhat: Array.from(outside).slice(0, 5).map(describe)
        });
      }
      var observer = new MutationObserver(function () {
        observer.disconnect();
        clearTimeout(timer);
        changed = true;
        var at = performance.now();
        // The frame that shows the change is the first to begin after it.
        // Its end is when the message its first rAF callback posted was
        // handled: a later callback's message would also wait for tasks the
        // page queued after that frame, which `settled` counts instead.
        nextFrame(function () {
          var shown = frames.find(function (f) { return f[0] > at; });
          settle(at - start, shown[1], textOf(check));
        });
      });
      observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
      start = performance.now();
      act();
      // A page that updates only what changed may change nothing (a letter
      // that leaves the same matches and marks): then the interaction is
      // done when the next frame is, and `dom` is null. The bench's check
      // of the live count still catches a page that has not caught up.
      nextFrame(function (painted) {
        if (changed) return;
        observer.disconnect();
        clearTimeout(timer);
        settle(null, painted, textOf(check));
      });
    });
  }

  // A keystroke in a search box: the new value and the `input` event a
  // browser fires for it.
  bench.type = function (input, value, root, check) {
    var box = document.querySelector(input);
    return measure(root, function () {
      box.value = value;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, check);
  };

  // A choice in a drop-down: the new value and the `change` event.
  bench.select = function (select, value, root, check) {
    var field = document.querySelector(select);
    return measure(root, function () {
      field.value = value;
      field.dispatchEvent(new Event("change", { bubbles: true }));
    }, check);
  };

  // A click on a button.
  bench.click = function (button, root, check) {
    var target = document.querySelector(button);
    return measure(root, function () {
      target.click();
    }, check);
  };
})();
