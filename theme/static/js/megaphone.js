/* Megaphone: enhances a campaign page that already works without it.
 *
 * - Megaphone.links builds the same links as plugins/megaphone/model/links.py,
 *   byte for byte (tests/vectors/links.json is checked against both).
 * - Everything else reads the page: its data-* attributes carry the campaign
 *   and every string shown, so nothing here needs translating.
 * - Each enhanced part of the page is a module (data-module="megaphone-...")
 *   that works inside its own element only. Each starts on its own, so one
 *   that fails leaves the others, and the page's own links, working.
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

  function webmail(kind, message, withBody) {
    var subjectName = kind === "gmail" ? "su" : "subject";
    return BASES[kind] + query([["to", encodeAddresses(message.to)]].concat(
      fields(message, subjectName, withBody)));
  }

  // How long each link may be: the same numbers as links.py (MAIL_APP_CAPS,
  // SERVICE_CAPS), both checked against tests/vectors/links.json. The reasons
  // are in links.py and docs/link-budgets.md. A link over its cap drops only
  // the body, and its button then copies the letter and opens the compose window.
  var MAIL_APP_CAPS = { roomy: 8000, chromeos: 4000 };
  var SERVICE_CAPS = { gmail: 5000, outlook: 4000, office365: 4000, yahoo: 1800 };

  // The visitor's platform, for the mail-app link's cap. Only Windows limits the
  // link handed to the mail app (Chrome and Edge at 2,046 characters, Firefox
  // about 2,000): there, and wherever the platform cannot be told, the page's
  // budget (data-budget, 1,800) stays. User-Agent Client Hints first
  // (navigator.userAgentData.platform: "Windows", "macOS", "Chrome OS"...),
  // else navigator.platform ("Win32", "MacIntel", "iPhone", "Linux armv8l") and
  // the user agent ("Windows NT", "CrOS", "Android"). Nothing leaves the page.
  function platformOf(nav) {
    var data = nav.userAgentData;
    var name = data && data.platform ? data.platform
      : (nav.platform || "") + " " + (nav.userAgent || "");
    if (/\bwin/i.test(name)) return "windows";
    if (/\bcros\b|chrome ?os/i.test(name)) return "chromeos";
    if (/mac|iphone|ipad|ipod|ios|android|linux|x11|bsd/i.test(name)) return "roomy";
    return "unknown";
  }

  function mailAppBudget(platform, budget) {
    var cap = own(MAIL_APP_CAPS, platform) ? MAIL_APP_CAPS[platform] : 0;
    return Math.max(cap, budget);
  }

  function buildLinks(message, budget) {
    var caps = { mailto: budget };
    Object.keys(SERVICE_CAPS).forEach(function (kind) { caps[kind] = SERVICE_CAPS[kind]; });
    var links = { hasBody: {}, fullLength: {} };
    Object.keys(caps).forEach(function (kind) {
      var build = kind === "mailto" ? mailto : function (m, b) { return webmail(kind, m, b); };
      var full = build(message);
      var fits = full.length <= caps[kind];
      links[kind] = fits ? full : build(message, false);
      links.hasBody[kind] = fits;
      links.fullLength[kind] = full.length;
    });
    links.mailtoFullLength = links.fullLength.mailto;
    links.mailtoHasBody = links.hasBody.mailto;
    return links;
  }

  // --- Placeholders, mirrored from letter.py ------------------------------
  // [name]: the name (without the spaces around it) starts with a letter,
  // holds only words and is at most 40 characters; anything else in brackets
  // ([1], links, [...], \[escaped\], long notes, a Markdown link's
  // [text](target)) stays text.
  // tests/vectors/placeholders.json is checked against both.

  // The backslash before the brackets is matched, not looked behind for: old
  // Safari has no lookbehind.
  var PLACEHOLDER = /(\\?)\[([^\[\]\n]*)\]/g;
  var LINK_TARGET = /\([^ \t\r\n()]+\)/y;
  var PLACEHOLDER_MAX = 40;
  // A letter of any alphabet, then words: \p{...} came to Firefox only in 78, and as a
  // literal it would stop an older one from reading the whole script. Made here at run
  // time from its parts instead (so the linter, which cannot see it, does not refuse a
  // guarded use); where it cannot be made, supported() leaves the page as built.
  var WORDS = unicodeWords("\\p{");
  function unicodeWords(property) {
    var letter = property + "L}";
    var word = letter + property + "M}" + property + "N}";
    try {
      return new RegExp("^" + letter + "[" + word + " _'\\u2019.,:;!?&()\\/#+%@\"\\-\\u2013\\u2014]*$", "u");
    } catch (error) {
      return null;
    }
  }
  var URL_LIKE = /^(?:[a-z][a-z0-9+.\-]*:\/\/|www\.|mailto:)/i;

  function placeholderName(inside) {
    var name = inside.replace(/^ +| +$/g, "");
    if (Array.from(name).length > PLACEHOLDER_MAX || URL_LIKE.test(name)) return null;
    return WORDS.test(name) ? name : null;
  }

  // The placeholder one match is, or null: escaped, a link's text, or no label.
  function blank(whole, slash, inside, offset, text) {
    if (slash) return null;
    LINK_TARGET.lastIndex = offset + whole.length;
    if (LINK_TARGET.test(text)) return null;
    return placeholderName(inside);
  }

  function placeholders(text) {
    var seen = [];
    text.replace(PLACEHOLDER, function (whole, slash, inside, offset, all) {
      var name = blank(whole, slash, inside, offset, all);
      if (name !== null && seen.indexOf(name) < 0) seen.push(name);
    });
    return seen;
  }

  // Only the values' own keys: a placeholder may be named [constructor].
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function fill(text, values) {
    return text.replace(PLACEHOLDER, function (whole, slash, inside, offset, all) {
      var name = blank(whole, slash, inside, offset, all);
      var value = name !== null && own(values, name) ? values[name] : null;
      return typeof value === "string" && value.trim() ? value : whole;
    });
  }

  // The line that tells versions apart: the first after the greeting (Variant.excerpt).
  var LABEL_MAX = 90;
  function shortened(line) {
    var points = Array.from(line);
    return points.length <= LABEL_MAX ? line
      : points.slice(0, LABEL_MAX - 1).join("").trimEnd() + "\u2026";
  }

  function excerpt(letter) {
    var lines = letter.split("\n").map(function (l) { return l.trim(); })
      .filter(function (l) { return l; });
    return shortened(lines.length > 1 ? lines[1] : lines[0] || "");
  }

  // Version labels, never two the same (letter.labels): where versions open
  // with the same words, their first words that differ; the same words
  // throughout, numbered. Spaces, tabs and line ends only, as in Python.
  function wordsOf(letter) {
    return letter.split(/[ \t\r\n]+/).filter(function (w) { return w; });
  }

  function firstDifference(group) {
    var position = 0;
    function ongoing(words) { return position < words.length; }
    function same(words) { return words[position] === group[0][position]; }
    while (group.every(ongoing) && group.every(same)) position += 1;
    return position;
  }

  function sameLabels(found, indices) {
    var groups = new Map();
    indices.forEach(function (i) {
      if (!groups.has(found[i])) groups.set(found[i], []);
      groups.get(found[i]).push(i);
    });
    return Array.from(groups.values()).filter(function (g) { return g.length > 1; });
  }

  function apart(found, words, group, start, again) {
    var position = start + firstDifference(group.map(function (i) { return words[i].slice(start); }));
    var ended = group.every(function (i) { return position >= words[i].length; });
    if ((again && position === start) || ended) {
      group.slice(1).forEach(function (i, n) { found[i] = found[i] + " (" + (n + 2) + ")"; });
      return;
    }
    group.forEach(function (i) {
      found[i] = shortened((position ? "\u2026" : "") + words[i].slice(position).join(" "));
    });
    sameLabels(found, group).forEach(function (same) { apart(found, words, same, position, true); });
  }

  // A new label can be another version's: told apart in the next round; past a
  // round per version, the labels left the same are numbered (as letter.labels).
  function labels(letters) {
    var found = letters.map(excerpt);
    var words = letters.map(wordsOf);
    var indices = letters.map(function (_, i) { return i; });
    for (var round = 0; round < letters.length; round++) {
      var same = sameLabels(found, indices);
      if (!same.length) return found;
      same.forEach(function (group) { apart(found, words, group, 0, false); });
    }
    return unique(found);
  }

  function unique(found) {
    var given = new Set();
    return found.map(function (label) {
      var number = 1;
      var numbered = label;
      while (given.has(numbered)) {
        number += 1;
        numbered = label + " (" + number + ")";
      }
      given.add(numbered);
      return numbered;
    });
  }

  window.Megaphone = {
    links: {
      encodeValue: encodeValue, mailto: mailto, buildLinks: buildLinks,
      caps: { mailApp: MAIL_APP_CAPS, services: SERVICE_CAPS },
      platformOf: platformOf, mailAppBudget: mailAppBudget,
      gmail: function (m) { return webmail("gmail", m); },
      outlook: function (m) { return webmail("outlook", m); },
      office365: function (m) { return webmail("office365", m); },
      yahoo: function (m) { return webmail("yahoo", m); }
    },
    placeholders: placeholders,
    postcode: normalPostcode,
    fill: fill,
    excerpt: excerpt,
    labels: labels
  };

  // --- Small helpers ---------------------------------------------------------

  function all(selector, root) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }
  function show(element) { if (element) element.hidden = false; }
  function hide(element) { if (element) element.hidden = true; }
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return own(values, key) ? values[key] : whole;
    });
  }
  function listIn(element, attribute) {
    var value = element.getAttribute(attribute);
    return value ? value.split(",") : [];
  }

  function random(count) {
    var buffer = new Uint32Array(1);
    window.crypto.getRandomValues(buffer);
    return buffer[0] % count;
  }

  // A visible confirmation in a live region: next to the button, unless the
  // button names another status (one that stays visible), in the same module.
  function announce(root, button, text) {
    var id = button.getAttribute("data-status-id");
    var status = id ? root.querySelector("[id='" + id + "']")
      : button.parentNode.querySelector("[data-status]");
    if (!status) return;
    status.textContent = text;
    clearTimeout(status.timer);
    status.timer = setTimeout(function () { status.textContent = ""; }, 5000);
  }

  // --- The letter: what every send path carries ------------------------------
  // One per campaign page, shared by the modules inside it. It says CHANGE on
  // the campaign element when the letter, a value, the subject or the variant
  // changes: the modules that show the letter or build links listen for it.

  var CHANGE = "megaphone:letter-change";
  // A module that replaces a part meant for pages without the script is up.
  var OFFER = "megaphone:offer";

  function Letter(campaign) {
    var editor = campaign.querySelector("[data-letter-editor]");
    var preview = campaign.querySelector("[data-letter-preview]");
    var subjects = (campaign.getAttribute("data-subjects") || "").split("\n").filter(Boolean);
    this.campaign = campaign;
    this.to = listIn(campaign, "data-to");
    this.cc = listIn(campaign, "data-cc");
    this.bcc = listIn(campaign, "data-bcc");
    // The mail-app link's budget: the page's own (Windows, unknown platforms),
    // or the larger cap of a platform whose mail apps take long links.
    this.budget = mailAppBudget(platformOf(navigator),
      Number(campaign.getAttribute("data-budget")) || 1800);
    // Count: the organisers' address, added as Bcc only when the visitor ticks the box.
    this.count = campaign.getAttribute("data-count") || "";
    this.counting = false;
    this.copyRefused = false;  // the clipboard said no once: plain links from then on
    // The letter as written (the chosen variant), and as the visitor edits it.
    this.original = editor ? editor.defaultValue : (preview ? preview.textContent : "");
    this.draft = this.original;
    // What the visitor typed for each [Placeholder]; own keys only, so that a
    // placeholder named [constructor] or [__proto__] is just a name.
    this.values = Object.create(null);
    // Several subjects: one at random, so that the emails that arrive differ.
    this.subjects = subjects.length ? subjects : [campaign.getAttribute("data-subject") || ""];
    // As written; subjectText() is it filled in, as every link carries it.
    this.subject = this.subjects.length > 1 ? this.subjects[random(this.subjects.length)]
      : this.subjects[0];
    this.offered = Object.create(null);
    // A call (data-phone): the number, and what to say as written, before any blank is filled.
    this.phone = campaign.getAttribute("data-phone") || "";
    this.scripts = all("[data-call-script], [data-voicemail-script]", campaign)
      .map(function (pre) { return pre.textContent; });
  }

  Letter.prototype = {
    changed: function (what) {
      this.campaign.dispatchEvent(new CustomEvent(CHANGE, { detail: { what: what } }));
    },
    // Each listener runs in its own dispatch: one that throws stops no other.
    onChange: function (listener) { this.campaign.addEventListener(CHANGE, listener); },
    onOffer: function (listener) { this.campaign.addEventListener(OFFER, listener); },
    edit: function (draft) { this.draft = draft; this.changed("letter"); },
    reset: function () { this.edit(this.original); },
    setValue: function (name, value) { this.values[name] = value; this.changed("values"); },
    setCounting: function (on) { this.counting = Boolean(on && this.count); this.changed("count"); },
    useVariant: function (letter) {
      this.original = this.draft = letter;
      this.changed("variant");
    },
    offer: function (module) {
      this.offered[module] = true;
      this.campaign.dispatchEvent(new CustomEvent(OFFER, { detail: { module: module } }));
    },
    text: function () { return fill(this.draft, this.values); },
    subjectText: function () { return fill(this.subject, this.values); },
    // Fields for the placeholders of every subject and variant, in that order
    // (as Campaign.placeholders), so that switching keeps them.
    placeholderNames: function () {
      var letters = this.campaign.getAttribute("data-all-letters") || this.original;
      var names = placeholders(this.subjects.concat([letters], this.scripts).join("\n"));
      // With target lists, the chosen representative fills these, not the visitor.
      if (!this.campaign.querySelector("[data-module='megaphone-targets']")) return names;
      return names.filter(function (name) { return TARGET_FIELDS.indexOf(name) < 0; });
    },
    message: function () {
      var bcc = this.counting ? this.bcc.concat([this.count]) : this.bcc;
      return {
        to: this.to, cc: this.cc, bcc: bcc, subject: this.subjectText(), body: this.text()
      };
    },
    links: function () { return buildLinks(this.message(), this.budget); }
  };

  var letters = new WeakMap();

  function letterOf(element) {
    var campaign = element.closest("[data-campaign]");
    if (!campaign) throw new Error("outside a campaign");
    if (!letters.has(campaign)) letters.set(campaign, new Letter(campaign));
    return letters.get(campaign);
  }

  // --- The modules: data-module="megaphone-<name>" -> its initialiser --------

  var modules = Object.create(null);

  // At the deadline every send path goes and the "closed" notice shows, even
  // on a page built before it. Only Date and the DOM of the 2000s: it runs
  // before the support check and everything else. Loaded after the deadline,
  // the page is already closed (closed-before-paint.js marks <html>): hiding
  // the parts here then changes nothing on screen.
  modules["megaphone-closing"] = function (root) {
    var deadline = new Date(root.getAttribute("data-deadline")).getTime();
    if (isNaN(deadline)) return;
    function check() {
      var left = deadline - new Date().getTime();
      if (left >= 0) {
        setTimeout(check, Math.min(left + 1, 60000));  // a minute at most: clocks jump
        return;
      }
      document.documentElement.setAttribute("data-megaphone-closed", "");
      var parts = root.querySelectorAll("[data-open-only]");
      for (var i = 0; i < parts.length; i++) parts[i].setAttribute("hidden", "");
      var closed = root.querySelector("[data-closed]");
      if (closed) closed.removeAttribute("hidden");
    }
    check();
  };

  // The calendar day of a moment in a zone, as a number of days comparable by subtraction.
  function dayIn(zone, date) {
    var parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"
    }).formatToParts(date);
    var get = function (type) {
      return Number(parts.filter(function (p) { return p.type === type; })[0].value);
    };
    return Date.UTC(get("year"), get("month") - 1, get("day"));
  }

  // Days left, kept current. The element carries its deadline, zone, city
  // and time; the words are on the closest [data-countdown-words]: the
  // element itself on a campaign page, the list once for all on the home
  // page. The time comes written by the build (data-time), as the deadline
  // in words writes it.
  modules["megaphone-countdown"] = function (root) {
    var texts = root.closest("[data-countdown-words]") || root;
    function text(name) { return texts.getAttribute(name); }
    var deadline = new Date(root.getAttribute("data-deadline"));
    var zone = root.getAttribute("data-zone");
    var plurals = new Intl.PluralRules(text("data-locale") || undefined);
    var words = { time: root.getAttribute("data-time") || "", city: root.getAttribute("data-city") };
    if (isNaN(deadline.getTime())) return;

    // data-days-one, data-days-many...: the page language's plural forms, by
    // CLDR category; plain data-days is "other", for any category not there.
    function daysLeft(days) {
      return text("data-days-" + plurals.select(days)) || text("data-days");
    }

    function tick() {
      var now = new Date();
      if (now > deadline) {
        root.textContent = text("data-closed-text") || "";
        return false;
      }
      var days = Math.round((dayIn(zone, deadline) - dayIn(zone, now)) / 86400000);
      var template = days === 0 ? text("data-today")
        : days === 1 ? text("data-one-day") : daysLeft(days);
      words.days = String(days);
      root.textContent = say(template, words);
      show(root);
      return true;
    }

    if (tick()) {
      var timer = setInterval(function () { if (!tick()) clearInterval(timer); }, 60000);
    }
  };

  // The deadline in the visitor's own zone: only the browser knows it. The
  // locale (data-locale, en-GB-u-hc-h12) makes it read like the page's dates.
  modules["megaphone-local-time"] = function (root) {
    var deadline = new Date(root.getAttribute("data-deadline"));
    var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!visitorZone || visitorZone === root.getAttribute("data-zone")) return;
    if (isNaN(deadline.getTime())) return;
    var when = new Intl.DateTimeFormat(root.getAttribute("data-locale") || undefined, {
      weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit"
    }).format(deadline);
    root.textContent = say(root.getAttribute("data-template"), { when: when });
    show(root);
  };

  // Several letters: the visitor chooses; a random one is preselected so the
  // letters that reach the office differ.
  modules["megaphone-variants"] = function (root) {
    var letter = letterOf(root);
    var radios = all("input[type=radio]", root);
    function use(radio) { letter.useVariant(radio.getAttribute("data-letter")); }
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () { if (radio.checked) use(radio); });
    });
    // Each choice reads as the visitor's own letter: its line, filled in.
    function label() {
      var found = labels(radios.map(function (radio) {
        return fill(radio.getAttribute("data-letter"), letter.values);
      }));
      radios.forEach(function (radio, i) {
        var text = radio.id && root.querySelector("label[for='" + radio.id + "']");
        if (text) text.textContent = found[i];
      });
    }
    letter.onChange(function (event) { if (event.detail.what === "values") label(); });
    var picked = radios[random(radios.length)];
    picked.checked = true;
    use(picked);
    show(root);
    letter.offer("megaphone-variants");
  };

  // One labelled field for each distinct [Placeholder].
  function placeholderField(letter, name, index) {
    var wrapper = document.createElement("div");
    var label = document.createElement("label");
    var input = document.createElement("input");
    wrapper.className = "field";
    label.htmlFor = "placeholder-" + index;
    label.textContent = name;
    input.type = "text";
    input.id = "placeholder-" + index;
    input.autocomplete = /name/i.test(name) ? "name" : "off";
    input.addEventListener("input", function () { letter.setValue(name, input.value); });
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    return wrapper;
  }

  // The fields come written by the build (so the box keeps its space from the
  // first paint); any the page lacks are added.
  modules["megaphone-personalise"] = function (root) {
    var letter = letterOf(root);
    var names = letter.placeholderNames();
    var fields = root.querySelector("[data-fields]");
    if (!names.length) return;
    var written = all("input[data-placeholder]", fields);
    names.forEach(function (name, i) {
      var input = written.filter(function (f) { return f.getAttribute("data-placeholder") === name; })[0];
      if (!input) { fields.appendChild(placeholderField(letter, name, i)); return; }
      if (input.value) letter.setValue(name, input.value);  // restored by the browser
      input.addEventListener("input", function () { letter.setValue(name, input.value); });
    });
    show(root);
    letter.offer("megaphone-personalise");
  };

  modules["megaphone-editor"] = function (root) {
    var letter = letterOf(root);
    var editor = root.querySelector("[data-letter-editor]");
    var reset = root.querySelector("[data-reset]");
    // An edit the browser restored (back to the page) is kept, unless a variant was picked.
    if (editor.value !== editor.defaultValue && letter.draft === editor.defaultValue) {
      letter.edit(editor.value);
    }
    editor.value = letter.draft;
    editor.addEventListener("input", function () { letter.edit(editor.value); });
    // A new variant or a reset: show it (while typing, the two are the same).
    letter.onChange(function () { if (editor.value !== letter.draft) editor.value = letter.draft; });
    reset.addEventListener("click", function () {
      letter.reset();
      announce(root, reset, reset.getAttribute("data-done"));
    });
    show(root);
  };

  // The agency's Limit (a public comment's): how many characters are left as the
  // visitor edits the letter, and a warning past it. Counted as the build counts
  // (comment.py), on the long side: UTF-16 units, a line break as two. A screen
  // reader hears it only when the letter goes over the limit or back under it
  // (the running count is the editor's description), not at every key.
  modules["megaphone-limit"] = function (root) {
    var letter = letterOf(root);
    var limit = Number(root.getAttribute("data-limit"));
    var count = root.querySelector("[data-limit-count]");
    var status = root.querySelector("[data-limit-status]");
    var locale = root.getAttribute("data-locale") || undefined;
    var plurals = new Intl.PluralRules(locale);
    var numbers = new Intl.NumberFormat(locale);
    var wasOver = null;
    if (!(limit > 0) || !count) return;
    function template(kind, number) {
      return root.getAttribute("data-" + kind + "-" + plurals.select(number)) ||
        root.getAttribute("data-" + kind);
    }
    function render() {
      var text = letter.text().replace(/\r\n/g, "\n");
      var length = text.length + text.split("\n").length - 1;
      var over = length > limit;
      var number = over ? length - limit : limit - length;
      var words = say(template(over ? "over" : "left", number),
        { count: numbers.format(number), limit: numbers.format(limit) });
      count.textContent = words;
      root.classList.toggle("over", over);
      if (status && wasOver !== null && over !== wasOver) status.textContent = words;
      wasOver = over;
    }
    letter.onChange(render);
    render();
  };

  // What to say on the phone, with the visitor's blanks filled as in the letter. The
  // tel: link itself is the page's as built: the number never changes.
  modules["megaphone-call"] = function (root) {
    var letter = letterOf(root);
    var scripts = all("[data-call-script], [data-voicemail-script]", root);
    // As written, before any blank is filled: the letter model kept them (letter.scripts).
    function render() {
      scripts.forEach(function (pre, i) { pre.textContent = fill(letter.scripts[i], letter.values); });
    }
    letter.onChange(render);
    render();
  };

  // The letter and subject on the page, exactly as the links carry them.
  modules["megaphone-letter"] = function (root) {
    var letter = letterOf(root);
    var preview = root.querySelector("[data-letter-preview]");
    var subject = root.querySelector("[data-subject-text]");
    function render() {
      if (preview) preview.textContent = letter.text();
      if (subject) subject.textContent = letter.subjectText();
    }
    letter.onChange(render);
    render();
  };

  // Every send link, rebuilt from the letter, each within its cap. A link
  // that cannot carry the letter works in one click: pressing it copies the
  // letter, says so, and then opens the email. If the clipboard refuses, the
  // page falls back to "copy the letter, then open your email".
  modules["megaphone-send"] = function (root) {
    var letter = letterOf(root);
    var links = all("[data-link]", root);
    var overBudget = root.querySelector("[data-over-budget]");
    var oneClick = root.querySelector("[data-one-click]");
    var intro = root.querySelector("[data-send-intro]");
    var status = root.querySelector("[data-send-status]");
    var built = null;
    function render() {
      built = letter.links();
      var allCarry = true;
      links.forEach(function (a) {
        var kind = a.getAttribute("data-link");
        a.href = built[kind];
        var note = a.querySelector("[data-paste-note]");
        if (note) note.hidden = built.hasBody[kind];
        allCarry = allCarry && built.hasBody[kind];
      });
      if (intro) intro.hidden = !built.mailtoHasBody;
      if (overBudget) overBudget.hidden = built.mailtoHasBody || !letter.copyRefused;
      if (oneClick) oneClick.hidden = allCarry || letter.copyRefused;
    }
    function tell(text) { if (status) status.textContent = text || ""; }
    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        var kind = a.getAttribute("data-link");
        if (!built || built.hasBody[kind] || letter.copyRefused) return;  // a plain link
        event.preventDefault();
        var href = a.href;
        copyText(letter.text()).then(function () {
          tell(status && status.getAttribute("data-copied"));
          window.location.href = href;
        }, function () {
          letter.copyRefused = true;
          render();
          tell(status && status.getAttribute("data-failed"));
        });
      });
    });
    letter.onChange(render);
    render();
  };

  // Count: an unticked box; ticking it adds the organisers' address as Bcc to
  // every link. The page's second link (for pages without the script) goes.
  modules["megaphone-count"] = function (root) {
    var letter = letterOf(root);
    var box = root.querySelector("[data-count-box]");
    if (!letter.count || !box) return;
    box.addEventListener("change", function () { letter.setCounting(box.checked); });
    if (box.checked) letter.setCounting(true);  // ticked before going back to the page
    show(root);
    letter.offer("megaphone-count");
  };

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

  // A copy button and its status. What it copies is read at the click, so it
  // is what the links carry at that moment.
  modules["megaphone-copy"] = function (root) {
    var letter = letterOf(root);
    var button = root.querySelector("[data-copy]");
    var sources = {
      to: function () { return letter.to.join(", "); },
      cc: function () { return letter.cc.join(", "); },
      bcc: function () { return letter.bcc.join(", "); },
      subject: function () { return letter.subjectText(); },
      letter: function () { return letter.text(); },
      number: function () { return letter.phone; }
    };
    var what = button.getAttribute("data-copy");
    if (!own(sources, what)) return;
    var source = sources[what];
    button.addEventListener("click", function () {
      copyText(source()).then(
        function () { announce(root, button, button.getAttribute("data-done")); },
        function () { announce(root, button, button.getAttribute("data-failed")); });
    });
    show(button);
  };

  // The visitor's mail service: remembered in localStorage only, if at all.
  var STORE = "megaphone-provider";
  function stored() { try { return localStorage.getItem(STORE); } catch (e) { return null; } }
  function store(value) {
    try {
      if (value) { localStorage.setItem(STORE, value); } else { localStorage.removeItem(STORE); }
    } catch (e) { /* storage off: nothing is remembered */ }
  }

  modules["megaphone-provider"] = function (root) {
    var notice = root.querySelector("[data-remembered]");
    var links = all("[data-link]", root);
    var forget = root.querySelector("[data-forget]");
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
        notice.querySelector("[data-remembered-text]").textContent =
          say(notice.getAttribute("data-template"), { provider: chosen.getAttribute("data-name") });
        show(notice);
      } else {
        hide(notice);
      }
    }
    links.forEach(function (a) {
      a.addEventListener("click", function () { store(a.getAttribute("data-link")); mark(); });
    });
    if (forget) {
      forget.addEventListener("click", function () {
        store(null);
        mark();
        announce(root, forget, forget.getAttribute("data-done"));
      });
    }
    mark();
  };

  // Sharing: the Web Share API where there is one; a Mastodon server field.
  modules["megaphone-share"] = function (root) {
    var share = root.querySelector("[data-web-share]");
    var instance = root.querySelector("[data-mastodon-instance]");
    var toot = root.querySelector("[data-mastodon-link]");
    if (share && navigator.share) {
      share.addEventListener("click", function () {
        navigator.share({ title: share.getAttribute("data-title"),
                          text: share.getAttribute("data-text"),
                          url: share.getAttribute("data-url") }).catch(function () {});
      });
      show(share);
    }
    if (instance && toot) {
      var fallback = toot.href;
      instance.addEventListener("input", function () {
        var host = instance.value.trim().replace(/^https?:\/\//i, "").split(/[\/?#]/)[0].toLowerCase();
        toot.href = /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)
          ? "https://" + host + "/share?text=" + encodeValue(toot.getAttribute("data-text"))
          : fallback;
      });
      show(root.querySelector("[data-mastodon-field]"));
    }
  };

  // Write to your own representative: a postcode, or a search by name or area,
  // finds them; choosing one addresses the letter and every link on this page.
  // The lists come from this site (data.json, and for a large postcode map
  // only the shard of the typed postcode); the postcode is never sent.
  var TARGET_FIELDS = ["Target name", "Target title", "Area"];

  // As normal_postcode in model/targets.py: no spaces, capitals, and a US
  // ZIP+4 (12345-6789) read as its ZIP. No lookbehind: older Safari has none.
  var ZIP_PLUS_FOUR = /^([0-9]{5})-[0-9]{4}$/;
  // A ZIP+4 being typed: the results for its ZIP stay while the last four come.
  var ZIP_PLUS_FOUR_TYPED = /^[0-9]{5}-[0-9]{0,3}$/;
  function normalPostcode(text) {
    var code = text.replace(/\s+/g, "").toUpperCase();
    var plusFour = ZIP_PLUS_FOUR.exec(code);
    return plusFour ? plusFour[1] : code;
  }
  function shardName(postcode) {
    return postcode.slice(0, 3).toLowerCase().replace(/[^a-z0-9]/g, "_");
  }

  modules["megaphone-targets"] = function (root) {
    var letter = letterOf(root);
    var base = root.getAttribute("data-targets-data");
    var fixedTo = listIn(root, "data-fixed-to");
    var postcode = root.querySelector("[data-postcode]");
    var search = root.querySelector("[data-search]");
    var found = root.querySelector("[data-found]");
    var results = root.querySelector("[data-results]");
    var items = all("[data-area]", root);
    if (!window.fetch && postcode) { postcode.closest(".field").hidden = true; postcode = null; }
    var send = letter.campaign.querySelector("[data-needs-target]");
    var toText = letter.campaign.querySelector("[data-to-text]");
    var fixedShown = toText ? toText.textContent : ""; // the fixed To, with names, as built
    var data = null;
    var shards = Object.create(null);

    function load(path) {
      return fetch(base + path, { credentials: "omit", referrerPolicy: "no-referrer" })
        .then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return response.json();
        });
    }
    function lists() {
      if (!data) data = load("data.json");
      return data;
    }
    function targetOf(all, listName, area) {
      var list = all.lists.filter(function (l) { return l.name === listName; })[0];
      var row = list && list.targets.filter(function (t) { return t[0] === area; })[0];
      return row ? { list: listName, area: row[0], name: row[1], title: row[2], emails: row[3],
        path: row[4] } : null;
    }
    function choose(target) {
      var rest = fixedTo.filter(function (a) { return target.emails.indexOf(a) < 0; });
      letter.to = target.emails.concat(rest);
      // As the representative's own page shows it (Campaign.display): names, not bare addresses.
      var shown = target.emails.map(function (a) {
        return target.name ? target.name + " <" + a + ">" : a;
      });
      if (rest.length) shown.push(rest.length === fixedTo.length ? fixedShown : rest.join(", "));
      if (toText) toText.textContent = shown.join(", ");
      letter.values["Target name"] = target.name;
      letter.values["Target title"] = target.title;
      letter.setValue("Area", target.area);
      show(send);
      found.textContent = say(found.getAttribute("data-chosen"),
        { name: target.title + " " + target.name });
    }
    function offer(targets) {
      results.textContent = "";
      targets.forEach(function (target) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = target.title + " " + target.name + " (" + target.area + ")";
        button.addEventListener("click", function () { choose(target); });
        item.appendChild(button);
        results.appendChild(item);
      });
      found.textContent = found.getAttribute(
        !targets.length ? "data-none" : targets.length === 1 ? "data-one" : "data-several");
    }
    function areasFor(all, code) {
      var names = all.lists.map(function (l) { return l.name; });
      var waits = names.map(function (name) {
        var small = all.postcodes[name];
        if (small) return Promise.resolve(small[code] || []);
        if (!all.shards[name]) return Promise.resolve([]);
        var file = name + "/" + shardName(code) + ".json";
        if (!shards[file]) {
          shards[file] = load(file).catch(function () { return {}; });
        }
        return shards[file].then(function (shard) {
          return own(shard, code) ? shard[code] : [];
        });
      });
      return Promise.all(waits).then(function (areas) {
        var targets = [];
        names.forEach(function (name, i) {
          areas[i].forEach(function (area) {
            var target = targetOf(all, name, area);
            if (target) targets.push(target);
          });
        });
        return targets;
      });
    }
    if (postcode) {
      var asked = 0;
      postcode.addEventListener("input", function () {
        var code = normalPostcode(postcode.value);
        if (ZIP_PLUS_FOUR_TYPED.test(code)) return;
        var mine = ++asked;
        if (code.length < 3) { results.textContent = ""; found.textContent = ""; return; }
        lists().then(function (all) { return areasFor(all, code); }).then(function (targets) {
          if (mine !== asked) return;
          if (!targets.length && code.length < 5) { results.textContent = ""; return; }
          offer(targets);
        }).catch(function () {
          data = null;  // try again on the next keystroke; the list below still works
          if (mine === asked) offer([]);
        });
      });
    }
    search.addEventListener("input", function () {
      var words = search.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (item) {
        var match = !words || item.textContent.toLowerCase().indexOf(words) >= 0;
        item.hidden = !match;
        if (match) shown++;
      });
      found.textContent = words ? say(found.getAttribute("data-matches"), { count: shown }) : "";
    });
    show(root.querySelector("[data-finder]"));
  };

  // A part only for pages without the script (the hint about [brackets], the
  // list of other versions): it goes once the module that replaces it
  // (data-replaced-by) is up, and stays if that module never starts.
  modules["megaphone-fallback"] = function (root) {
    var letter = letterOf(root);
    var replacedBy = root.getAttribute("data-replaced-by");
    function check() { if (letter.offered[replacedBy]) hide(root); }
    letter.onOffer(check);
    check();
  };

  // --- Starting -----------------------------------------------------------------

  // What the modules use. Without any of it the page stays as built, which
  // works: every send path is a plain link, the letter is on the page.
  function supported() {
    var html = document.documentElement;
    return Boolean(window.Intl && Intl.DateTimeFormat && Intl.DateTimeFormat.prototype.formatToParts &&
      Intl.PluralRules && window.crypto && window.crypto.getRandomValues && window.Promise &&
      window.WeakMap && typeof window.CustomEvent === "function" && Object.create &&
      Intl.NumberFormat && WORDS !== null &&
      document.querySelector && window.Element && Element.prototype.closest &&
      "hidden" in html && "classList" in html);
  }

  // Each module on its own: one that throws leaves its part as built.
  function start(root) {
    var name = root.getAttribute("data-module");
    if (!own(modules, name)) return;
    try {
      modules[name](root);
    } catch (error) {
      unreserve(root);
      if (window.console) window.console.error("Megaphone: " + name + " did not start.", error);
    }
  }

  // A part that will not be shown gives back the space kept for it (data-reserve).
  function unreserve(root) {
    var parts = root.querySelectorAll("[data-reserve][hidden]");
    for (var i = 0; i < parts.length; i++) parts[i].removeAttribute("data-reserve");
    if (root.hasAttribute("hidden")) root.removeAttribute("data-reserve");
  }

  function init() {
    var closing = document.querySelectorAll("[data-module='megaphone-closing']");
    for (var i = 0; i < closing.length; i++) start(closing[i]);
    if (!supported()) {  // the page as built: no space kept for what will not come
      document.documentElement.setAttribute("data-megaphone-off", "");
      return;
    }
    all("[data-module]", document).forEach(function (root) {
      if (root.getAttribute("data-module") !== "megaphone-closing") start(root);
    });
  }

  init();
})();
