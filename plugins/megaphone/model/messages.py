"""Every problem and warning the checks can report, in plain words.

One place for all of them, so that the volunteers' guide (docs/errors.md)
can explain each one, and a test proves that it does. Each text says what is
wrong and what to write instead; {names} are filled in where it is used."""

from __future__ import annotations

PROBLEMS = {
    # Addresses: To, Cc, Bcc
    "to-missing": "is missing. Add a line near the top such as 'To: postact@nypd.org' "
    "with the address the letter goes to.",
    "to-empty": "is empty. Write the address the letter goes to, for example "
    "'To: postact@nypd.org'.",
    "address-invalid": "{text!r} is not an email address ({reason}). "
    "Write one address like name@example.org.",
    "address-curly-quotes": "{text!r} has curly quotation marks, which are not part of any "
    "address. Remove the \u201c \u201d quotation marks (a name may "
    'be written in straight quotes: "Doe, Jo" <jo@example.org>).',
    "address-and": "{text!r} joins two addresses with a word. Separate addresses with commas: "
    "'a@example.org, b@example.org'.",
    "address-comma-in-domain": "{text!r} has a comma inside the address. Did you mean "
    "'{suggestion}' (with a '.')?",
    "address-invisible": "{text!r} contains an invisible character: {characters}. It usually "
    "comes from copying out of a document. Delete the address and type it "
    "again by hand.",
    "count-one-address": "{text!r} holds more than one address. Count takes the one address "
    "that receives the copies visitors choose to send, for example "
    "'Count: Friends of the Park <tally@example.org>'.",
    # Subject
    "subject-missing": "is missing. Add a line such as 'Subject: Ban facial recognition' with "
    "the subject line of the email.",
    "subject-empty": "is empty. Write the subject line of the email after 'Subject:', for "
    "example 'Subject: Ban facial recognition'.",
    "subject-instruction": "{text!r} is a note in brackets, not a subject: a visitor cannot "
    "fill it in, and every email would carry it as it is. Write the subject "
    "line yourself, such as 'Subject: Ban facial recognition'. For emails that "
    "differ, offer several ('Subjects: Ban it | No face scans | Protect us') or "
    "add a short blank: 'Subject: Ban facial recognition in [Your city]'.",
    "subject-too-many": "there are {count} subject lines, and a campaign may offer at "
    "most {most}. Keep the ones that differ most, and delete the others.",
    "subject-too-long": "a subject line is {length:,} characters long, and may be at most "
    "{most:,}. Write what the email is about in a few words; mail apps show about 150.",
    # Public comments: Docket, Portal, Limit, Published
    "docket-too-long": "is {length} characters long, and may be at most {most}: it goes in "
    "front of every subject. Write the docket number, RIN or the policy's short name, such "
    "as 'Docket: EXA-2026-0001'.",
    "docket-character": "{text!r} has {characters}, which a docket cannot hold: it goes into "
    "every subject line as it is written. Write the docket number or name without them.",
    "docket-twice": "{text!r} names the docket {docket!r} more than once. Write it once (or "
    "not at all: the page puts it in front of every subject that lacks it).",
    "portal-not-https": "{text!r} is not the address of an agency's web page: {why}. Copy "
    "the address of the agency's own comment form from your browser's address bar, for "
    "example 'Portal: https://www.regulations.gov/commenton/EXA-2026-0001-0001'.",
    "limit-not-a-number": "{text!r} is not a number. Write the most characters the agency "
    "takes in one comment, in digits: 'Limit: 5000'.",
    "limit-out-of-range": "{text!r} is not a limit an agency sets: write a number from "
    "{least:,} to {most:,}, the most characters one comment may have ('Limit: 5000').",
    "limit-letter-too-long": "{which} is about {length:,} characters once a sender fills in "
    "the words in square brackets (counted as docs/errors.md says), and the agency takes "
    "at most {limit:,} (Limit). Cut about {cut:,} characters, so that a sender's own "
    "sentence still fits.",
    "published-yes-or-no": "{text!r} is neither yes nor no. Write 'Published: no' if the "
    "agency does not publish the comments it receives (the page then does not warn that "
    "it will), or delete the line. (For the day the campaign starts, use Date.)",
    "docket-missing": "is for a public comment, and is only read with a Docket (which also "
    "tells visitors that comments are usually published). Add the 'Docket:' line, or "
    "delete the {field} line.",
    # Calls: Call, Action, the call and voicemail blocks, a list's phone column
    "call-number-missing": "has no phone number. Write the number people call, for "
    "example 'Call: Office of the Commissioner <646-610-5000>' or 'Call: 646-610-5000'.",
    "call-number-letters": "{text!r} has letters or an extension in it, and a phone link "
    "dials digits only: write the number as digits ({digits!r} on a phone's keypad), "
    "without an extension; if callers need one, tell them in the call block.",
    "call-name-outside": "{text!r} has the name outside the angle brackets. Write the name "
    "first and the number inside < >: 'Call: {name} <{number}>'.",
    "call-number-digits": "{text!r} has digits of another script, which read like other "
    "digits to some: write the number with the digits 0 to 9.",
    "call-number-invalid": "{text!r} is not a phone number that can be called: check the "
    "digits and write the area code too ('212-555-0142'), or for another country its "
    "country code ('+44 20 7946 0958'). Write one number. (Numbers are read as written in "
    "{region}: the site's MEGAPHONE_PHONE_REGION.)",
    "call-number-costly": "{text!r} is a number that costs callers more than a call (premium "
    "rate, shared cost, or a satellite or global number). Write the office's ordinary "
    "number.",
    "call-too-long": "is {length} characters long, and may be at most {most}: a name and "
    "a number, such as 'Call: Office of the Commissioner <646-610-5000>'.",
    "action-unknown": "{text!r} is not an action. Write 'Action: call' to offer the call "
    "first, or 'Action: email' (or delete the line) to offer the email first.",
    "action-without-call": "asks to offer the call first, and the campaign has no call. "
    "Add a 'Call:' line and a ```call block with what to say, or delete the Action line.",
    "call-script-missing": "gives a number to call, and there is no ```call block saying what "
    "to say. Add one, between a line ```call and a line ```.",
    "call-number-none": "there is a ```call block, and no number to call: add a line such as "
    "'Call: Office of the Commissioner <646-610-5000>', or a phone column to the target "
    "lists.",
    "call-script-twice": "there are {count} ```call blocks, and a campaign has one: what to "
    "say when someone answers. Keep one (put the rest in it, or delete them).",
    "voicemail-twice": "there are {count} ```voicemail blocks, and a campaign has one. Keep one.",
    "voicemail-without-call": "there is a ```voicemail block and no ```call block. Write "
    "what to say when someone answers in a ```call block first.",
    "call-only-email-field": "is for the email, and this campaign is a call alone (it has "
    "no To, Subject or letter), so nothing would read it. Delete the {field} line, or add "
    "the email: To, Subject and a ```letter block.",
    "call-script-too-long": "the ```{block} block is {length:,} characters long, and may be "
    "at most {most:,}. Say it in a few sentences: a caller reads it out.",
    "call-script-empty": "the ```{block} block is empty. Write what to say in it, or delete "
    "the block.",
    # Deadline and Timezone
    "deadline-missing": "is missing. Add the last day people can send, for example "
    "'Deadline: 2021-02-25' (or '2021-02-25 17:00').",
    "deadline-unreadable": "{text!r} is not a date we can read. Write the last day people can "
    "send, as YYYY-MM-DD (for example 2021-02-25), or add a time as "
    "YYYY-MM-DD HH:MM (for example 2021-02-25 17:00).",
    "deadline-no-such-day": "{text!r} is not a real date (there is no such day in that month). "
    "Check the month and the day.",
    "deadline-no-such-time": "{text!r} has a time that does not exist. Write the time on a "
    "24-hour clock, from 00:00 to 23:59.",
    "deadline-skipped-hour": "{text!r} does not exist in {zone}: the clocks go forward at that "
    "moment. Write the time just after the change instead: "
    "'Deadline: {instead}'.",
    "deadline-skipped-day": "{text!r} does not exist in {zone}: that day was skipped when the "
    "country moved across the date line. Choose the day before or "
    "after: 'Deadline: {before}' or 'Deadline: {after}'.",
    "deadline-out-of-range": "{text!r} is outside the years {first} to {last}. Check the year: "
    "write the last day people can send, for example 2030-02-25.",
    "timezone-unknown": "{text!r} is not a time zone name. Write a name from the IANA list, "
    "such as America/New_York, Europe/Madrid or Asia/Shanghai.",
    "timezone-not-for-browsers": "{text!r} is a time zone name that only some computers know, "
    "and visitors' browsers reject it. Write the name of a place, "
    "such as America/Chicago or Europe/Madrid.",
    # The letter
    "letter-missing": "there is no letter. Put the letter between a line '```letter' and a "
    "line '```'.",
    "letter-fence-bare": "this block starts with {fence!r} alone, while the other letters "
    "start with '```letter', so it is shown on the page as code and never sent. If it is a "
    "letter, write '```letter' on this line.",
    "comment-unclosed": "a note for yourselves starts here with '<!--' but never ends, so "
    "everything after it would be shown on the page. End the note with '-->'.",
    "letter-empty": "letter {number} is empty. Write the letter between '```letter' and '```', "
    "or delete the empty block.",
    "letter-too-many": "there are {count} letters, and a campaign may offer at most "
    "{most}: every version goes onto every page. Keep the versions that differ most, "
    "and delete the others.",
    "letter-too-long": "letter {number} is {length:,} characters long, and a letter may be "
    "at most {most:,} (about six pages). Shorten it: offices read the first screen.",
    "letter-unencodable": "{reason}. Retype that part of the letter or subject.",
    # Blanks (model/blanks.py)
    "placeholder-target-no-list": "{text!r}{where} is a blank a target list fills in, but "
    "this campaign has no 'Targets:' line, so visitors would be asked to type it, and the "
    "emails sent without JavaScript would say {text!r}. Add a line such as "
    "'Targets: ny-senate' naming a list in content/targets/ (docs/representatives.md), "
    "or write the name yourself instead of the blank.",
    "placeholder-target-unknown": "{text!r}{where} starts like a blank a target list fills "
    "in, but a list fills only [Target name], [Target title] and [Area], so visitors would "
    "be asked to type this one. Write one of those three, or, for a blank the visitor "
    "fills, a label that does not start with 'Target', such as [Your name].",
    # The letter blocks as written (model/letter_blocks.py)
    "letter-fence-spelling": "{text!r} looks like the start of a letter, but it is not one: "
    "{why}. This version would not be sent. Write {instead!r} on a line of "
    "its own, with nothing before it.",
    "letter-unclosed": "the letter that starts here has no line {fence!r} to end it{before}, "
    "so {result}. Write {fence!r} alone on the line after the letter's last "
    "line{last}.",
    "block-fence-spelling": "{text!r} looks like the start of a {kind} block, but it is not "
    "one: {why}. The page would show it as code, not as what to say. Write {instead!r} on "
    "a line of its own, with nothing before it.",
    "block-unclosed": "the {kind} block that starts here has no line {fence!r} to end "
    "it{before}, so {result}. Write {fence!r} alone on the line after its last line{last}.",
    "block-close-spelling": "{text!r} looks like the end of the {kind} block that starts on "
    "line {start}, but it does not end it: {why}. Write {fence!r} alone on the line, with "
    "nothing before it.",
    "letter-close-spelling": "{text!r} looks like the end of the letter that starts on line "
    "{start}, but it does not end it: {why}. Write {fence!r} alone on the "
    "line, with nothing before it.",
    "letter-cut-short": "this line {fence!r} ends the letter that starts on line {start}, so "
    "the lines after it, up to the {fence!r} on line {end}, would be left out "
    "of the email. If they are part of the letter, delete this line. (To keep "
    "a line of backticks in a letter, start the letter with '~~~letter' and "
    "end it with '~~~'.)",
    # The page itself
    "slug-taken": "{slug!r} is also the address of {others}, so one page would overwrite the "
    "other. Give each campaign its own Slug, for example 'Slug: {slug}-2'.",
    "slug-characters": "{slug!r} can hold only letters, digits and dashes: it becomes the "
    "page's address. Write, for example, 'Slug: {suggestion}'.",
    "slug-reserved": "{slug!r} is a name the site uses for its own files. Choose another, for "
    "example 'Slug: {suggestion}'.",
    "slug-same-name": "{slug!r} differs from the address of {others} only in capital letters "
    "or accents written another way, so one page would overwrite the other on "
    "many computers. Give each campaign a clearly different Slug.",
    # Translations (model/translation.py): the same campaign in another language
    "translation-differs": "this translation has {these}, but {original}, which it translates, "
    "has {those}. What is sent, to whom and until when comes from the original: a "
    "translation changes only the words. Make them the same: {instead}.",
    "translation-slug-near": "{slug!r} is not the Slug of any other file, so this translation "
    "would be published as a second campaign of its own, listed twice on the home page and "
    "not linked to {original}. Did you mean 'Slug: {near}', as in {original}? A translation "
    "keeps its original's Slug exactly. (If this is a campaign of its own, write "
    "'Translation: false'.)",
    "lang-unknown": "{text!r} is not a language code that the site can write dates and words "
    "in (Babel's list).{hint}",
    "lang-old-code": "{text!r} is a code for {name} that the standard has replaced, and "
    "browsers and screen readers may not know it. Write 'Lang: {new}'.",
    "lang-case": "{text!r} must be written in lower case, because it becomes part of the page's "
    "address. Write 'Lang: {lower}'.",
    "field-repeated": "is written on {count} lines ({lines}), and only one counts. Keep one line; "
    "for several subject lines write one 'Subjects: A | B' line.",
    "field-unknown": "{key!r} is not a field, so this line would be ignored.{hint}",
    "field-no-colon": "line {line} has {mark!r} after {key} where a colon belongs, so the "
    "fields end there: that line, and every field below it, would be shown on the page as text. "
    "Write '{key}:' (a colon, then a space) before the value.",
    "field-space-before-colon": "line {line} has a space between {key} and its colon, so the "
    "fields end there: that line, and every field below it, would be shown on the page as text. "
    "Write '{key}:' with the colon right after the name.",
    "field-after-blank-line": "the blank line on line {blank} ends the fields, so {key} on line "
    "{line} is not read (it would be shown on the page as text instead). Delete the blank line, "
    "so that every field is in one block at the top of the file.",
    "field-empty": "has nothing after the colon, so the campaign would go on as if the line "
    "were not there. Write the value after '{key}:', or delete the line.",
    "date-format": "{text!r} can be read two ways (03/12/2026 is 3 December in most countries "
    "and 12 March in the US). Write the day as year-month-day: 'Date: 2026-12-03'.",
    "status-unknown": "{text!r} is not a status this site knows. Write 'Status: draft' for a "
    "campaign that is not ready (it is previewed, never published), or delete the line to "
    "publish it.",
    "subjects-one": "{text!r} is one subject line, as written: subject lines are separated by "
    "'|'. Write 'Subjects: {fixed}', or 'Subject:' if it is meant as one.",
    "subject-bars": "{text!r} would be sent as one subject line, '|' and all: only "
    "'Subjects:' reads '|' as the line between subject lines. Write 'Subjects: {fixed}' to "
    "offer several, or write one subject without '|' (a dash reads well).",
    "field-indented": "starts with a space or a tab, so it would be read as more of the line "
    "above. Remove the space or tab at the start of line {line}.",
    "template-example": "still holds the example {example!r} that 'make campaign' wrote. Replace "
    "it with your own words before publishing (or keep 'Status: draft').",
    "field-not-allowed": "cannot be set in a campaign file: a campaign is always published at "
    "its Slug, with the site's own page design. Delete this line.",
    "text-control": "contains invisible control characters ({characters}), usually pasted from "
    "another program. Retype that line by hand.",
    "title-missing": "is missing. Add a line such as 'Title: Tell the NYPD to ban facial "
    "recognition' at the top of the file.",
    "date-missing": "is missing. Add a line such as 'Date: 2021-01-26' (the day the campaign "
    "starts) at the top of the file.",
    "date-out-of-range": "{text!r} is outside the years {first} to {last}, so the feed and the "
    "calendar file cannot carry it. Write the day the campaign starts, for example "
    "'Date: 2021-01-11'.",
    "date-unreadable": "{reason}. Write the day the campaign starts as YYYY-MM-DD, for example "
    "'Date: 2021-01-26'.",
    "image-not-found": "{path!r} is not a file in the content folder. Put the picture in "
    "content/images/ and write 'Image: images/<file name>'.",
    "campaign-file-too-large": "is larger than {most} KB, far more than any campaign needs, "
    "so it is not read. Shorten the explanation, or split the file into campaigns of their own.",
    "campaign-file-brackets": "holds {count} square brackets '[', more than the {most} any "
    "campaign needs, so it is not read (Markdown would take minutes over it). Delete the "
    "brackets that are not blanks or links.",
    "file-not-utf8": "is not saved as UTF-8 text. Open it in your editor and save it again "
    "with the UTF-8 encoding.",
    "file-unreadable": "could not be read ({reason}). Check the 'Key: value' lines at the top "
    "of the file.",
    # Invisible characters (model/invisible.py)
    "invisible-characters": "contains characters you cannot see: {characters}{hidden}. They can "
    "hide or reverse words, and would be sent or shown as they are. "
    "Delete the text around them and type it again by hand.",
    "letter-invisible": "letter {number}, line {line} contains characters you cannot see: "
    "{characters}{hidden}. They can hide or reverse words, and every "
    "email would carry them. Delete that line and type it again by hand.",
    # HTML in the explanation and the Summary (model/safe_html.py)
    "html-element": "{snippet}: a campaign page cannot contain <{element}>, so it would not "
    "appear. {advice}",
    "html-attribute": "{snippet}: {attribute!r} is not allowed on <{element}>, so it would not "
    "appear. {advice}",
    "html-link-scheme": "{snippet}: a link can start with https://, http://, mailto: or a path "
    "on this site, not {scheme!r}. Write the web address of the page, for "
    "example [the report](https://example.org/report).",
    "html-image-elsewhere": "{snippet}: the picture {src!r} is not on this site, and the page "
    "shows only pictures from this site (a picture from elsewhere "
    "would tell that site who reads the page). Save it in "
    "content/images/ and write ![what it shows]({{static}}/images/<file name>).",
    "html-unsafe": "{snippet}: this HTML would not appear as written ({change}). Write this "
    "part in plain Markdown instead.",
    # Files in the content folder (site/static_files.py)
    "static-not-image": "{path!r} is not a PNG, JPEG, GIF, WebP or AVIF picture{found}, and "
    "only those pictures are published from the content folder. {advice}",
    "pictures-too-many": "holds more pictures than a site may publish: at most {most} of "
    "them, of {megapixels:,} million pixels in all (each is decoded and written again). Delete "
    "the pictures no campaign uses, or make large photos smaller (1200 pixels wide is enough).",
    "symlink-outside": "{path!r} is a link to {target!r}, outside {folder}/, and nothing "
    "outside it is published. Put a copy of the file itself there instead of the link.",
    "symlink-broken": "{path!r} is a link that leads nowhere (or back to itself). Delete it, "
    "and put the file itself in the content folder.",
    "static-link-outside": "{path!r} would be published by a {{static}} or {{attach}} link, "
    "but it is {why}. Put the picture in content/images/ and link to "
    "it as {{static}}/images/<file name>.",
    "image-outside": "{path!r} is not inside content/images/. Put the picture in "
    "content/images/ and write 'Image: images/<file name>'.",
    "picture-hidden": "{path!r} is a hidden file ({name!r} starts with a dot), and hidden "
    "files are never published: some web hosts would read one as their own settings. "
    "Delete it, or, if it is a picture for the site, rename it so that the name does not "
    "start with a dot.",
    "picture-name": "the name {name!r} holds {characters}, and a published file's name may "
    "hold only letters, digits, '-', '_' and '.'. Rename it, for example with '-' instead of "
    "spaces (park-gate.png), and change the links and the Image lines that name it.",
    "picture-unreadable": "{path!r} starts like a {kind} picture but could not be read as "
    "one: it is damaged, cut short, or something else inside. Open it in an image editor "
    "and save it again as PNG or JPEG, or delete it.",
    "picture-too-large": "{path!r} is {size}, more than a web page needs or the build can "
    "safely open. Save a smaller copy (2400 pixels wide is plenty; for an animation, fewer "
    "frames) and use that instead.",
    "picture-avif-unsupported": "{path!r} is an AVIF picture, and the picture library on "
    "this computer cannot write AVIF. Save it as PNG or JPEG instead, and change the links "
    "and the Image lines that name it.",
    # Target lists (content/targets/)
    "targets-column-missing": "has no {column!r} column. The first line must name the columns: "
    "{columns}.",
    "targets-area-empty": "this row has no area. Write the district or ward in the 'area' "
    "column, or delete the row.",
    "targets-area-twice": "area {area!r} is already on line {first}, and visitors could not "
    "tell the two apart. If they are two seats that share a name (India has two Aurangabads), "
    "tell them apart in 'area', with the state or the seat's number: '{area} (state)' or "
    "'{area} 12', and the same in the postcode map. Only if both rows are for one seat, "
    "put both addresses in one row's 'email', separated by commas, and delete the other.",
    "targets-email-empty": "area {area!r} has no email address. Write it in the 'email' "
    "column, or delete the row if nobody can be written to there.",
    "targets-list-empty": "this list has nobody in it: {why}. A campaign that names it "
    "would ask visitors to write to their own representative and list no one. Add one row "
    "for each representative below the first line (area,name,title,email), or delete the "
    "file.",
    "targets-map-empty": "this row has no {column}. Each row is one postcode and one area.",
    "targets-postcode-number": "postcode {postcode!r} has lost its leading zero, as happens when "
    "a spreadsheet treats postcodes as numbers. Write '{fixed}', and "
    "format the column as text before saving.",
    "targets-postcodes-all-short": "all {count:,} postcodes of this map have {length} "
    "digits, and postcodes in {country} have {digits} ({source}): a spreadsheet that took "
    "the column for numbers has dropped every leading zero, so that '{fixed}' on this line "
    "became '{short}'. Format the 'postcode' column as text, write each postcode with its "
    "{digits} digits ('{fixed}'), and save again. If the map is for another country, name it "
    "in pelicanconf.py, for example MEGAPHONE_POSTCODE_COUNTRY = 'CH' (its two-letter "
    "code).",
    "targets-map-unknown-area": "area {area!r} has no representative in the list. Add a row "
    "for it to the list, or check how the area is written in both "
    "files.",
    "targets-map-too-many-shards": "the postcodes of this map begin in more than {most:,} "
    "ways (their first three characters, from this line on), and the site publishes a "
    "file for each. A real country's map has far fewer (the whole US: 894). Check that "
    "the 'postcode' column holds postcodes.",
    "targets-unknown-list": "there is no target list {name!r} in content/targets/.{hint}",
    "titles-without-targets": "says what the titles of a list of representatives are in this "
    "file's language, but the campaign has no Targets. Delete the line, or add 'Targets: <list>'.",
    "titles-syntax": "{text!r} has no '='. Write each title as the list writes it, then '=' and "
    "the title in this file's language, such as 'Titles: {first} = ...'; separate several with "
    "'|'.",
    "titles-unknown": "{text!r} is not a title in the campaign's lists, which give {titles}. "
    "Write the title as the list writes it, then '=' and the title in this file's language.",
    "titles-repeated": "gives {text!r} twice. Give each title once.",
    "titles-empty": "gives nothing after '=' for {text!r}. Write the title in this file's "
    "language after it.",
    "titles-own-words": "{text!r} is not a title: write a title alone (at most {most} "
    "characters, without [ ] < or >), such as 'Senador'.",
    "targets-empty": "names no list. Write the name of a list in content/targets/ (for "
    "content/targets/ny-senate.csv, write 'Targets: ny-senate'), or delete the line.",
    "targets-too-many-pages": "these lists have {pages:,} representatives, and one "
    "campaign may write at most {most:,} pages (one per representative). Choose fewer "
    "lists, or split the campaign in two.",
    "campaign-too-large": "the pages for these representatives would come to about "
    "{size} ({pages:,} pages, each with {versions} letter versions), and one campaign may "
    "make at most {most}. Offer fewer or shorter letter versions, or write to fewer "
    "lists.",
    "targets-unreadable": "this target list could not be read: {reason}. Save it from your "
    "spreadsheet as 'CSV UTF-8'.",
    "targets-column-twice": "the column {column!r} is named twice on the first line (columns "
    "{first} and {second}), so one of them would be ignored without a word. Rename one "
    "of them, or move what it holds into the other and delete it.",
    "targets-cell-too-long": "{what} is longer than a cell may be (at most {most:,} "
    'characters). Usually a quotation mark (") that opens and never closes has joined '
    'the lines after it into one cell: look for a stray " on this line. Otherwise '
    "shorten the text.",
    "targets-too-many-rows": "the list has more than {most:,} rows, more than any "
    "legislature has members, so the rest, from this line, is not read. Check that this "
    "is the list you meant, or split it into one list per chamber.",
    "targets-list-name": "{name!r} cannot be a list's name: it goes into the addresses of "
    "the pages, where only lower-case letters a-z, digits and dashes are safe (at most "
    "{most}). Rename the file to '{suggestion}.csv' and write 'Targets: {suggestion}'.",
    "targets-file-too-large": "this file is over {most}, more than a file in "
    "content/targets/ may be, so it was not read. Check that it is the list (or postcode "
    "map) you meant, saved as 'CSV UTF-8' with nothing else in it.",
    # The site
    "budget-not-a-number": "{name} = {text!r} is not a whole number of characters. Write, "
    "for example, {name} = 1800.",
    # The settings file (site/settings.py): each setting the plugin reads
    "setting-both-names": "is the old name of {name}, and the two are set to different "
    "values ({other!r} here, {value!r} in {name}), so the site could mean either. Keep "
    "{name} with the value you mean, and delete the {alias} line.",
    "setting-siteurl": "{name} = {text!r} is not a whole web address, so share links, the QR "
    "code and the calendar reminder would lead nowhere. Write the site's public address "
    "with https:// and the host name, for example {name} = {example!r} (or leave it out "
    "to use SITEURL).",
    "setting-extra-fields": "{name} = {text!r} is not a list of header field names. Write "
    "the fields your theme reads as a list of words, for example {name} = ['Region'], or "
    "{name} = [] for none.",
    "setting-home-closed": "{name} = {text!r} is not a whole number of campaigns. Write how "
    "many closed campaigns the home page lists, for example {name} = 5 (0 for none).",
    "setting-description": "{name} = {text!r} is not one line of words. Write one or two "
    "sentences (at most 300 characters) that say what the site is for, or leave it out.",
    "setting-closed-url": "{name} = {text!r} is not an address inside the site. Write the "
    "archive's address without the host or a leading /, for example {name} = 'closed/'.",
    "setting-closed-save-as": "{name} = {text!r} is not a file inside the site. Write where "
    "the archive of closed campaigns is written, for example {name} = 'closed/index.html', "
    "or {name} = '' for no archive.",
    "setting-locales": "{name} = {text!r} is not a table of page languages and the Babel "
    "locales that write their dates. Write, for example, {name} = "
    "{{'en': 'en_GB', 'es': 'es'}}, each locale a name Babel knows.",
    "setting-phone-region": "{name} = {text!r} is not a region phone numbers are read in. "
    "Write a country's two-letter code, such as 'US', 'GB' or 'IN'.",
    "setting-postcode-country": "{name} = {text!r} is not a country's two-letter code. "
    "Write the country whose postcodes content/targets/ holds, for example {name} = 'AU', "
    "or {name} = '' for no postcode check.",
    "setting-sitemap": "{name} = {text!r} is not True or False. Write {name} = True for a "
    "sitemap.xml (and its address in robots.txt), or {name} = False.",
    "setting-cache": "{name} = {text!r} is not True or False. Write {name} = True to reuse "
    "what earlier builds made, or {name} = False to build everything each time.",
    "setting-site-theme": "{name} = {text!r} is not the name of a template (or of a block) "
    "of the site's theme. Write, for example, MEGAPHONE_BASE_TEMPLATE = 'base.html' and "
    "MEGAPHONE_CONTENT_BLOCK = 'content'.",
    "setting-strict": "{name} = {text!r} is not True or False. Write {name} = True only on a "
    "site whose every article is a campaign, or leave it out.",
    "setting-strict-theme": "{name} = True holds the whole site to a campaign site's rules, "
    "and shows every page in Megaphone's theme, but THEME = {theme!r} is another theme. "
    "Leave {name} out to add campaigns to this site in its own theme, or set THEME to "
    "Megaphone's theme (pelican.plugins.megaphone.theme_path()).",
    "setting-campaign-paths": "{name} = {text!r} is not a list of folders inside the content "
    "folder. Write, for example, {name} = ['campaigns'].",
    "setting-markdown-codehilite": "turns on codehilite, which would rewrite every letter "
    "block into coloured code, so no campaign could be read. Remove "
    "'markdown.extensions.codehilite' from MARKDOWN (or delete the MARKDOWN setting).",
    "setting-autoescape": "turns autoescape off, so a campaign's words would be written into "
    "the pages as HTML. Delete 'autoescape' from JINJA_ENVIRONMENT, or set it to True.",
    # What the site writes (site/claims.py, site/site_links.py, site/shipped.py)
    "page-not-campaign": "is a Pelican page, and this site publishes campaigns only: a page "
    "would get none of a campaign's checks. If it is a campaign, move it to "
    "content/campaigns/; if not, delete it.",
    # Which files are campaigns (site/scope.py): a site may have other articles and pages.
    "campaign-paths-not-read": "the campaign folder {folder!r} (MEGAPHONE_CAMPAIGN_PATHS) "
    "is not read as articles, because {why}, so its campaigns would never be built. "
    "Change {setting}: {instead}.",
    "campaign-is-page": "is in a campaign folder, but Pelican reads it as a page (PAGE_PATHS), "
    "which gets none of a campaign's checks and no campaign page. Take the folder out of "
    "PAGE_PATHS, or move the file out of the campaign folder.",
    "campaign-not-markdown": "{name!r} is in a campaign folder, and a campaign is a Markdown "
    "file (its name ends in .md). Write the campaign in Markdown, or move the file out of "
    "the campaign folder.",
    "campaign-slug-shared": "Slug: {slug!r} is also the Slug of {other}, which is not a "
    "campaign, so Pelican takes the two for translations of one page. Give the campaign "
    "its own Slug, or, if {other} is the campaign in another language, move it into the "
    "campaign folder.",
    "template-reserved": "asks for the template {template!r}, which shows a campaign: this "
    "file is not one (it is not in a campaign folder), so the page would have nothing to "
    "show. Delete the Template line, or name one of your theme's own templates.",
    "site-theme-template-missing": "is a campaign, shown in the site's theme inside its "
    "template {name!r}, which the theme does not have ({theme}; its templates: {templates}). "
    "Set MEGAPHONE_BASE_TEMPLATE to the one of them that the theme's pages extend.",
    "site-theme-block-missing": "is a campaign, shown in the site's theme inside the block "
    "{block!r} of its template {name!r}, which has no such block (its blocks: {blocks}). "
    "Set MEGAPHONE_CONTENT_BLOCK to the one of them that holds a page's content.",
    "site-theme-template-broken": "is the theme's own template for a campaign page, and "
    "Jinja cannot read it: {error}. Mend the template at this line (docs/site-owners.md "
    "shows one that works).",
    "site-theme-template-names-nothing": "names the template {name!r}, which neither the "
    "theme nor Megaphone has. Write the name of one of the theme's templates (for a base "
    "template, the one its article.html extends), or megaphone/macros.html for the pieces.",
    "site-theme-piece-missing": "is a campaign with a call, and the theme's own campaign "
    "page, {template}, does not place it: add {{{{ megaphone.{piece}(article) }}}} where the "
    "call should be (docs/site-owners.md).",
    "site-theme-piece-unknown": "places {name!r}, which is not one of the pieces in "
    "megaphone/macros.html (they are: {pieces}). Write one of them.",
    "output-taken": "would be written to {path!r}, which {other} writes already, so one would "
    "silently replace the other. Rename one of them (a Slug, a file name, a list "
    "or an area).",
    "output-host-file": "would be written to {path!r}: a hidden file, or one that tells the web "
    "host what to do with every page. Only Megaphone writes such files. Rename "
    "the file so that its name does not start with a dot, or delete it.",
    "output-unclaimed": "{path!r} was written by the build, but nothing in the site claimed it, "
    "so the site is not published. This is not a mistake in a campaign: another "
    "plugin, or Megaphone itself, wrote it. Tell the team that runs the site.",
    "output-page-unsafe": "{path!r} as written holds {what}, which no page of this site may "
    "hold, so the site is not published. This is not something a campaign can "
    "fix by itself: tell the team that runs the site.",
    "site-link-kind": "{link!r} is a {{{kind}}} link, which this site does not publish. Link a "
    "picture with '{{static}}/images/<file>' and another campaign with "
    "'{{filename}}/campaigns/<file>.md'.",
    "site-link-missing": "{link!r} points to no file of the site, so the link would lead "
    "nowhere. Check the name and the folder: a picture is "
    "'{{static}}/images/park.png', a campaign '{{filename}}/campaigns/park.md'.",
    "site-link-draft": "{link!r} points to {other}, a draft, which is never published, so "
    "visitors would find nothing there. Publish that campaign first, or remove "
    "the link.",
    "catalogue-markup": "this translation adds {markup!r}, which the English does not have. "
    "A translation changes words only: the page writes it as it is, so markup would appear "
    "on every page of this language. Translate the words, and keep the markup exactly as in "
    "the English (msgid).",
    "theme-file-refused": "{path!r} would be published from the theme as it is, but {why}. "
    "Delete it from theme/static/, or tell the team that keeps the theme.",
    "build-date-invalid": "CAMPAIGN_TODAY={text!r} is not a date. Write it as YYYY-MM-DD, for "
    "example CAMPAIGN_TODAY=2021-02-22 make html.",
    "site-timezone-unknown": "{text!r} is not a time zone name. Write a name from the IANA "
    "list, such as America/New_York.",
    "siteurl-missing": "is not set, and every link of a published site starts with it. Say "
    "where the site will live: SITEURL=https://campaigns.example.org {command}",
    "siteurl-not-absolute": "{text!r} is not a whole web address, so every link and the "
    "script of the published site would break. Write it with https:// and the host name, "
    "for example SITEURL={example} {command}",
    # Publishing: make github (commands/github.py)
    "github-remote-unknown": "{remote!r} is not a remote of this repository (its remotes: "
    "{remotes}), so nothing was pushed. Name the remote of your GitHub repository, for "
    "example GITHUB_REMOTE=mine make github ('git remote -v' lists them; docs/publishing.md).",
    "github-not-a-repository": "{remote!r} is not a git repository that can be reached "
    "({reason}), so nothing was pushed. Check the address with 'git remote -v', and set "
    "GITHUB_REMOTE to the remote of your GitHub repository (docs/publishing.md).",
    "github-unreachable": "could not reach {remote!r} ({reason}): this computer may be "
    "offline, or the address is wrong. Nothing was pushed. Check the connection and the "
    "address ('git remote -v'), then run the command again.",
    "github-branch-moved": "the {branch} branch of {remote!r} has commits that this "
    "computer does not have (perhaps published from another computer), so the push was "
    "refused and nothing online changed. Run '{fetch}', then the command again.",
    "github-denied": "{remote!r} refused the push ({reason}). Check that you may push to "
    "that repository and that git is signed in to GitHub (docs/publishing.md).",
    "github-failed": "the push to {remote!r} failed: {reason}. Nothing online changed. "
    "Check GITHUB_REMOTE and GITHUB_PAGES_BRANCH (docs/publishing.md).",
}

WARNINGS = {
    "titles-untranslated": "this translation into {lang} shows titles of its lists as the "
    "lists write them ({titles}), on its pages and in [Target title]. Say what each is in this "
    "language on a Titles line: 'Titles: {first} = ...' (for a title that is the same, write "
    "'Titles: {first} = {first}').",
    "site-theme-other-hosts": "this campaign page, in the site's own theme, loads files from "
    "other sites: {hosts}. Each visitor's browser tells them who reads the campaign, and "
    "the policy Megaphone writes for campaign pages (_headers) blocks them. Serve the "
    "theme's fonts, styles and scripts from the site itself, or take them out of the theme.",
    "site-theme-inline-code": "this campaign page, in the site's own theme, has code written "
    "into the page itself ({kinds}): the policy Megaphone writes for campaign pages "
    "(_headers) lets only files from the site run and style them, so on a host that reads "
    "_headers (Netlify, Cloudflare Pages) that part of the theme does nothing there. Move "
    "it into a .js or .css file of the theme's static/ folder and link that.",
    "targets-map-alone": "this postcode map has no list beside it: nothing uses it. Name the "
    "list content/targets/{list}.csv, or delete the map.",
    "targets-not-csv": "only .csv files in content/targets/ are read; this one is not used. "
    "Save the list from your spreadsheet as 'CSV UTF-8'.",
    "targets-phone-missing": "{count} of the representatives have no phone (lines {lines}): "
    "with a call block that names them, their pages offer the email alone. Fill in their "
    "numbers, or leave them empty if they take no calls.",
    "targets-area-unmapped": "no postcode in {map} leads to area {area!r} (line {line}): "
    "visitors can find this representative by searching, not by "
    "postcode.",
    "area-said-twice": "{where} says {before!r} just before [Area], and the areas in "
    "content/targets/{list}.csv begin with it too ({example!r}), so every email would say "
    "{doubled!r}. Write {instead!r} there, or write the areas without {start!r} in the list "
    "({short!r}).",
    "targets-address-shared": "{address!r} is the address of areas {areas} (lines {lines}). "
    "Check it: a visitor writing to one would write to both.",
    "deadline-passed": "the deadline ({when}) has passed, so this page is built closed: it "
    "shows the letter for the record, with no send buttons. Check the "
    "Deadline if the campaign should still be open.",
    "deadline-far": "the deadline ({when}) is more than a year away. Is the year right?",
    "subject-long": "a subject line is {length} characters; mail apps cut subjects longer than "
    "about {longest}. Shorten it so the office sees what it is about.",
    "address-short-domain": "{address!r} ends in a one-letter domain. Is it cut off? Check "
    "it against the recipient's own website.",
    "template-example-draft": "line {line} still holds the example {example!r} that 'make "
    "campaign' wrote. Replace it before you publish.",
    "file-not-read": "is not read, so it is not on the site: only files ending in .md are "
    "campaigns. Rename it to end in .md, or move it out of the folder.",
    "file-not-used": "is not in content/campaigns/, content/images/ or content/targets/, so "
    "nothing reads it and it is not on the site. Move it into the folder it belongs in, or "
    "delete it.",
    "link-over-budget": "for your information, not a mistake: {letters}. Where a link cannot "
    "carry the letter, the button copies it and opens the email, and the page "
    "asks visitors to paste it. Without JavaScript the mail-app link stays "
    "within {budget:,} characters. A shorter letter goes in one click everywhere "
    "(docs/link-budgets.md).",
    "link-long-without-letter": "even without the letter the email link is {length} "
    "characters; some mail apps will not open it. Use fewer "
    "addresses or a shorter subject.",
    "deadline-soon": "the campaign closes in less than 24 hours ({when}). Share it now, or "
    "check the Deadline.",
    "summary-missing": "has no Summary. Add one or two sentences: they appear under the title "
    "and when the page is shared.",
    "image-share-heavy": "the Image {path!r} is {size} as published ({width} × {height} "
    "pixels); social sites skip a shared picture over 5 MB, so links to this page may show "
    "none. Save a smaller copy, 1200 × 630 pixels as a JPEG, and name that in Image.",
    "image-share-shape": "the Image {path!r} is {width} × {height} pixels ({size}), but social "
    "sites show a shared picture at 1200 × 630 pixels (about twice as wide as high, and at "
    "least 600 pixels wide), so they will crop it or show it small. Save a copy of that size "
    "and name that in Image.",
    "image-missing": "has no Image for sharing. Add 'Image: images/<file>' with a picture in "
    "content/images/ so shared links show it.",
    "mailto-not-recipients": "{snippet}: this email link writes to {addresses}, not to the "
    "people this campaign writes to, and it could pass for the "
    "button that sends the letter. Remove it, or make sure it is "
    "meant to be there.",
    "placeholder-escaped": "{text!r}{where} has backslashes before the brackets, so it is not "
    "a blank the visitor fills in, and the backslashes would be sent. Write "
    "{fixed!r}: brackets need no backslash in a letter or a subject.",
    "placeholder-spelling": "{text!r}{where} differs from {known!r} only in capitals or "
    "spaces, so it is read as {known!r}: the same box, and the same words in every email. "
    "Write {known!r} each time, so the file says what the page does.",
    "placeholder-link": "{text!r}{where} is a Markdown link, but an email is plain text: the "
    "reader will see the brackets and the parentheses as written, and the visitor gets no "
    "box for it. Write the address out instead, such as {instead!r}. (For a blank the "
    "visitor fills in, put a space before the '('.)",
    "placeholder-unclosed": "{text!r}{where} has a bracket that is not closed on the same "
    "line (a '[' with no ']' after it, or a ']' with no '[' before it), so it makes no box "
    "and is sent as written. Close it on the same line, such as '[Your name]', or delete "
    "it.",
    "placeholder-instruction": "{text!r}{where} is not a blank a visitor can fill in (a blank "
    "is a short label of up to 40 characters that starts with a letter, "
    "such as [Your name]), so it would be sent as written. If it is a note "
    "for you, do what it says and delete it; if the visitor should fill it "
    "in, write a short label instead.",
    "theme-translation-incomplete": "{lang}: {translated} of {total} strings translated, so "
    "pages in this language ({pages}) show the rest in English, marked as English (their "
    "deadline is in their own language, from CLDR). Translate "
    "the rest in this file (docs/translating.md).",
    "theme-not-translated": "{lang}: the theme is not translated into this language (none of "
    "its {total} strings), so its pages ({pages}) show their buttons and labels in English, "
    "marked as English (their deadline is in their own language, from CLDR). Start the "
    "translation with 'make language CODE={lang}' (docs/translating.md).",
    "slug-not-file-name": "the file is named {name!r} but its Slug is {slug!r}, so the page "
    "is at {address} and the file is hard to find from the address. Rename the file to "
    "{wanted!r}{or_slug}.",
    "cache-tracked": "git tracks {files} in this cache folder, so they came with the "
    "checkout, perhaps from someone else's pull request. They are ignored: a build never "
    "loads a cache it did not write itself, and makes its own. Remove them from git with "
    "'git rm -r --cached {folder}' and commit.",
    "siteurl-canonical-missing": "is not set, and SITEURL is not a whole address, so the share "
    "links, the QR code on the flyer and the calendar reminder carry addresses with no "
    "host, which lead nowhere once shared. Write the site's public address, for example "
    "MEGAPHONE_SITEURL = 'https://campaigns.example.org'.",
    "address-mixed-scripts": "{address!r} {description}, so it may imitate another address. "
    "Copy the address again from the recipient's own website, or "
    "type it by hand.",
    "sitemap-two-plugins": "is True, and pelican-sitemap writes this site's sitemap, so "
    "Megaphone writes none of its own: pelican-sitemap's lists every campaign page once. "
    "Delete the MEGAPHONE_SITEMAP line, or take pelican-sitemap out of PLUGINS.",
}


def say(code: str, **values) -> str:
    """The plain-words text of a problem or warning, with its code for the guide."""
    text = (PROBLEMS.get(code) or WARNINGS[code]).format(**values)
    return f"{text} [{code}]"


class ContentError(ValueError):
    """A problem found in content, said in plain words, with its code."""

    def __init__(self, code: str, **values):
        self.code = code
        super().__init__(say(code, **values))
