(function (html) {
  if (Date.now() > Date.parse(html.getAttribute("data-open-until"))) html.setAttribute("data-megaphone-closed", "");
})(document.documentElement);
