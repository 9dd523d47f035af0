// Upwatch dashboard: the one script of the pages (the Content-Security-Policy allows no inline
// script). Pages read fully without it; it only shows times in the viewer's own time zone.
(function () {
  "use strict";
  var format = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short"
  });

  function localise(root) {
    var times = (root || document).querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var element = times[i];
      var instant = new Date(element.getAttribute("datetime"));
      if (!isNaN(instant.getTime())) {
        element.title = element.textContent.trim(); // the UTC text stays one hover away
        element.textContent = format.format(instant);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () { localise(document); });
  // Content swapped in by htmx (the list's refresh, a test message's status) gets the same treatment.
  document.addEventListener("htmx:load", function (event) { localise(event.target); });
})();
