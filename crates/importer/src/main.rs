//! `class-spec-import PAGE.txt... [--data DIR] [--url URL] [--series ID [--series-title TITLE] [--force-series]] [--id ID] [--force] [--dry-run]`
//! `class-spec-import --listing LISTING.toml [--data DIR] [--force] [--dry-run] [--all-or-nothing]`
//!
//! Reads the saved text of an official class-specification page and writes
//! `DIR/classes/<code>-<id>.toml`; a class new to its series goes on the series' ladder (a new
//! `DIR/series/<id>.toml` for a new series), and routes of other files that named it before it
//! was imported are filled in. On any problem it prints `PAGE:LINE: message`, exits non-zero
//! and writes nothing: every file it would write passes the build's checks with the folder
//! first. Those checks read what the page touches (its class's files, every series, an index of
//! every class: `class_spec_data::Folder`), not every file again, so one page imports in well
//! under 100 ms into a folder of thousands of classes.
//!
//! Many pages (several PAGE.txt, or a `--listing`) are imported in one run, in order, each
//! checked against the folder as the ones before it leave it: a refused page is reported
//! (`refused PAGE: why`) and writes nothing; the others are written together once the whole
//! folder with every change passes the build's full check (or, with `--all-or-nothing`, nothing
//! is written if any page is refused).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::Read as _;

use class_spec_data::Folder;
use class_spec_import::belongs::check_belongs;
use class_spec_import::listing::{read_listing, Job};
use class_spec_import::resolve::resolve;
use class_spec_import::{import, ladder, Context, KnownClass, Rendered, MAX_PAGE_BYTES};

const USAGE: &str = "usage: class-spec-import PAGE.txt... [--data DIR] [--url URL] [--series ID [--series-title TITLE] [--force-series]] [--id ID] [--force] [--dry-run]
       class-spec-import --listing LISTING.toml [--data DIR] [--force] [--dry-run] [--all-or-nothing]

  PAGE.txt   the text of an official class-specification page (select all, copy, save as UTF-8 text);
             several pages are imported in one run, in the order given, with the same options
  --data     the data folder (default: data)
  --url      the official page's address (needed for a class the data does not have yet)
  --series   the series id (needed for a class the data does not have yet); the class goes on
             its ladder, ordered by the level number its title ends with
  --series-title  the title of a series new to the data (creates DIR/series/ID.toml)
  --force-series  put the class on that series' ladder even though its title shares no word
             with the series' title or its classes' titles
  --id       the version id (default: the year of the newest effective date)
  --listing  a TOML file of [[page]] entries, each with its file, url, series, series_title,
             id and force_series (what the options say for one page): an agency's whole listing
  --force    replace an existing file for the same version
  --dry-run  print the file (or, for many pages, what would be written) instead of writing it
  --all-or-nothing  with many pages: write nothing if any page is refused (by default every
             page that passes is written and each refused one is reported)";

struct Args {
    jobs: Vec<Job>,
    data: PathBuf,
    force: bool,
    dry_run: bool,
    all_or_nothing: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut pages = Vec::new();
    let mut data = PathBuf::from("data");
    let mut shared = Job::default();
    let mut listing = None;
    let (mut force, mut dry_run, mut all_or_nothing) = (false, false, false);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value("--data")?),
            "--url" => shared.url = Some(value("--url")?),
            "--series" => shared.series = Some(value("--series")?),
            "--series-title" => shared.series_title = Some(value("--series-title")?),
            "--id" => shared.version_id = Some(value("--id")?),
            "--listing" => listing = Some(PathBuf::from(value("--listing")?)),
            "--force" => force = true,
            "--force-series" => shared.force_series = true,
            "--dry-run" => dry_run = true,
            "--all-or-nothing" => all_or_nothing = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path => pages.push(PathBuf::from(path)),
        }
    }
    let jobs = match listing {
        Some(listing) => {
            if !pages.is_empty() || shared != Job::default() {
                return Err("--listing names every page and its options: give no page or --url, --series, --series-title, --id, --force-series beside it".into());
            }
            read_listing(&listing)?
        }
        None if pages.is_empty() => return Err("no page given".into()),
        None => pages
            .into_iter()
            .map(|page| Job {
                page,
                ..shared.clone()
            })
            .collect(),
    };
    if jobs.len() == 1 {
        // What the person typed, checked before anything is read, as theirs.
        check_options(&jobs[0])?;
    }
    Ok(Args {
        jobs,
        data,
        force,
        dry_run,
        all_or_nothing,
    })
}

/// What the person typed (or the listing says) for a page, checked here with the data's own
/// rules, so that a bad value is reported as theirs (not as a file the importer wrote wrong).
fn check_options(job: &Job) -> Result<(), String> {
    if let Some(id) = &job.version_id {
        if !class_spec_data::is_identifier(id) {
            return Err(format!(
                "--id {id:?}: a version id is letters, digits and '-', like 2025"
            ));
        }
    }
    if let Some(url) = &job.url {
        if let Some(problem) = class_spec_data::source_url_problem(url) {
            return Err(format!("--url {url:?}: {problem}"));
        }
    }
    if let Some(title) = &job.series_title {
        if let Some(problem) = title_problem(title) {
            return Err(format!("--series-title {title:?}: {problem}"));
        }
    }
    Ok(())
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
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jobs.len() == 1 {
        run_one(&args)
    } else {
        run_many(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// One page: checked with what it touches (its class, its series, the rules that span files;
/// `Folder::check`), then written, or nothing written.
fn run_one(args: &Args) -> Result<(), String> {
    let mut folder = Folder::read(&args.data);
    let job = &args.jobs[0];
    let imported = import_page(args, job, &mut folder)?;
    if args.dry_run {
        print!("{}", imported.changes[0].1);
        for (path, _) in &imported.changes[1..] {
            eprintln!("would also write {}", path.display());
        }
        return Ok(());
    }
    write_all(&imported.changes)?;
    for (path, _) in &imported.changes {
        println!("wrote {}", path.display());
    }
    for item in &imported.to_confirm {
        println!("  to confirm: {item}");
    }
    Ok(())
}

/// Many pages, in order, each checked against the folder as the pages before it left it: a
/// refused page is reported with its reason and writes nothing, the others are written together
/// at the end, after one check of the whole folder with every change (the build's own,
/// `load_with`), or, with `--all-or-nothing`, nothing is written if any page is refused.
fn run_many(args: &Args) -> Result<(), String> {
    let mut folder = Folder::read(&args.data);
    let mut changes: Vec<(PathBuf, String)> = Vec::new();
    let mut refused = 0;
    let mut to_confirm = Vec::new();
    for job in &args.jobs {
        match check_options(job).and_then(|()| import_page(args, job, &mut folder)) {
            Ok(imported) => {
                for (path, text) in imported.changes {
                    match changes.iter_mut().find(|(p, _)| *p == path) {
                        Some(change) => change.1 = text,
                        None => changes.push((path, text)),
                    }
                }
                to_confirm.extend(
                    imported
                        .to_confirm
                        .into_iter()
                        .map(|c| format!("{}: {c}", job.page.display())),
                );
            }
            Err(message) => {
                refused += 1;
                eprintln!("refused {}: {message}", job.page.display());
            }
        }
    }
    let total = args.jobs.len();
    if refused > 0 && args.all_or_nothing {
        return Err(format!(
            "nothing written: {refused} of {total} pages refused (listed above), and --all-or-nothing was given"
        ));
    }
    if let Err(errors) = class_spec_data::load_with(&args.data, &changes) {
        let listed: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        return Err(format!(
            "nothing written: the data would not pass the build's checks:\n{}",
            listed.join("\n")
        ));
    }
    if args.dry_run {
        for (path, _) in &changes {
            println!("would write {}", path.display());
        }
    } else {
        write_all(&changes)?;
        for (path, _) in &changes {
            println!("wrote {}", path.display());
        }
    }
    for item in &to_confirm {
        println!("  to confirm: {item}");
    }
    let imported = total - refused;
    println!("imported {imported} of {total} pages; {refused} refused");
    if refused > 0 {
        return Err(format!(
            "{refused} of {total} pages refused (listed above); the other {imported} {}",
            if args.dry_run {
                "would be written"
            } else {
                "were written"
            }
        ));
    }
    Ok(())
}

/// What importing a page changes: every file it writes (its own first), and what a person must
/// look at.
struct Imported {
    changes: Vec<(PathBuf, String)>,
    to_confirm: Vec<String>,
}

/// Reads and renders one page and checks what it changes against `folder` (which then holds
/// the change); nothing is written here.
fn import_page(args: &Args, job: &Job, folder: &mut Folder) -> Result<Imported, String> {
    let shown = job.page.display().to_string();
    let mut bytes = Vec::new();
    // Read one byte past the limit at most: enough for parse_page to refuse a file too big.
    std::fs::File::open(&job.page)
        .and_then(|file| file.take(MAX_PAGE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let context = Context {
        known: folder
            .classes
            .iter()
            .map(|f| KnownClass {
                code: f.code.clone(),
                title: f.title.clone(),
                series: f.series.clone(),
                source_url: f.source_url.clone(),
            })
            .collect(),
        source_url: job.url.clone(),
        series: job.series.clone(),
        version_id: job.version_id.clone(),
    };
    let new_series = check_series(&args.data, job, folder)?;
    let (_page, rendered) =
        import(&bytes, &context).map_err(|e| format!("{shown}:{}: {}", e.line, e.message))?;
    if let (Some(id), false) = (&job.series, job.force_series) {
        let named = (id.as_str(), job.series_title.as_deref());
        check_belongs(folder, named, &rendered.code, &rendered.title)
            .map_err(|e| format!("{shown}: {e}"))?;
    }
    let target = args.data.join("classes").join(&rendered.file_name);
    let exists = target.exists() || folder.classes.iter().any(|f| f.path == target);
    if exists && !args.force {
        return Err(format!(
            "{} exists already: pass --force to replace it",
            target.display()
        ));
    }
    check_no_clash(folder, &rendered.code, &rendered, &target)?;
    let mut changes = vec![(target, rendered.toml.clone())];
    let mut to_confirm = rendered.to_confirm.clone();
    changes.extend(ladder_change(
        job,
        &context,
        folder,
        &rendered,
        new_series,
        &mut to_confirm,
    ));
    let mut after = context.known.clone();
    after.retain(|k| !k.code.eq_ignore_ascii_case(&rendered.code));
    after.push(KnownClass {
        code: rendered.code.clone(),
        title: rendered.title.clone(),
        series: String::new(),
        source_url: String::new(),
    });
    // Only files whose routes may name the class just imported can change.
    let others: Vec<_> = folder
        .records_naming(&rendered.title)
        .into_iter()
        .filter(|r| changes.iter().all(|(path, _)| *path != r.spans.file))
        .collect();
    let (resolved, mut by_hand) = resolve(&others, &context.known, &after);
    to_confirm.append(&mut by_hand);
    changes.extend(resolved.into_iter().map(|r| (r.file, r.text)));
    // Everything the import writes passes the build's checks with the folder, or nothing is.
    let refused = |errors: Vec<class_spec_data::DataError>| {
        let listed: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        format!(
            "nothing written: the data would not pass the build's checks:\n{}",
            listed.join("\n")
        )
    };
    folder.check(&changes).map_err(refused)?;
    folder.apply(&changes).map_err(refused)?;
    Ok(Imported {
        changes,
        to_confirm,
    })
}

/// The series named with `--series`: known, or new with its title (returned). A known class
/// keeps its series.
fn check_series(data: &Path, job: &Job, folder: &Folder) -> Result<Option<String>, String> {
    let (Some(id), title) = (&job.series, &job.series_title) else {
        return match &job.series_title {
            Some(_) => Err("--series-title goes with --series ID".into()),
            None => Ok(None),
        };
    };
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!(
            "`{id}` is not a series id: letters, digits and '-', like css"
        ));
    }
    match (folder.series(id), title) {
        (None, None) => Err(format!(
            "series `{id}` is new: give its title with --series-title \"TITLE\" (or add {}/series/{id}.toml first)",
            data.display()
        )),
        (None, Some(title)) if data.join("series").join(format!("{id}.toml")).exists() => {
            Err(format!(
                "{}/series/{id}.toml exists but does not define series `{id}` (it has errors?): {title}",
                data.display()
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
    job: &Job,
    context: &Context,
    folder: &Folder,
    rendered: &Rendered,
    new_series: Option<String>,
    to_confirm: &mut Vec<String>,
) -> Option<(PathBuf, String)> {
    let code = &rendered.code;
    let id = job.series.clone().or_else(|| {
        let known = context.known.iter().find(|k| k.code == *code)?;
        Some(known.series.clone())
    })?;
    let file = folder.root().join("series").join(format!("{id}.toml"));
    if let Some(title) = new_series {
        let order = folder
            .series
            .iter()
            .map(class_spec_data::ParsedSeries::order)
            .max()
            .unwrap_or(0)
            + 1;
        return Some((file, ladder::new_series_file(&id, &title, order, code)));
    }
    let series = folder.series(&id)?;
    if series.series().ladder.iter().any(|c| c == code) {
        return None;
    }
    let rungs: Vec<(String, String)> = series
        .series()
        .ladder
        .iter()
        .map(|c| {
            (
                c.to_string(),
                folder.title_of(c).unwrap_or_default().to_owned(),
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
    folder: &Folder,
    code: &str,
    rendered: &Rendered,
    target: &Path,
) -> Result<(), String> {
    let id = rendered
        .file_name
        .trim_start_matches(&format!("{code}-"))
        .trim_end_matches(".toml");
    let clash = folder.classes.iter().find(|f| {
        f.code.eq_ignore_ascii_case(code)
            && f.version_id.eq_ignore_ascii_case(id)
            && f.path != target
    });
    if let Some(other) = clash {
        return Err(format!(
            "class {code} already has a version `{id}` in {}: pass --id to name this one",
            other.path.display()
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
