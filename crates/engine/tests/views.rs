//! The engine's answers for real addresses, with the data baked in: what the shell draws.

use class_spec_engine::{catalogue, page, view};
use scraper::{ElementRef, Html, Selector};

#[test]
fn every_class_version_is_a_titled_page() {
    for class in catalogue().classes.iter() {
        for (i, version) in class.versions.iter().enumerate() {
            let path = format!("/class/{}/{}", class.code, version.id);
            let shown = view(&path, "");
            // Titles carry the marks of what is inferred in them.
            let title = class.title_marked().plain();
            let expected = match (i, version.effective.is_inferred()) {
                (0, _) => title,
                (_, false) => format!("{title} ({})", version.label),
                (_, true) => format!("{title} ({}, inferred)", version.label),
            };
            assert_eq!(shown.title, expected, "{path}");
            assert!(
                shown.html.starts_with("<article class=\"class-page\">"),
                "{path}"
            );
        }
    }
}

#[test]
fn unknown_addresses_classes_and_versions_are_named() {
    assert_eq!(view("/nowhere", "").title, "Page not found");
    assert_eq!(view("/class/999Z", "").title, "No class with the code 999Z");
    let missing = view("/class/102D/1999", "");
    assert_eq!(
        missing.title,
        "Customer Service Specialist 4 has no version 1999"
    );
    assert!(
        missing.html.contains("2025"),
        "the versions held are listed"
    );
}

#[test]
fn every_ready_made_comparison_draws_a_table() {
    let compare = view("/compare", "");
    assert_eq!(compare.title, "Compare classes");
    assert!(
        !compare.html.contains("role=\"alert\""),
        "no picks is not an error"
    );
    let links: Vec<&str> = compare
        .html
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with("/compare?"))
        .collect();
    assert!(links.len() >= 4, "{links:?}");
    for href in links {
        let href = href.replace("&amp;", "&");
        let (path, query) = href.split_once('?').unwrap();
        let shown = view(path, query);
        assert!(shown.title.starts_with("Compare "), "{href}");
        assert!(shown.html.contains("<table class=\"compare\""), "{href}");
    }
}

#[test]
fn the_answer_to_the_shell_is_the_view() {
    let answer = page("/class/102D", "", "https://classes.example.org", false);
    assert_eq!(answer, view("/class/102D", ""));
}

/// The class codes of the drawing's class boxes, in drawing order.
fn drawn_classes(html: &str) -> Vec<String> {
    html.split("data-card=\"card-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// The class codes of the text equivalent, in list order.
fn listed_classes(html: &str) -> Vec<String> {
    html.split("class=\"path-step\" id=\"step-")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_career_path_draws_the_series_in_order_and_says_the_same_in_words() {
    let shown = view("/path", "");
    assert_eq!(shown.title, "Career path");
    let expected = ["102A", "102B", "102C", "102D", "103D"];
    assert_eq!(drawn_classes(&shown.html), expected);
    assert_eq!(listed_classes(&shown.html), expected);
    assert!(
        shown.html.contains(">One year as CSS 3</text>"),
        "the stated step"
    );
    assert!(
        shown.html.contains(">Not published here</text>"),
        "the unknown steps say so"
    );
    assert!(
        shown
            .html
            .contains(">High school + 4 years, or other</text>"),
        "the way in from outside"
    );
}

#[test]
fn the_standalone_drawing_is_a_file_of_its_own() {
    let svg = class_spec_core::render::standalone_svg(catalogue()).unwrap();
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(
        svg.contains("<style>"),
        "styled without the app's stylesheet"
    );
    assert!(
        !svg.contains("<a "),
        "no links into an app that is not there"
    );
    assert!(svg.contains("Customer Service Specialist 4"));
    assert!(svg.contains("data as of July 1, 2025"));
    // Every element is closed, as XML requires (an HTML void element would not be).
    assert_eq!(svg.matches("<rect").count(), svg.matches("</rect>").count());
}

#[test]
fn a_plan_gives_a_verdict_for_every_class_of_the_path() {
    let shown = view(
        "/planner",
        "class=102C&years=5&in-class=2&education=high-school",
    );
    assert_eq!(shown.title, "Your plan");
    let verdict = |code: &str| {
        let item = shown
            .html
            .split(&format!("data-class=\"{code}\""))
            .nth(1)
            .unwrap_or_else(|| panic!("{code} has no verdict"));
        let badge = item.split("class=\"verdict ").nth(1).unwrap();
        badge
            .split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(verdict("102A"), "Cannot tell");
    assert_eq!(verdict("102B"), "Cannot tell");
    assert_eq!(verdict("102C"), "Your class");
    assert_eq!(verdict("102D"), "Meets");
    assert_eq!(verdict("103D"), "Not yet");
    assert!(shown.html.contains(
        "still needed: <strong class=\"plan__missing\">a bachelor&#39;s degree</strong>"
    ));
    assert!(shown.html.contains("Guidance, not a hiring decision."));
    assert_eq!(drawn_classes(&shown.html).len(), 5, "the plan on the path");
    assert!(shown.html.contains("node--current"));
}

#[test]
fn a_plan_leads_with_the_next_level_up_and_a_cannot_tell_says_what_to_do_next() {
    // Mutation tried: no headline (as before the fix): the plan then opened with "Within reach
    // now: CSS 1" for a CSS 2, and this failed.
    let shown = view(
        "/planner",
        "class=102B&years=3&in-class=1&education=high-school",
    );
    let page = Html::parse_fragment(&shown.html);
    let sel = |css: &str| Selector::parse(css).unwrap();
    let text = |e: ElementRef<'_>| e.text().collect::<String>();
    let first = page
        .select(&sel("#plan-heading ~ p"))
        .next()
        .expect("a paragraph after the plan's heading");
    assert_eq!(first.value().attr("class"), Some("plan__headline"));
    assert_eq!(
        text(first),
        "Next level up: Customer Service Specialist 3 (CSS 3) — cannot tell from the data: what to do next is below."
    );
    let to = first.select(&sel("a")).next().unwrap();
    assert_eq!(to.value().attr("href"), Some("/class/102C"));
    let next_step = page
        .select(&sel(".plan__item[data-class='102C'] .plan__next-step"))
        .next()
        .expect("the CSS 3 card says what to do next");
    assert!(
        text(next_step).starts_with("What to do next: ask your HR office"),
        "{}",
        text(next_step)
    );
    let link = next_step.select(&sel("a")).next().unwrap();
    assert!(link
        .value()
        .attr("href")
        .is_some_and(|h| h.ends_with("Specifications/1664")));
    assert_eq!(link.value().attr("rel"), Some("external"));
    assert_eq!(
        text(link),
        "the official page for CSS 3",
        "a real link, named"
    );
    assert!(
        !text(next_step).contains("https://"),
        "no bare address: {}",
        text(next_step)
    );
    // A CSS 4 has no level above it on its ladder: no headline.
    let top = view(
        "/planner",
        "class=102D&years=9&in-class=2&education=high-school",
    );
    assert!(!top.html.contains("plan__headline"));
}

#[test]
fn a_plan_with_bad_fields_is_refused_field_by_field_and_not_evaluated() {
    let shown = view("/planner", "years=2&in-class=3&education=phd");
    assert_eq!(shown.title, "Planner: check the fields");
    assert!(!shown.html.contains("Your plan"));
    assert!(shown.html.contains("id=\"f-in-class-error\""));
    assert!(shown.html.contains("id=\"f-education-error\""));
    assert!(shown.html.contains("aria-invalid=\"true\""));
    assert!(shown.html.contains("value=\"3\""), "what was typed is kept");
    let empty = view("/planner", "");
    assert_eq!(empty.title, "Planner");
    assert!(
        !empty.html.contains("role=\"alert\""),
        "an empty form is not an error"
    );
}

#[test]
fn any_view_gets_an_embed_snippet_with_the_app_address() {
    let shown = class_spec_engine::view_at(
        "/embed",
        "view=%2Fcompare%3Fclasses%3D102C%2C102D",
        class_spec_core::render::Setting {
            origin: "https://classes.example.org",
            kiosk: false,
        },
    );
    assert_eq!(shown.title, "Embed this view");
    assert!(shown
        .html
        .contains("var app = &quot;https://classes.example.org&quot;;"));
    assert!(shown
        .html
        .contains("/compare?classes=102C,102D&amp;embed=1&amp;parent="));
    assert!(shown.html.contains(
        "<iframe src=\"/compare?classes=102C,102D&amp;embed=1&amp;parent=https%3A%2F%2Fclasses.example.org\""
    ));
    let refused = view("/embed", "view=%2Fnowhere");
    assert!(refused.html.contains("role=\"alert\""));
    assert!(!refused.html.contains("<iframe"));
}

// Before, every address the route table reads got a snippet: a class or comparison that does
// not exist (a "not found" view under the app's name) and search results repeating what was
// typed. Mutation tried: `embeddable` answering `true` for every route fails this.
#[test]
fn only_a_view_the_data_holds_gets_a_snippet() {
    for view_address in [
        "/",
        "/class/102D",
        "/class/102D/2019",
        "/compare?classes=102C,102D",
        "/path",
        "/planner?class=102C&years=5&in-class=2&education=associate",
    ] {
        let shown = view(
            "/embed",
            &format!("view={}", view_address.replace('&', "%26")),
        );
        assert!(
            shown.html.contains("id=\"embed-snippet\""),
            "{view_address}"
        );
    }
    for view_address in [
        "/nowhere",
        "/class/999Z",
        "/class/102D/1999",
        "/compare?classes=102C",
        "/compare?classes=102C,999Z",
        "/planner?years=lots",
        "/search?q=Your+words+here",
        "/embed?view=/path",
    ] {
        let shown = view(
            "/embed",
            &format!("view={}", view_address.replace('&', "%26")),
        );
        assert!(
            !shown.html.contains("id=\"embed-snippet\""),
            "{view_address}"
        );
        assert!(!shown.html.contains("<iframe"), "{view_address}");
        assert!(
            shown.html.contains("only a view the data holds can be"),
            "{view_address}"
        );
        assert!(!shown.html.contains("Your words"), "{view_address}");
    }
}

#[test]
fn on_a_kiosk_the_planner_needs_no_typing() {
    let kiosk = class_spec_engine::view_at(
        "/planner",
        "years=2.5",
        class_spec_core::render::Setting {
            origin: "",
            kiosk: true,
        },
    );
    assert_eq!(kiosk.html.matches("data-step=").count(), 4, "two steppers");
    assert!(kiosk.html.contains("readonly"));
    assert!(kiosk.html.contains("value=\"2.5\""));
    assert!(!view("/planner", "").html.contains("data-step="));
    // A kiosk has nothing to bookmark, share or print with.
    assert!(!kiosk.html.contains("bookmark"));
    assert!(view("/planner", "")
        .html
        .contains("bookmark, share or print"));
}

#[test]
fn search_finds_words_in_every_version_grouped_by_class_with_links_to_the_section() {
    let shown = view("/search", "q=%22customer+service%22+supervis");
    assert_eq!(shown.title, "Search: \"customer service\" supervis");
    assert!(shown.html.contains("<mark>"), "matches are marked");
    assert!(
        shown.html.contains("href=\"/class/102D#"),
        "results open the class at the section"
    );
    let first_group = shown
        .html
        .split("class=\"search-group\"")
        .nth(1)
        .expect("a group of results");
    assert!(
        first_group.contains("Customer Service Specialist 4"),
        "the best match first"
    );
    assert!(
        view("/search", "q=tracks")
            .html
            .contains("href=\"/class/102D/2019#"),
        "older versions too"
    );
    let none = view("/search", "q=zzzzqx");
    assert!(none.html.contains("Nothing holds “zzzzqx”"));
}

#[test]
fn a_class_named_in_the_search_box_is_listed_above_the_text_that_holds_the_words() {
    for query in ["CSS+3", "CSS3", "102C", "customer+service+specialist+3"] {
        let shown = view("/search", &format!("q={query}"));
        let classes = shown
            .html
            .find("class=\"search-classes\"")
            .unwrap_or_else(|| panic!("{query}: no class named"));
        let link = shown.html.find("href=\"/class/102C\"").expect("a link");
        assert!(classes < link, "{query}");
        if let Some(text) = shown.html.find("class=\"search-group\"") {
            assert!(link < text, "{query}: the class comes before paragraphs");
        }
    }
}

#[test]
fn a_view_opened_directly_comes_whole_with_the_chrome_around_it() {
    let decoded = class_spec_engine::document(
        "/compare",
        "?classes=102C,102D",
        "https://classes.example.org",
        false,
    );
    let alone = view("/compare", "?classes=102C,102D");
    assert_eq!(decoded.title, alone.title);
    let body = Html::parse_fragment(&decoded.html);
    for part in [".skip-link", "header", "nav", "[role=search]", "footer"] {
        assert!(select(&body, part).is_some(), "{part} missing");
    }
    // Every series' classes are one link from any view (issue 16). Mutation tried: the link
    // left out of the header's navigation fails this.
    let nav: Vec<_> = body
        .select(&Selector::parse("header nav a").expect("a selector"))
        .map(|a| {
            (
                a.value().attr("href").unwrap_or(""),
                a.text().collect::<String>(),
            )
        })
        .collect();
    assert!(
        nav.contains(&("/classes", "All classes".to_owned())),
        "{nav:?}"
    );
    let view_region = select(&body, "main > #view.view[aria-busy=false]").expect("the view region");
    assert_eq!(
        view_region.inner_html(),
        Html::parse_fragment(&alone.html)
            .root_element()
            .inner_html(),
        "the view sits in the main region as drawn alone"
    );
    // "Embed this view" names the whole address, query and all.
    assert!(
        select(
            &body,
            "footer a[href='/embed?view=%2Fcompare%3Fclasses%3D102C%2C102D']"
        )
        .is_some(),
        "{}",
        decoded.html
    );
    // Mutation tried: the search box written with `value=""` when nothing was searched; this
    // failed. (The exact attribute string it replaces missed that in any other attribute order.)
    let search_box = select(&body, "#site-search").expect("the search box");
    assert_eq!(search_box.value().attr("value"), None, "nothing searched");
}

/// The first element `css` selects in `html`.
fn select<'a>(html: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).next()
}

#[test]
fn a_search_opened_directly_shows_its_words_in_the_box_and_the_embed_page_offers_no_embed() {
    let search =
        class_spec_engine::document("/search", "q=%22walk-in%22+customers", "", false).html;
    let search = Html::parse_fragment(&search);
    assert_eq!(
        select(&search, "#site-search").and_then(|e| e.value().attr("value")),
        Some("\"walk-in\" customers"),
        "the query is in the box"
    );
    let embed = class_spec_engine::document("/embed", "?view=/path", "", false).html;
    assert!(embed.contains("<footer"));
    assert!(
        embed.contains("<p id=\"embed-this-view\" class=\"site-footer__embed\" hidden=\"\">"),
        "no embed link on the embed page (hidden, for the shell to show elsewhere)"
    );
    let kiosk = class_spec_engine::document("/planner", "", "", true).html;
    assert!(kiosk.contains("data-step"), "the kiosk's steppers");
}

#[test]
fn every_series_is_shown_level_by_level_and_reached_from_home_and_each_class() {
    let home = view("/", "");
    assert!(
        home.html
            .contains("<a href=\"/levels\">What each level asks, level by level</a>"),
        "one step from the home view"
    );
    for class in catalogue().classes.iter() {
        let shown = view(&format!("/class/{}", class.code), "");
        assert!(
            shown
                .html
                .contains(">What each level asks, level by level</a>"),
            "{} links to its series' levels",
            class.code
        );
    }
    for series in catalogue().series.iter() {
        let route = class_spec_core::levels::route_for(catalogue(), series);
        let shown = view(&route.href(), "");
        assert_eq!(shown.title, format!("{}: each level", series.title));
        assert!(shown.html.contains("data-csv=\""), "offers the spreadsheet");
    }
    assert_eq!(view("/levels/nowhere", "").title, "No such series");
    let kiosk = page("/levels", "", "", true);
    assert!(!kiosk.html.contains("data-csv"), "no download on a kiosk");
}

#[test]
fn the_spreadsheet_comes_with_a_name_that_says_what_it_holds() {
    // The name and the CSV are two values: nothing is split on a line break (a CSV holds them).
    // Mutation tried: the name's `.csv` cut off in the engine -> failed.
    let sheet = class_spec_engine::csv("/compare", "?classes=102C,102D").expect("a sheet");
    assert_eq!(sheet.name, "compare-102C-102D.csv");
    assert!(sheet
        .text
        .starts_with("\u{feff}Class,Customer Service Specialist 3,"));
    assert_eq!(
        class_spec_engine::csv("/levels", "").map(|sheet| sheet.name),
        Some("levels-css.csv".to_owned())
    );
    assert_eq!(
        class_spec_engine::csv("/compare", "?classes=102C"),
        None,
        "no sheet for a refusal"
    );
    assert_eq!(class_spec_engine::csv("/path", ""), None);
}

#[test]
fn a_comparison_offers_its_spreadsheet_except_on_a_kiosk() {
    let shown = page("/compare", "?classes=102c,102D", "", false);
    assert!(
        shown.html.contains(
            "data-csv=\"/compare?classes=102C,102D\">Download as a spreadsheet (CSV)</button>"
        ),
        "the button names the comparison as picked, codes as the data spells them"
    );
    assert!(!page("/compare", "?classes=102C,102D", "", true)
        .html
        .contains("data-csv"));
    assert!(
        !view("/compare", "?classes=102C").html.contains("data-csv"),
        "nothing to download from a refused comparison"
    );
}

/// The texts of the elements `css` selects in `html`, trimmed.
fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

// Mutation tried: the filter not applied in the engine (no row hidden: failed). The ladder
// order is tested where it differs from the catalogue's (crates/importer/tests/series.rs).
#[test]
fn the_index_lists_every_series_and_class_in_ladder_order_and_filters_by_the_address() {
    let all = view("/classes", "");
    assert_eq!(all.title, "All classes");
    let html = Html::parse_fragment(&all.html);
    let series = texts(&html, "[data-series-group] h2");
    let expected: Vec<String> = catalogue()
        .series
        .iter()
        .map(|s| format!("{} series", s.title))
        .collect();
    assert_eq!(series, expected);
    let codes = texts(&html, "tbody tr .classes__code");
    let ladders: Vec<String> = catalogue()
        .series
        .iter()
        .flat_map(|s| s.ladder.iter().map(ToString::to_string))
        .collect();
    assert_eq!(codes, ladders, "every class once, in ladder order");
    assert_eq!(codes.len(), catalogue().classes.len());
    assert!(select(&html, "tr[hidden]").is_none());
    let css4 = select(&html, "tr[data-terms^='102d ']").expect("CSS 4's row");
    let title: Vec<String> = css4
        .select(&Selector::parse("th a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(title, ["Customer Service Specialist 4"]);
    assert!(
        css4.html().contains("href=\"/class/102D/2019\""),
        "every version linked"
    );
    assert!(
        css4.html().contains(">Administrative Services<"),
        "the category"
    );
    assert_eq!(
        texts(&html, "#classes-status"),
        [format!("{} classes.", catalogue().classes.len())]
    );

    // The plain form's address narrows the list: rows left out are hidden, and so is a series
    // with none left.
    let manager = Html::parse_fragment(&view("/classes", "?q=manager+103").html);
    assert_eq!(
        texts(&manager, "tbody tr:not([hidden]) .classes__code"),
        ["103D"]
    );
    assert_eq!(
        texts(&manager, "[data-series-group]:not([hidden]) h2").len(),
        1
    );
    assert_eq!(
        select(&manager, "#classes-q")
            .unwrap()
            .value()
            .attr("value"),
        Some("manager 103")
    );
    assert!(texts(&manager, "#classes-status")[0].starts_with("1 of "));
    let none = Html::parse_fragment(&view("/classes", "?q=zzqq").html);
    assert!(texts(&none, "#classes-status")[0].starts_with("No class matches “zzqq”"));
    assert!(select(&none, "[data-series-group]:not([hidden])").is_none());

    // A kiosk has no field to type in.
    let kiosk = page("/classes", "?q=manager", "https://x.example", true);
    assert!(!kiosk.html.contains("classes-q"));
    assert!(
        !kiosk.html.contains(" hidden"),
        "nothing filtered on a kiosk"
    );
}
