//! The names both sides of the browser edge use, defined once: element ids, `data-`
//! attributes, form and field names, classes, query words, message types, the engine's
//! modules and exports, and the fields of the records the build passes between Rust and
//! JavaScript. The renderers and the shell use these constants; the JavaScript side never
//! spells them: the build writes them as JSON (`class-spec-contract`, the engine's native
//! binary, prints [`json`]), `scripts/contract.mjs` reads it for the build's scripts and puts
//! the names each file of `web/` takes (`const { … } = CONTRACT;`) into that file as the build
//! writes it. A test below fails on a name spelled by hand in `web/*.js` or `scripts/*.mjs`.

use std::fmt::Write as _;

/// Defines each name as a constant and lists them all in [`NAMES`] (so none can be left out of
/// what the build writes for JavaScript).
macro_rules! contract {
    ($($(#[$doc:meta])* $name:ident = $value:literal;)*) => {
        $($(#[$doc])* pub const $name: &str = $value;)*
        /// Every name of the contract: its constant's name (the key JavaScript reads) and value.
        pub const NAMES: &[(&str, &str)] = &[$((stringify!($name), $name)),*];
    };
}

contract! {
    /// The app's name (the title of the start view, the end of every other view's title).
    APP_NAME = "Class Spec Explorer";
    /// The element holding the whole document drawn by [`crate::render::start_document`] (skip
    /// link, header, main region, footer). `web/boot.js` fills it when the engine draws a view no
    /// file of the build holds.
    APP_ID = "app";
    /// The main region (the skip link's target).
    MAIN_ID = "main";
    /// The element in the main region that holds the view: the only part the shell redraws when
    /// the address changes.
    VIEW_ID = "view";
    /// The header's search form and its box ("/" anywhere else puts the cursor there).
    SEARCH_FORM_ID = "site-search-form";
    SEARCH_BOX_ID = "site-search";
    /// The search box's field name: `/search?q=…`.
    SEARCH_FIELD = "q";
    /// The footer's "Embed this view" paragraph (hidden on the embed page itself).
    EMBED_LINK_ID = "embed-this-view";
    /// The printed page's address (the head only paper shows): the page writes the view's path
    /// and query, `web/platform.js` the whole address of the page as it is printed.
    PRINT_ADDRESS_ID = "print-address";

    /// The planner's form; its fields are named as in its address (see `Route::Planner`).
    PLANNER_FORM_ID = "planner";
    /// The compare picker's form, its field name and its status line.
    PICKER_FORM_ID = "compare-picker";
    PICKER_FIELD = "classes";
    PICKER_STATUS_ID = "picker-status";

    /// A button's action: `data-action="retry"` (load the engine again; the shell), and
    /// `data-action="copy"` (copy the text of the element named by [`COPY_SOURCE`]; `web/boot.js`,
    /// so that a click before the shell has come copies too).
    ACTION = "data-action";
    ACTION_RETRY = "retry";
    ACTION_COPY = "copy";
    /// The id of the element a copy button copies.
    COPY_SOURCE = "data-copy";
    /// The share button of the take-away control's plain fallback (`data-action="share"`, in
    /// [`crate::render::start_document`]'s chrome): `web/boot.js` answers it until the shell's
    /// component (`src/take_away.rs`) replaces it.
    ACTION_SHARE = "share";
    /// The host of the take-away control (`crate::render::take_away`), and its `data-`
    /// attributes for `web/boot.js`: the address to give away (the view's own, as
    /// `Route::href` writes it), and what to say once the link is copied and when the browser
    /// refused (the core's words).
    TAKE_AWAY_ID = "take-away";
    TAKE_AWAY_ADDRESS = "data-address";
    TAKE_AWAY_COPIED = "data-copied";
    TAKE_AWAY_REFUSED = "data-refused";
    /// The control's status line (a polite live region) and the paragraph with the field that
    /// shows the address, selected, when the browser refuses to copy or share it.
    TAKE_AWAY_STATUS_CLASS = "take-away__status";
    TAKE_AWAY_MANUAL_CLASS = "take-away__manual";
    TAKE_AWAY_FIELD_ID = "take-away-address";
    /// A kiosk's "Take this with you" (`data-qr="/class/102D"`, or an official page's address
    /// on its text, `web/platform.js`, then on the button the QR module puts beside it): the
    /// address to show as a QR code. A tap before the shell has come is kept by `web/boot.js`
    /// and tapped again for the shell, as a stepper's is.
    QR = "data-qr";
    /// Set on `<html>` by `web/platform.js` when the browser offers its share sheet for the
    /// page's address (the stylesheet then labels the share button "Share", else "Copy link").
    CAN_SHARE = "data-can-share";
    /// The QR module (`crates/qr`, Trunk's `data-bin`): named by `<meta name="qr">` (its files
    /// and integrity hashes, as the engine's), which no page carries: the shell's own script
    /// writes it into the page (`scripts/postbuild.mjs`), so only the shell, which asks for the
    /// module on a kiosk only, names it. Its exports: `show(url)`, the panel with the code, and
    /// `offer()`, a button beside each official page's address.
    QR_META = "qr";
    QR_MODULE = "class-spec-qr";
    EXPORT_QR_SHOW = "show";
    EXPORT_QR_OFFER = "offer";
    /// A kiosk's − and + beside a field of years: the step in years (`-1`, `-0.5`, `0.5`, `1`),
    /// a one-tap choice's value (`data-set="3"`), and the field's id. `web/platform.js` repeats a
    /// held step; `web/boot.js` keeps a tap made before the shell for it.
    STEP = "data-step";
    STEP_SET = "data-set";
    STEP_FIELD = "data-for";
    /// A node of the career-path drawing names the summary card to show (`data-card="card-102D"`);
    /// the panel's hint is marked [`CARD_HINT`].
    CARD = "data-card";
    CARD_HINT = "data-card-hint";
    /// The spreadsheet download button carries its view's address (`data-csv="/levels"`);
    /// `web/boot.js` asks the engine for that view's sheet.
    CSV_ATTRIBUTE = "data-csv";
    /// What should take focus when a view is opened in the app, before its heading.
    AUTOFOCUS = "data-autofocus";

    /// `<meta name="view" content="/class/102D" data-query="…" data-kiosk>`, in every page written
    /// at build time: the path the page's view was drawn for, the query names that would make it
    /// another view (space-separated), and, if present, that a kiosk sees this view otherwise.
    /// `web/platform.js` compares them with the address before anything is painted.
    VIEW_META = "view";
    /// Set on `<html>` by `web/platform.js` when the page does not hold the view of its address
    /// (a server's fallback page, a query that computes the view): the written view stays hidden
    /// and `web/boot.js` has the engine draw the right one.
    VIEW_PENDING = "data-view-pending";
    /// Set on `<html>` by the shell once it has adopted the page (links navigate in the app, the
    /// forms act without a page load).
    SHELL_READY = "data-shell";

    /// `<meta name="engine">` (every page: the whole engine, which draws every view) and
    /// `<meta name="view-engine">` (a page whose query computes its view: the module of its
    /// path), each naming a module's files and their integrity hashes in four attributes
    /// (`scripts/postbuild.mjs` writes them, `web/platform.js` preloads and `web/boot.js` loads).
    ENGINE_META = "engine";
    VIEW_ENGINE_META = "view-engine";
    ENGINE_JS = "data-js";
    ENGINE_JS_INTEGRITY = "data-js-integrity";
    ENGINE_WASM = "data-wasm";
    ENGINE_WASM_INTEGRITY = "data-integrity";
    /// On `<meta name="view">` ([`VIEW_META`]): the query names that would make the address
    /// another view (space-separated), and, if present, that a kiosk sees this view otherwise.
    VIEW_QUERY = "data-query";
    VIEW_KIOSK = "data-kiosk";

    /// The whole engine's module (its Cargo binary, Trunk's `data-bin` in `index.html`); a
    /// page's own module is this, `-`, and one of [`VIEW_MODULES`].
    ENGINE_MODULE = "class-spec-engine";
    /// The engine's exports: `page(path, query, origin, kiosk)` (a view: the shell),
    /// `document(…)` (a view in its chrome: `web/boot.js` for a pending page) and
    /// `csv(path, query)` (a view's spreadsheet: `web/boot.js`); and the shell's `start`.
    EXPORT_PAGE = "page";
    EXPORT_DOCUMENT = "document";
    EXPORT_CSV = "csv";
    EXPORT_START = "start";
    /// The engine's data exports (every module): `giveIndex(bytes)` (the catalogue's index),
    /// `needs(path, query)` (the files a view needs that the module does not hold: address,
    /// integrity hash and the series in words, three strings each), `give(address, bytes)` (a
    /// series file). `web/boot.js` calls them before a view is drawn.
    EXPORT_GIVE_INDEX = "giveIndex";
    EXPORT_NEEDS = "needs";
    EXPORT_GIVE = "give";
    /// `prepare(path, query)`: a promise that the module holds the data files the view at the
    /// address needs (`web/engine-data.js`, which `scripts/postbuild.mjs` appends to each engine
    /// module's script with the index's address and integrity hash).
    EXPORT_PREPARE = "prepare";
    /// The fields of the engine's answers read back: a view's title and HTML, a spreadsheet's
    /// file name and text.
    VIEW_TITLE = "title";
    VIEW_HTML = "html";
    SHEET_NAME = "name";
    SHEET_TEXT = "text";

    /// The classes `web/platform.js` sets on `<html>` before anything is painted (the shell and
    /// the stylesheet read them): a kiosk, a view embedded in another site's page, and an
    /// embedded view refused because its `parent` is not an origin it may talk to.
    KIOSK_CLASS = "kiosk";
    EMBEDDED_CLASS = "embedded";
    EMBED_REFUSED_CLASS = "embed-refused";
    /// The session storage key under which a kiosk remembers that it is one (its idle time).
    KIOSK_STORAGE = "cse-kiosk";
    /// The query words of the kiosk (`/?kiosk=1&idle=60`, ended by `?kiosk=0`) and of an
    /// embedded view (`?embed=1&parent=https://agency.example`).
    QUERY_KIOSK = "kiosk";
    QUERY_IDLE = "idle";
    QUERY_EMBED = "embed";
    QUERY_PARENT = "parent";
    /// The messages: an embedded view's height to the page that frames it, that page's request
    /// for it (`web/platform.js`, `web/embed.js`, the snippet's documentation), and the update
    /// offer's "activate" to the service worker (`web/platform.js`, `web/sw.js`).
    MESSAGE_HEIGHT = "class-spec-explorer:height";
    MESSAGE_REPORT_HEIGHT = "class-spec-explorer:report-height";
    MESSAGE_ACTIVATE = "class-spec-explorer:activate";
    /// The embed snippet's script (`web/embed.js`, at a stable address) and its attributes: the
    /// view to frame and the id of the placeholder it replaces.
    EMBED_SCRIPT = "/embed.js";
    EMBED_VIEW = "data-view";
    EMBED_PLACE = "data-place";
    /// Where the build publishes the open data (`crate::open_data`, README "Open data"):
    /// written by `scripts/postbuild.mjs`, left out of the offline copy by
    /// `scripts/service-worker.mjs`.
    OPEN_DATA = "/data/v1";
    /// Where the build writes the catalogue's data files (`crate::data_files`: the index and one
    /// file per series, named for their bytes), which the engine is given: written by
    /// `scripts/postbuild.mjs` with the engine's native `class-spec-data-files`.
    CATALOGUE_FILES = "/catalogue";
    /// The status line beside a copy button.
    COPY_STATUS_CLASS = "copy-status";
    /// A note's disclosure (`<details class="why">`); Escape closes an open one (`web/platform.js`).
    WHY_CLASS = "why";

    /// The planner's fields, as named in its form and its address (`/planner?class=102C&years=5`).
    PLANNER_CLASS = "class";
    PLANNER_YEARS = "years";
    PLANNER_IN_CLASS = "in-class";
    PLANNER_EDUCATION = "education";

    /// The record `class-spec-prerender` prints for each view written at build time (a JSON
    /// array of them, read by `scripts/views.mjs`): its path, title, document (the content of
    /// `#app`), the query names that would make the address another view, whether a kiosk sees
    /// it otherwise, and the engine module of its path (`null`: the whole engine).
    RECORD_PATH = "path";
    RECORD_TITLE = "title";
    RECORD_BODY = "body";
    RECORD_QUERY = "query";
    RECORD_KIOSK = "kiosk";
    RECORD_ENGINE = "engine";
    /// The record `class-spec-data-files` prints for the build (`scripts/postbuild.mjs`): the
    /// address of the catalogue's index (under [`CATALOGUE_FILES`]) and its integrity hash.
    RECORD_DATA_INDEX = "dataIndex";
    RECORD_DATA_INTEGRITY = "dataIntegrity";
}

/// The engine's smaller modules, one for each page whose query computes its view
/// (`class_spec_engine::Views`): the binary `class-spec-engine-compare`, ….
pub const VIEW_MODULES: [&str; 3] = ["compare", "planner", "search"];

/// A page's title in the browser tab: the view's own title, then the app's name (the start
/// view has none of its own). The one place it is composed: the engine's answers, the pages
/// written at build time and the shell's navigation all take it from here.
pub fn page_title(view_title: &str) -> String {
    if view_title.is_empty() {
        APP_NAME.to_owned()
    } else {
        format!("{view_title} · {APP_NAME}")
    }
}

/// Every name as JSON, `{"APP_ID": "app", …, "VIEW_MODULES": ["compare", …]}`: what the build
/// writes for JavaScript.
pub fn json() -> String {
    let mut out = String::from("{");
    for (key, value) in NAMES {
        out.push_str(&json_string(key));
        out.push(':');
        out.push_str(&json_string(value));
        out.push(',');
    }
    out.push_str("\"VIEW_MODULES\":[");
    let modules: Vec<String> = VIEW_MODULES.iter().map(|m| json_string(m)).collect();
    out.push_str(&modules.join(","));
    out.push_str("]}");
    out
}

/// `text` as a JSON string, quotes and all (RFC 8259: `"`, `\\` and control characters escaped).
pub fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// The JavaScript the project writes by hand: the browser's files and the build's scripts.
    fn javascript() -> Vec<(PathBuf, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        for (folder, extension) in [("web", "js"), ("scripts", "mjs")] {
            for entry in std::fs::read_dir(root.join(folder)).expect("the folder is there") {
                let path = entry.expect("a readable entry").path();
                if path.extension().is_some_and(|e| e == extension) {
                    let text = std::fs::read_to_string(&path).expect("a readable file");
                    files.push((path, text));
                }
            }
        }
        assert!(
            files.len() >= 6,
            "web/*.js and scripts/*.mjs were not found"
        );
        files
    }

    /// The names JavaScript reads as properties of the engine's answers, of its module and of
    /// the prerender record (`view.title`): checked where code reads a property, not in
    /// strings, where the same words mean other things (`<title>`, `text/csv`).
    fn property(key: &str) -> bool {
        key.starts_with("EXPORT_")
            || key.starts_with("RECORD_")
            || key.starts_with("SHEET_")
            || matches!(key, "VIEW_TITLE" | "VIEW_HTML")
    }

    #[test]
    fn no_script_spells_a_name_of_the_contract() {
        // Mutation tried: `'kiosk'` written back into web/platform.js's
        // `root.classList.add(KIOSK_CLASS)` fails this test, naming the file and the literal.
        let mut found = Vec::new();
        for (path, source) in javascript() {
            let code = lex::read(&source);
            for literal in &code.literals {
                for (key, value) in NAMES.iter().filter(|(key, _)| !property(key)) {
                    if lex::holds_word(literal, value) {
                        found.push(format!(
                            "{}: {key} ({value:?}) in {literal:?}",
                            path.display()
                        ));
                    }
                }
            }
            for (object, name) in &code.properties {
                let reads = NAMES
                    .iter()
                    .any(|(key, value)| property(key) && value == name);
                // The page's own title and an element's (`frame.title`) are the DOM's.
                if reads && !matches!(object.as_str(), "document" | "frame") {
                    found.push(format!(
                        "{}: .{name} read by hand ({object}.{name})",
                        path.display()
                    ));
                }
            }
        }
        assert!(
            found.is_empty(),
            "names of crates/core/src/contract.rs spelled by hand:\n{}",
            found.join("\n")
        );
    }

    /// The stylesheet cannot import the contract; the names it styles by are checked here.
    /// Mutation tried: renaming `EMBED_REFUSED_CLASS` to `"embed-denied"` fails this test.
    #[test]
    fn the_stylesheet_uses_the_same_names() {
        let css = include_str!("../../../style/main.css");
        for selector in [
            format!("[{VIEW_PENDING}] #{APP_ID}"),
            format!(".{KIOSK_CLASS} "),
            format!(".{EMBEDDED_CLASS} "),
            format!(".{EMBED_REFUSED_CLASS} "),
            format!(".{WHY_CLASS} "),
            format!(".{COPY_STATUS_CLASS}"),
            format!("#{PRINT_ADDRESS_ID} "),
            format!(".{TAKE_AWAY_STATUS_CLASS}"),
            format!(".{TAKE_AWAY_MANUAL_CLASS}"),
            format!("[{CAN_SHARE}] .take-away__if-share"),
        ] {
            assert!(css.contains(&selector), "style/main.css has no {selector}");
        }
    }

    #[test]
    fn the_contract_is_written_as_json_with_every_name() {
        let json = json();
        for (key, value) in NAMES {
            assert!(
                json.contains(&format!("{}:{}", json_string(key), json_string(value))),
                "{key}"
            );
        }
        assert!(json.ends_with(r#""VIEW_MODULES":["compare","planner","search"]}"#));
        assert_eq!(json_string("a\"b\\c\n\u{1}é"), r#""a\"b\\c\n\u0001é""#);
        // One value per key: a name defined twice would leave JavaScript one of them.
        for (key, _) in NAMES {
            assert_eq!(NAMES.iter().filter(|(k, _)| k == key).count(), 1, "{key}");
        }
    }

    #[test]
    fn a_title_ends_with_the_apps_name() {
        assert_eq!(page_title(""), "Class Spec Explorer");
        assert_eq!(
            page_title("Compare classes"),
            "Compare classes · Class Spec Explorer"
        );
    }

    /// A small reader of JavaScript, enough for this check: string, template and regular
    /// expression literals, comments, and `object.property` reads.
    mod lex {
        #[derive(Default)]
        pub struct Code {
            /// Each string, each static part of a template and each regular expression.
            pub literals: Vec<String>,
            /// Each `object.property` read outside literals and comments.
            pub properties: Vec<(String, String)>,
        }

        /// Whether `value` stands in `text` as a name of its own (not inside `kiosk-countdown`).
        /// A plain word (`kiosk`, `engine`) counts where it is a name: the whole literal, or in
        /// markup, a selector or a query (`name="engine"`, `#app`, `[data-step]`, `embed=1`),
        /// not in a sentence (`"a view came out wrong"`, an error message).
        pub fn holds_word(text: &str, value: &str) -> bool {
            let part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':');
            let plain = value.chars().all(|c| c.is_ascii_lowercase());
            text == value
                || text.match_indices(value).any(|(at, _)| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + value.len()..].chars().next();
                    let word = !before.is_some_and(part) && !after.is_some_and(part);
                    word && (!plain
                        || before.is_some_and(|c| "\"'=#.[?&".contains(c))
                        || after.is_some_and(|c| "=\"]".contains(c)))
                })
        }

        pub fn read(source: &str) -> Code {
            let chars: Vec<char> = source.chars().collect();
            let mut code = Code::default();
            let mut i = 0;
            // The last character of code seen: a `/` after one of these starts a regular
            // expression, else it divides.
            let mut last = '(';
            // Template literals being read, each with the depth of `{` in its `${…}`.
            let mut templates: Vec<usize> = Vec::new();
            while i < chars.len() {
                let c = chars[i];
                let next = chars.get(i + 1).copied().unwrap_or('\0');
                if c == '/' && next == '/' {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                } else if c == '/' && next == '*' {
                    i += 2;
                    while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                        i += 1;
                    }
                    i += 2;
                } else if c == '\'' || c == '"' {
                    let (text, end) = quoted(&chars, i + 1, c);
                    code.literals.push(text);
                    i = end;
                    last = 'a';
                } else if c == '`' || (c == '}' && templates.last() == Some(&0)) {
                    if c == '}' {
                        templates.pop();
                    }
                    let (text, end, open) = template(&chars, i + 1);
                    code.literals.push(text);
                    if open {
                        templates.push(0);
                        last = '(';
                    } else {
                        last = 'a';
                    }
                    i = end;
                } else if c == '/' && "(,=:[!&|?{};+-*%<>~^".contains(last) {
                    let (text, end) = regex(&chars, i + 1);
                    code.literals.push(text);
                    i = end;
                    last = 'a';
                } else if c == '.' && next.is_ascii_alphabetic() && (i == 0 || chars[i - 1] != '.')
                {
                    let object: String = chars[..i]
                        .iter()
                        .rev()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '$')
                        .collect::<String>()
                        .chars()
                        .rev()
                        .collect();
                    let name: String = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_alphanumeric() || **c == '_' || **c == '$')
                        .collect();
                    i += 1 + name.len();
                    code.properties.push((object, name));
                    last = 'a';
                } else {
                    if let Some(depth) = templates.last_mut() {
                        match c {
                            '{' => *depth += 1,
                            '}' => *depth -= 1,
                            _ => {}
                        }
                    }
                    if !c.is_whitespace() {
                        last = if c.is_ascii_alphanumeric()
                            || c == '_'
                            || c == '$'
                            || c == ')'
                            || c == ']'
                        {
                            'a'
                        } else {
                            c
                        };
                    }
                    i += 1;
                }
            }
            code
        }

        fn quoted(chars: &[char], mut i: usize, quote: char) -> (String, usize) {
            let mut text = String::new();
            while i < chars.len() && chars[i] != quote {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(c) = chars.get(i) {
                    text.push(*c);
                }
                i += 1;
            }
            (text, i + 1)
        }

        /// A template's text up to its end or its next `${`: the text, where reading goes on,
        /// and whether a `${` was opened.
        fn template(chars: &[char], mut i: usize) -> (String, usize, bool) {
            let mut text = String::new();
            while i < chars.len() {
                match chars[i] {
                    '`' => return (text, i + 1, false),
                    '$' if chars.get(i + 1) == Some(&'{') => return (text, i + 2, true),
                    '\\' => {
                        i += 1;
                        if let Some(c) = chars.get(i) {
                            text.push(*c);
                        }
                    }
                    c => text.push(c),
                }
                i += 1;
            }
            (text, i, false)
        }

        fn regex(chars: &[char], mut i: usize) -> (String, usize) {
            let mut text = String::new();
            let mut class = false;
            while i < chars.len() && (class || chars[i] != '/') {
                match chars[i] {
                    '\\' => {
                        text.push('\\');
                        i += 1;
                    }
                    '[' => class = true,
                    ']' => class = false,
                    _ => {}
                }
                if let Some(c) = chars.get(i) {
                    text.push(*c);
                }
                i += 1;
            }
            (text, i + 1)
        }
    }
}
