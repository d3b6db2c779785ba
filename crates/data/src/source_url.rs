//! An official page's address, as the data holds it and the importer takes it: a well-formed
//! absolute `https://` URL (RFC 3986) on a named host, and nothing else. Every address in the
//! data is one (`https://ofm.wa.gov/…`), and each is written into a link, so a space, a quote
//! or markup in one is a mistake to report, never something to pass on.

/// The longest address taken; an official page's is under a hundred characters.
const MAX_CHARS: usize = 2_000;

/// What is wrong with `text` as an official page's address, in words that point at it; `None`
/// when it is a well-formed absolute `https://` URL.
pub fn source_url_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("the address is empty".into());
    }
    if let Some((at, c)) = text.chars().enumerate().find(|(_, c)| !allowed(*c)) {
        return Some(format!(
            "{} at character {} cannot be in an address{}",
            describe(c),
            at + 1,
            if c == ' ' { " (write it as %20)" } else { "" }
        ));
    }
    if text.chars().count() > MAX_CHARS {
        return Some(format!("the address is over {MAX_CHARS} characters long"));
    }
    let Some(rest) = text.strip_prefix("https://") else {
        return Some("the official page's address must start with https://".into());
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, after) = rest.split_at(end);
    if let Some(problem) = host_problem(authority) {
        return Some(problem);
    }
    if let Some(at) = bad_escape(after) {
        return Some(format!(
            "the `%` at character {} is not followed by two hexadecimal digits",
            text.len() - after.len() + at + 1
        ));
    }
    let fragment = after.find('#').map_or("", |at| &after[at + 1..]);
    if fragment.contains('#') {
        return Some("the address holds a second `#`".into());
    }
    None
}

/// The characters RFC 3986 lets an address hold as typed (letters, digits, `-._~`, the
/// delimiters, `%` for escapes), less the apostrophe: a browser writes it `%27` in a query, so
/// a raw one came from somewhere other than the address bar.
fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&()*+,;=%".contains(c)
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '"' | '\'' | '<' | '>' | '`' | '\\' | '{' | '}' | '|' | '^' => format!("`{c}`"),
        c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
        c => format!("`{c}` (U+{:04X})", u32::from(c)),
    }
}

/// The host (and port) between `https://` and the path: a domain name such as `ofm.wa.gov`.
fn host_problem(authority: &str) -> Option<String> {
    if authority.contains('@') {
        return Some("the address holds a user name (`@` before the host)".into());
    }
    let (host, port) = authority.split_once(':').unwrap_or((authority, ""));
    if host.is_empty() {
        return Some("the address has no host after https://".into());
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !host.contains('.') || !host.split('.').all(label_ok) {
        return Some(format!("`{host}` is not a host name like ofm.wa.gov"));
    }
    if authority.contains(':')
        && (port.is_empty() || port.len() > 5 || !port.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(format!("`{port}` is not a port number"));
    }
    None
}

/// The byte offset of a `%` that does not start an escape (`%` and two hexadecimal digits).
fn bad_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().find_map(|(at, b)| {
        let escape = bytes.get(at + 1..at + 3);
        (*b == b'%' && !escape.is_some_and(|e| e.iter().all(u8::is_ascii_hexdigit))).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_s_own_addresses_are_taken() {
        for url in [
            "https://ofm.wa.gov/state-human-resources/compensation-job-classes/ClassifiedJobListing/Specifications/1663",
            "https://example.org/class-specs/999X",
            "https://example.org:8443/a/b?c=d&e=%20f#g",
            "https://example.org",
        ] {
            assert_eq!(source_url_problem(url), None, "{url}");
        }
    }

    // Before: every one of these started with https:// and was taken.
    #[test]
    fn each_mistake_is_named_where_it_is() {
        for (url, said) in [
            ("", "the address is empty"),
            ("http://ofm.wa.gov/x", "must start with https://"),
            ("HTTPS://ofm.wa.gov/x", "must start with https://"),
            (
                "https://ofm.wa.gov/a b",
                "a space at character 21 cannot be in an address (write it as %20)",
            ),
            ("https://ofm.wa.gov/\"x", "`\"` at character 20"),
            ("https://ofm.wa.gov/'x", "`'` at character 20"),
            ("https://ofm.wa.gov/<b>", "`<` at character 20"),
            (
                "https://ofm.wa.gov/\nx",
                "the control character U+000A at character 20",
            ),
            ("https://ofm.wa.gov/é", "`é` (U+00E9) at character 20"),
            ("https://", "no host after https://"),
            ("https:///x", "no host after https://"),
            ("https://localhost/x", "`localhost` is not a host name"),
            ("https://ofm..gov/x", "`ofm..gov` is not a host name"),
            ("https://-ofm.gov/x", "`-ofm.gov` is not a host name"),
            ("https://user@ofm.wa.gov/", "a user name"),
            ("https://ofm.wa.gov:/x", "`` is not a port number"),
            ("https://ofm.wa.gov:80a/x", "`80a` is not a port number"),
            ("https://ofm.wa.gov/a%2", "the `%` at character 21"),
            ("https://ofm.wa.gov/a%zz", "the `%` at character 21"),
            ("https://ofm.wa.gov/#a#b", "a second `#`"),
        ] {
            let problem = source_url_problem(url);
            assert!(
                problem.as_deref().is_some_and(|p| p.contains(said)),
                "{url:?}: {problem:?}, expected {said:?}"
            );
        }
        let long = format!("https://ofm.wa.gov/{}", "a".repeat(MAX_CHARS));
        assert!(source_url_problem(&long).is_some_and(|p| p.contains("over 2000")));
    }
}
