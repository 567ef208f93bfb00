/* Megaphone: enhances a campaign page that already works without it.
 *
 * - Megaphone.links builds the same links as plugins/megaphone/links.py, byte
 *   for byte (tests/vectors/links.json is checked against both).
 * - Everything else reads the page: its data-* attributes carry the campaign
 *   and every string shown, so nothing here needs translating.
 * - Nothing the visitor types leaves the browser, except into their own email.
 *   Text is only ever set with textContent, never parsed as markup.
 */
(function () {
  "use strict";

  // --- The encoder (RFC 6068), mirrored from links.py ---------------------

  var BASES = {
    gmail: "https://mail.google.com/mail/?view=cm&fs=1&",
    outlook: "https://outlook.live.com/mail/0/deeplink/compose?",
    office365: "https://outlook.office.com/mail/deeplink/compose?",
    yahoo: "https://compose.mail.yahoo.com/?"
  };

  // A lone surrogate cannot be UTF-8 encoded: show it as U+FFFD, don't crash.
  function wellFormed(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) { out += text[i] + text[i + 1]; i++; continue; }
        out += "\ufffd";
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        out += "\ufffd";
      } else {
        out += text[i];
      }
    }
    return out;
  }

  // Percent-encode every UTF-8 byte except A-Z a-z 0-9 - . _ ~
  function encodeValue(text) {
    return encodeURIComponent(wellFormed(text)).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function encodeAddress(address) {
    var at = address.lastIndexOf("@");
    return encodeValue(address.slice(0, at)) + "@" + encodeValue(address.slice(at + 1));
  }

  function encodeAddresses(list) { return list.map(encodeAddress).join(","); }
  function crlf(text) { return text.replace(/\r\n|\r|\n/g, "\r\n"); }
  function oneLine(text) { return text.replace(/\r\n|\r|\n/g, " "); }

  function query(fields) {
    return fields.filter(function (f) { return f[1]; })
      .map(function (f) { return f[0] + "=" + f[1]; }).join("&");
  }

  function fields(message, subjectName, withBody) {
    var list = [
      ["cc", encodeAddresses(message.cc || [])],
      ["bcc", encodeAddresses(message.bcc || [])],
      [subjectName, encodeValue(oneLine(message.subject))]
    ];
    if (withBody !== false) list.push(["body", encodeValue(crlf(message.body))]);
    return list;
  }

  function mailto(message, withBody) {
    var q = query(fields(message, "subject", withBody));
    var path = encodeAddresses(message.to);
    return q ? "mailto:" + path + "?" + q : "mailto:" + path;
  }

  function webmail(kind, message) {
    var subjectName = kind === "gmail" ? "su" : "subject";
    return BASES[kind] + query([["to", encodeAddresses(message.to)]].concat(fields(message, subjectName)));
  }

  function buildLinks(message, budget) {
    var full = mailto(message);
    var fits = full.length <= budget;
    var links = {
      mailto: fits ? full : mailto(message, false),
      mailtoFullLength: full.length,
      mailtoHasBody: fits
    };
    Object.keys(BASES).forEach(function (kind) { links[kind] = webmail(kind, message); });
    return links;
  }

  var PLACEHOLDER = /\[([^\[\]\n]+)\]/g;

  function placeholders(letter) {
    var seen = [];
    letter.replace(PLACEHOLDER, function (_, name) {
      if (seen.indexOf(name) < 0) seen.push(name);
    });
    return seen;
  }

  function fill(letter, values) {
    return letter.replace(PLACEHOLDER, function (whole, name) {
      var value = values[name];
      return value && value.trim() ? value : whole;
    });
  }

  window.Megaphone = {
    links: {
      encodeValue: encodeValue, mailto: mailto, buildLinks: buildLinks,
      gmail: function (m) { return webmail("gmail", m); },
      outlook: function (m) { return webmail("outlook", m); },
      office365: function (m) { return webmail("office365", m); },
      yahoo: function (m) { return webmail("yahoo", m); }
    },
    placeholders: placeholders,
    fill: fill
  };

  // --- The page --------------------------------------------------------------

  var page = document.querySelector("[data-campaign]");
  if (!page) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-countdown]"), function (box) {
      countdown(box);
    });
    return;
  }

  function $(selector, root) { return (root || page).querySelector(selector); }
  function $$(selector, root) {
    return Array.prototype.slice.call((root || page).querySelectorAll(selector));
  }
  function show(element) { if (element) element.hidden = false; }
  function hide(element) { if (element) element.hidden = true; }
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }
  function list(attribute) {
    var value = page.getAttribute(attribute);
    return value ? value.split(",") : [];
  }

  var data = page.dataset;
  var editor = $("[data-letter-editor]");
  var preview = $("[data-letter-preview]");
  // The letter variant and subject in use: the first ones until the script picks.
  var state = {
    original: editor ? editor.defaultValue : (preview ? preview.textContent : ""),
    subject: data.subject || ""
  };
  var values = {};

  function currentLetter() { return fill(editor ? editor.value : state.original, values); }

  function message() {
    return { to: list("data-to"), cc: list("data-cc"), bcc: list("data-bcc"),
             subject: state.subject, body: currentLetter() };
  }

  // Rebuild the letter on the page and every send link from what is typed.
  function update() {
    var letter = currentLetter();
    if (preview) preview.textContent = letter;
    var links = buildLinks(message(), Number(data.budget) || 1800);
    $$("[data-link]").forEach(function (a) { a.href = links[a.getAttribute("data-link")]; });
    var overBudget = $("[data-over-budget]");
    if (overBudget) overBudget.hidden = links.mailtoHasBody;
    var intro = $("[data-send-intro]");
    if (intro) intro.hidden = !links.mailtoHasBody;
  }

  // Personalisation: one labelled field for each distinct [Placeholder].
  function setUpFields() {
    var box = $("[data-personalise]");
    var names = placeholders(page.getAttribute("data-all-letters") || state.original);
    if (!box || !names.length) return;
    var fieldsBox = $("[data-fields]", box);
    names.forEach(function (name, i) {
      var wrapper = document.createElement("div");
      wrapper.className = "field";
      var label = document.createElement("label");
      label.htmlFor = "placeholder-" + i;
      label.textContent = name;
      var input = document.createElement("input");
      input.type = "text";
      input.id = "placeholder-" + i;
      input.autocomplete = /name/i.test(name) ? "name" : "off";
      input.addEventListener("input", function () { values[name] = input.value; update(); });
      wrapper.appendChild(label);
      wrapper.appendChild(input);
      fieldsBox.appendChild(wrapper);
    });
    show(box);
    hide($("[data-no-js-hint]"));
  }

  function setUpEditor() {
    var box = $("[data-edit]");
    if (!box || !editor) return;
    editor.addEventListener("input", update);
    var reset = $("[data-reset]", box);
    reset.addEventListener("click", function () {
      editor.value = state.original;
      update();
      announce(reset, reset.getAttribute("data-done"));
    });
    show(box);
  }

  // Copy buttons, each with a visible confirmation in a live region.
  function announce(button, text) {
    // Next to the button, unless the button names another (one that stays visible).
    var id = button.getAttribute("data-status-id");
    var status = id ? document.getElementById(id) : button.parentNode.querySelector("[data-status]");
    if (!status) return;
    status.textContent = text;
    clearTimeout(status.timer);
    status.timer = setTimeout(function () { status.textContent = ""; }, 5000);
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand && document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function setUpCopy() {
    var sources = {
      to: function () { return list("data-to").join(", "); },
      subject: function () { return state.subject; },
      letter: currentLetter
    };
    $$("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        copyText(sources[button.getAttribute("data-copy")]()).then(
          function () { announce(button, button.getAttribute("data-done")); },
          function () { announce(button, button.getAttribute("data-failed")); });
      });
      show(button);
    });
  }

  // The visitor's mail provider: remembered in localStorage only, if at all.
  var STORE = "megaphone-provider";
  function stored() { try { return localStorage.getItem(STORE); } catch (e) { return null; } }
  function store(value) {
    try {
      if (value) { localStorage.setItem(STORE, value); } else { localStorage.removeItem(STORE); }
    } catch (e) { /* storage off: nothing is remembered */ }
  }

  function setUpProvider() {
    var notice = $("[data-remembered]");
    var links = $$("[data-link]");
    function mark() {
      var choice = stored();
      var chosen = null;
      links.forEach(function (a) {
        var match = a.getAttribute("data-link") === choice;
        a.classList.toggle("preferred", match);
        if (match) chosen = a;
      });
      if (!notice) return;
      if (chosen) {
        $("[data-remembered-text]", notice).textContent =
          say(notice.getAttribute("data-template"), { provider: chosen.getAttribute("data-name") });
        show(notice);
      } else {
        hide(notice);
      }
    }
    links.forEach(function (a) {
      a.addEventListener("click", function () { store(a.getAttribute("data-link")); mark(); });
    });
    var forget = $("[data-forget]");
    if (forget) {
      forget.addEventListener("click", function () {
        store(null);
        mark();
        announce(forget, forget.getAttribute("data-done"));
      });
    }
    mark();
  }

  // Deadline: a countdown, the visitor's own time, and closing on time.
  function partsIn(zone, date) {
    var parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(date);
    var get = function (type) {
      return Number(parts.filter(function (p) { return p.type === type; })[0].value);
    };
    return Date.UTC(get("year"), get("month") - 1, get("day"));
  }

  function closePage() {
    $$("[data-open-only]").forEach(hide);
    show($("[data-closed]"));
  }

  // A countdown element carries its own deadline, zone and strings, so the
  // home page's list and the campaign page share this code.
  function countdown(box, onClose) {
    var deadline = new Date(box.getAttribute("data-deadline"));
    var zone = box.getAttribute("data-zone");
    var lang = document.documentElement.lang || undefined;
    if (isNaN(deadline.getTime())) return;

    function tick() {
      var now = new Date();
      if (now > deadline) {
        box.textContent = box.getAttribute("data-closed-text") || "";
        if (onClose) onClose();
        return false;
      }
      var days = Math.round((partsIn(zone, deadline) - partsIn(zone, now)) / 86400000);
      var time = new Intl.DateTimeFormat(lang, { timeZone: zone, hour: "numeric", minute: "2-digit" })
        .format(deadline);
      var template = days === 0 ? box.getAttribute("data-today")
        : days === 1 ? box.getAttribute("data-one-day") : box.getAttribute("data-days");
      box.textContent = say(template, { days: days, time: time, city: box.getAttribute("data-city") });
      show(box);
      return true;
    }

    if (tick()) {
      var timer = setInterval(function () { if (!tick()) clearInterval(timer); }, 60000);
    }
  }

  function showLocalTime() {
    var local = $("[data-local-time]");
    var deadline = new Date(data.deadline);
    var own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!local || !own || own === data.zone || isNaN(deadline.getTime())) return;
    var when = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit"
    }).format(deadline);
    local.textContent = say(local.getAttribute("data-template"), { when: when });
    show(local);
  }

  // Sharing: the Web Share API where there is one; a Mastodon instance field.
  function setUpShare() {
    var share = $("[data-web-share]");
    if (share && navigator.share) {
      share.addEventListener("click", function () {
        navigator.share({ title: share.getAttribute("data-title"),
                          text: share.getAttribute("data-text"),
                          url: share.getAttribute("data-url") }).catch(function () {});
      });
      show(share);
    }
    var instance = $("[data-mastodon-instance]");
    var toot = $("[data-mastodon-link]");
    if (instance && toot) {
      var fallback = toot.href;
      instance.addEventListener("input", function () {
        var host = instance.value.trim().replace(/^https?:\/\//i, "").split(/[\/?#]/)[0].toLowerCase();
        toot.href = /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)
          ? "https://" + host + "/share?text=" + encodeValue(toot.getAttribute("data-text"))
          : fallback;
      });
      show($("[data-mastodon-field]"));
    }
  }

  function random(count) {
    var buffer = new Uint32Array(1);
    window.crypto.getRandomValues(buffer);
    return buffer[0] % count;
  }

  // Several letters: the visitor chooses; a random one is preselected so the
  // letters that reach the office differ. Several subjects: one at random.
  function setUpVariants() {
    $$("[data-no-js-only]").forEach(hide);
    var subjects = (page.getAttribute("data-subjects") || "").split("\n").filter(Boolean);
    if (subjects.length > 1) {
      state.subject = subjects[random(subjects.length)];
      $$("[data-subject-text]").forEach(function (el) { el.textContent = state.subject; });
    }
    var choice = $("[data-variant-choice]");
    if (!choice) return;
    var radios = $$("input[type=radio]", choice);
    function use(radio) {
      state.original = radio.getAttribute("data-letter");
      if (editor) editor.value = state.original;
      update();
    }
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) use(radio); });
    });
    var picked = radios[random(radios.length)];
    picked.checked = true;
    use(picked);
    show(choice);
  }

  setUpVariants();
  setUpFields();
  setUpEditor();
  setUpCopy();
  setUpProvider();
  setUpShare();
  update();
  showLocalTime();
  $$("[data-countdown]").forEach(function (box) { countdown(box, closePage); });
})();
