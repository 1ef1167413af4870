// Breaking-news banners (alerts.toml). The page names its language's alert.json; this reads it
// when the page opens and every minute while the page is visible, revalidating (the host
// answers 304 while nothing changed), and shows the alerts that have not expired. The front
// page carries its alerts in its HTML, so readers without JavaScript see them there.
(function () {
  "use strict";
  var box = document.getElementById("alerts");
  if (!box || !window.fetch || !box.replaceChildren) return;
  var src = box.getAttribute("data-src");
  var label = box.getAttribute("data-label") || "";
  var shown = null;
  function show(list) {
    var now = Date.now();
    var keep = list.filter(function (a) {
      return a && typeof a.text === "string" &&
        !(typeof a.expires === "string" && Date.parse(a.expires) <= now);
    });
    var key = JSON.stringify(keep);
    if (key === shown) return;
    shown = key;
    var parts = keep.map(function (a) {
      var p = document.createElement("p");
      p.className = "alert";
      var s = document.createElement("strong");
      s.className = "alert-label";
      s.textContent = label;
      p.append(s, " ");
      // a site path or an http(s) address, as nashra writes them; nothing else becomes a link
      if (typeof a.url === "string" && /^(https?:\/\/|\/(?!\/))/.test(a.url)) {
        var l = document.createElement("a");
        l.href = a.url;
        l.textContent = a.text;
        p.append(l);
      } else {
        p.append(a.text);
      }
      return p;
    });
    box.replaceChildren.apply(box, parts);
  }
  function load() {
    if (document.visibilityState === "hidden") return;
    fetch(src, { cache: "no-cache" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) { if (d && Array.isArray(d.alerts)) show(d.alerts); })
      .catch(function () {});
  }
  load();
  setInterval(load, 60000);
  document.addEventListener("visibilitychange", load);
})();
