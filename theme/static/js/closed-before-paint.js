(function (html) {
  var until = Date.parse(html.getAttribute("data-open-until"));
  if (isNaN(until)) return;
  (function check() {
    var left = until - Date.now();
    if (left < 0) html.setAttribute("data-megaphone-closed", "");
    else setTimeout(check, Math.min(left + 1, 60000));
  })();
})(document.documentElement);
