//! Addresses of any shape, as anyone can type or link them: random and hostile paths and
//! queries go through the route parser and every view, plain, on a kiosk and as a whole
//! document. Nothing panics, and the HTML that comes out, parsed as a browser parses it
//! (html5ever, through scraper), holds no element and no attribute that came from the address.
//!
//! Mutation tried: `Markup::text` writing its text unescaped makes all three fail at once (an
//! `xq-in` element from a class code in the not-found view's heading).

use std::fmt::Write as _;

use class_spec_core::render::Setting;
use class_spec_engine::{document, view_at};
use proptest::prelude::*;
use scraper::{Html, Node};

/// What an attacker's address carries. Every element or attribute name an injection could
/// create starts with `xq`, so one found in the output came from the address.
const HOSTILE: &[&str] = &[
    "<xq-in xq-attr=1>",
    "\"><xq-in>",
    "' xq-attr='1",
    "\" xq-attr=\"1",
    "</textarea><xq-in>",
    "</title><xq-in>",
    "<!--<xq-in>-->",
    "<![CDATA[<xq-in>]]>",
    "<svg><xq-in xq-attr/></svg>",
    "<math><mi><xq-in>",
    "<script>xq()</script>",
    "<img src=x onerror=xq()>",
    "javascript:xq()",
    "%3Cxq-in%3E",
    "%253Cxq-in%253E",
    "&lt;xq-in&gt;",
    "&#60;xq-in&#62;",
    "\u{0}",
    "%00",
    "%",
    "%%",
    "%ZZ",
    "%+1",
    "%FF%FE",
    "%C3%28",
    "%E2%80",
    "100%",
    "%,",
    "+",
    "&",
    "=",
    "#",
    "?",
    "/",
    "//",
    "..",
    "@",
    ",",
    "\n",
    "\u{FEFF}",
    "\u{202E}",
    "102D",
    "102D@2019",
    "2019",
];

const PATHS: &[&str] = &[
    "",
    "/",
    "/class/",
    "/class/102D/",
    "/compare",
    "/path",
    "/planner",
    "/embed",
    "/search",
    "/nowhere/",
    "/class",
];

const KEYS: &[&str] = &[
    "q",
    "classes",
    "view",
    "class",
    "years",
    "in-class",
    "education",
    "embed",
    "kiosk",
    "parent",
    "xq",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => proptest::collection::vec(any::<u8>(), 0..12)
            .prop_map(|bytes| bytes.iter().fold(String::new(), |mut out, b| {
                let _ = write!(out, "%{b:02X}");
                out
            })),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..4).prop_map(|pieces| pieces.concat())
}

/// A path and a query (`key=value&…`, unencoded: as hostile as typed).
fn address() -> impl Strategy<Value = (String, String)> {
    let path = (proptest::sample::select(PATHS), text()).prop_map(|(p, t)| format!("{p}{t}"));
    let pair = (proptest::sample::select(KEYS), text()).prop_map(|(k, v)| format!("{k}={v}"));
    let query = proptest::collection::vec(pair, 0..4).prop_map(|pairs| pairs.join("&"));
    (path, query)
}

/// Every element and attribute the browser would build from `html`, checked.
fn assert_nothing_injected(html: &str, what: &str) {
    let parsed = Html::parse_fragment(html);
    for node in parsed.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        assert!(
            !name.starts_with("xq") && name != "script",
            "{what}: an element <{name}> in {html}"
        );
        for (attribute, value) in element.attrs() {
            assert!(
                !attribute.starts_with("xq") && !attribute.starts_with("on"),
                "{what}: an attribute {attribute} in {html}"
            );
            if matches!(attribute, "href" | "src" | "action") {
                assert!(
                    !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                    "{what}: a script address {value}"
                );
            }
        }
    }
}

fn check(path: &str, query: &str) {
    let what = format!("{path:?} ? {query:?}");
    for kiosk in [false, true] {
        let setting = Setting {
            origin: "https://classes.example.org",
            kiosk,
        };
        let shown = view_at(path, query, setting);
        assert_nothing_injected(&shown.html, &what);
        let whole = document(path, query, setting.origin, kiosk);
        assert_nothing_injected(&whole.html, &what);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_address_is_answered_with_nothing_of_it_as_markup((path, query) in address()) {
        check(&path, &query);
    }
}

#[test]
fn each_hostile_piece_in_each_place() {
    for piece in HOSTILE {
        for path in PATHS {
            check(&format!("{path}{piece}"), "");
        }
        check("/search", &format!("q={piece}"));
        check("/compare", &format!("classes=102C,{piece}"));
        check(
            "/planner",
            &format!("class={piece}&years={piece}&education={piece}"),
        );
        check("/embed", &format!("view=/compare?classes=102C,{piece}"));
        check("/embed", &format!("view=/search?q={piece}"));
    }
}

#[test]
fn a_very_long_address_is_answered() {
    let long = "<xq-in>%".repeat(12_500);
    check(&format!("/class/{long}"), "");
    check("/search", &format!("q={long}"));
    check("/compare", &format!("classes={}", "102A,".repeat(20_000)));
    check("/planner", &format!("years={long}&in-class={long}"));
    check("/embed", &format!("view=/search?q={long}"));
}
