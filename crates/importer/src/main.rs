//! `class-spec-import PAGE.txt [--data DIR] [--url URL] [--series ID [--series-title TITLE] [--force-series]] [--id ID] [--force] [--dry-run]`
//!
//! Reads the saved text of an official class-specification page and writes
//! `DIR/classes/<code>-<id>.toml`; a class new to its series goes on the series' ladder (a new
//! `DIR/series/<id>.toml` for a new series), and routes of other files that named it before it
//! was imported are filled in. On any problem it prints `PAGE:LINE: message`, exits non-zero
//! and writes nothing: every file it would write passes the build's checks together first.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Read as _;

use class_spec_import::belongs::check_belongs;
use class_spec_import::resolve::resolve;
use class_spec_import::{import, ladder, Context, KnownClass, Rendered, MAX_PAGE_BYTES};

const USAGE: &str = "usage: class-spec-import PAGE.txt [--data DIR] [--url URL] [--series ID [--series-title TITLE] [--force-series]] [--id ID] [--force] [--dry-run]

  PAGE.txt   the text of an official class-specification page (select all, copy, save as UTF-8 text)
  --data     the data folder (default: data)
  --url      the official page's address (needed for a class the data does not have yet)
  --series   the series id (needed for a class the data does not have yet); the class goes on
             its ladder, ordered by the level number its title ends with
  --series-title  the title of a series new to the data (creates DIR/series/ID.toml)
  --force-series  put the class on that series' ladder even though its title shares no word
             with the series' title or its classes' titles
  --id       the version id (default: the year of the newest effective date)
  --force    replace an existing file for the same version
  --dry-run  print the file instead of writing it";

struct Args {
    page: PathBuf,
    series_title: Option<String>,
    data: PathBuf,
    context: Context,
    force: bool,
    force_series: bool,
    dry_run: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut page = None;
    let mut data = PathBuf::from("data");
    let mut context = Context::default();
    let mut series_title = None;
    let (mut force, mut force_series, mut dry_run) = (false, false, false);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value("--data")?),
            "--url" => context.source_url = Some(value("--url")?),
            "--series" => context.series = Some(value("--series")?),
            "--series-title" => series_title = Some(value("--series-title")?),
            "--id" => context.version_id = Some(value("--id")?),
            "--force" => force = true,
            "--force-series" => force_series = true,
            "--dry-run" => dry_run = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if page.is_none() => page = Some(PathBuf::from(path)),
            extra => return Err(format!("one page at a time (also given: {extra})")),
        }
    }
    let page = page.ok_or("no page given")?;
    // What the person typed, checked here with the data's own rules, so that a bad value is
    // reported as theirs (not as a file the importer wrote wrong).
    if let Some(id) = &context.version_id {
        if !class_spec_data::is_identifier(id) {
            return Err(format!(
                "--id {id:?}: a version id is letters, digits and '-', like 2025"
            ));
        }
    }
    if let Some(url) = &context.source_url {
        if let Some(problem) = class_spec_data::source_url_problem(url) {
            return Err(format!("--url {url:?}: {problem}"));
        }
    }
    if let Some(title) = &series_title {
        if let Some(problem) = title_problem(title) {
            return Err(format!("--series-title {title:?}: {problem}"));
        }
    }
    Ok(Args {
        page,
        series_title,
        data,
        context,
        force,
        force_series,
        dry_run,
    })
}

/// What keeps `title` from being a series' title: printed on every page of the series and in
/// its file, it is one line of visible text.
fn title_problem(title: &str) -> Option<String> {
    if title.trim().is_empty() {
        return Some("a series title cannot be empty".into());
    }
    let (at, c) = title
        .chars()
        .enumerate()
        .find(|(_, c)| class_spec_core::echo::is_hidden(*c))?;
    let name = match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break",
        '\t' => "a tab",
        _ => "an invisible control character",
    };
    Some(format!(
        "a series title is one line of visible text, and this one holds {name} (U+{:04X}) at character {}",
        u32::from(c),
        at + 1
    ))
}

fn main() -> ExitCode {
    let mut args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&mut args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &mut Args) -> Result<(), String> {
    let shown = args.page.display().to_string();
    let mut bytes = Vec::new();
    // Read one byte past the limit at most: enough for parse_page to refuse a file too big.
    std::fs::File::open(&args.page)
        .and_then(|file| file.take(MAX_PAGE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let scan = class_spec_data::scan_dir(&args.data);
    args.context.known = scan
        .records
        .iter()
        .map(|r| KnownClass {
            code: r.code.to_string(),
            title: r.title.to_string(),
            series: r.series.to_string(),
            source_url: r.version.source_url.to_string(),
        })
        .collect();
    let new_series = check_series(args, &scan)?;
    let (_page, rendered) =
        import(&bytes, &args.context).map_err(|e| format!("{shown}:{}: {}", e.line, e.message))?;
    if let (Some(id), false) = (&args.context.series, args.force_series) {
        let named = (id.as_str(), args.series_title.as_deref());
        check_belongs(&scan, named, &rendered.code, &rendered.title)
            .map_err(|e| format!("{shown}: {e}"))?;
    }
    let target = args.data.join("classes").join(&rendered.file_name);
    if target.exists() && !args.force {
        return Err(format!(
            "{} exists already: pass --force to replace it",
            target.display()
        ));
    }
    check_no_clash(&scan, &rendered.code, &rendered, &target)?;
    let mut changes = vec![(target, rendered.toml.clone())];
    let mut to_confirm = rendered.to_confirm.clone();
    changes.extend(ladder_change(
        args,
        &scan,
        &rendered,
        new_series,
        &mut to_confirm,
    ));
    let mut after = args.context.known.clone();
    after.retain(|k| !k.code.eq_ignore_ascii_case(&rendered.code));
    after.push(KnownClass {
        code: rendered.code.clone(),
        title: rendered.title.clone(),
        series: String::new(),
        source_url: String::new(),
    });
    let others: Vec<_> = scan
        .records
        .into_iter()
        .filter(|r| changes.iter().all(|(path, _)| *path != r.spans.file))
        .collect();
    let (resolved, mut by_hand) = resolve(&others, &args.context.known, &after);
    to_confirm.append(&mut by_hand);
    changes.extend(resolved.into_iter().map(|r| (r.file, r.text)));
    // Everything the import writes passes the build's own checks together, or nothing is written.
    if let Err(errors) = class_spec_data::load_with(&args.data, &changes) {
        let listed: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        return Err(format!(
            "nothing written: the data would not pass the build's checks:\n{}",
            listed.join("\n")
        ));
    }
    if args.dry_run {
        print!("{}", rendered.toml);
        for (path, _) in &changes[1..] {
            eprintln!("would also write {}", path.display());
        }
        return Ok(());
    }
    write_all(&changes)?;
    for (path, _) in &changes {
        println!("wrote {}", path.display());
    }
    for item in &to_confirm {
        println!("  to confirm: {item}");
    }
    Ok(())
}

/// The series named with `--series`: known, or new with its title (returned). A known class
/// keeps its series.
fn check_series(args: &Args, scan: &class_spec_data::Scan) -> Result<Option<String>, String> {
    let (Some(id), title) = (&args.context.series, &args.series_title) else {
        return match &args.series_title {
            Some(_) => Err("--series-title goes with --series ID".into()),
            None => Ok(None),
        };
    };
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!(
            "`{id}` is not a series id: letters, digits and '-', like css"
        ));
    }
    match (scan.series.iter().find(|s| s.series().id == *id), title) {
        (None, None) => Err(format!(
            "series `{id}` is new: give its title with --series-title \"TITLE\" (or add {}/series/{id}.toml first)",
            args.data.display()
        )),
        (None, Some(title)) if args.data.join("series").join(format!("{id}.toml")).exists() => {
            Err(format!(
                "{}/series/{id}.toml exists but does not define series `{id}` (it has errors?): {title}",
                args.data.display()
            ))
        }
        (None, Some(title)) => Ok(Some(title.clone())),
        (Some(known), Some(title)) if known.series().title != *title => Err(format!(
            "series `{id}` is titled `{}` already; leave out --series-title to extend it",
            known.series().title
        )),
        (Some(_), _) => Ok(None),
    }
}

/// The series file with the class on its ladder, unless it is there already.
fn ladder_change(
    args: &Args,
    scan: &class_spec_data::Scan,
    rendered: &Rendered,
    new_series: Option<String>,
    to_confirm: &mut Vec<String>,
) -> Option<(PathBuf, String)> {
    let code = &rendered.code;
    let id = args.context.series.clone().or_else(|| {
        let known = args.context.known.iter().find(|k| k.code == *code)?;
        Some(known.series.clone())
    })?;
    let file = args.data.join("series").join(format!("{id}.toml"));
    if let Some(title) = new_series {
        let order = scan
            .series
            .iter()
            .map(class_spec_data::ParsedSeries::order)
            .max()
            .unwrap_or(0)
            + 1;
        return Some((file, ladder::new_series_file(&id, &title, order, code)));
    }
    let series = scan.series.iter().find(|s| s.series().id == id)?;
    if series.series().ladder.iter().any(|c| c == code) {
        return None;
    }
    let rungs: Vec<(String, String)> = series
        .series()
        .ladder
        .iter()
        .map(|c| {
            let title = scan.records.iter().find(|r| r.code == *c);
            (
                c.to_string(),
                title.map(|r| r.title.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let placement = ladder::place(&rungs, &rendered.title);
    let mut ladder: Vec<String> = rungs.into_iter().map(|(c, _)| c).collect();
    ladder.insert(placement.index, code.clone());
    let mut text = ladder::with_ladder(series.text(), series.ladder_span(), &ladder);
    if let Some(why) = placement.proposed {
        text = ladder::with_proposal(&text, code, &why);
        to_confirm.push(format!(
            "the place of {code} on the ladder of `{id}`: {why}"
        ));
    }
    Some((series.path().to_path_buf(), text))
}

/// Another file holding the same version under another name would make two versions clash.
fn check_no_clash(
    scan: &class_spec_data::Scan,
    code: &str,
    rendered: &Rendered,
    target: &Path,
) -> Result<(), String> {
    let id = rendered
        .file_name
        .trim_start_matches(&format!("{code}-"))
        .trim_end_matches(".toml");
    let clash = scan.records.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code)
            && r.version.id.eq_ignore_ascii_case(id)
            && r.spans.file != target
    });
    if let Some(other) = clash {
        return Err(format!(
            "class {code} already has a version `{id}` in {}: pass --id to name this one",
            other.spans.file.display()
        ));
    }
    Ok(())
}

/// Writes every file beside its target first, then moves each into place: a failure while
/// writing leaves the data as it was.
fn write_all(changes: &[(PathBuf, String)]) -> Result<(), String> {
    let partial = |target: &Path| target.with_extension("toml.partial");
    for (target, text) in changes {
        if let Err(e) = std::fs::write(partial(target), text) {
            for (written, _) in changes {
                let _ = std::fs::remove_file(partial(written));
            }
            return Err(format!("cannot write {}: {e}", partial(target).display()));
        }
    }
    for (target, _) in changes {
        std::fs::rename(partial(target), target)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(())
}
