//! `class-spec-import PAGE.txt [--data DIR] [--url URL] [--series ID] [--id ID] [--force] [--dry-run]`
//!
//! Reads the saved text of an official class-specification page and writes
//! `DIR/classes/<code>-<id>.toml`. On any problem it prints `PAGE:LINE: message`, exits
//! non-zero and writes nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use class_spec_import::{import, Context, KnownClass, Rendered};

const USAGE: &str = "usage: class-spec-import PAGE.txt [--data DIR] [--url URL] [--series ID] [--id ID] [--force] [--dry-run]

  PAGE.txt   the text of an official class-specification page (select all, copy, save as UTF-8 text)
  --data     the data folder (default: data)
  --url      the official page's address (needed for a class the data does not have yet)
  --series   the series id (needed for a class the data does not have yet)
  --id       the version id (default: the year of the newest effective date)
  --force    replace an existing file for the same version
  --dry-run  print the file instead of writing it";

struct Args {
    page: PathBuf,
    data: PathBuf,
    context: Context,
    force: bool,
    dry_run: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut page = None;
    let mut data = PathBuf::from("data");
    let mut context = Context::default();
    let (mut force, mut dry_run) = (false, false);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value("--data")?),
            "--url" => context.source_url = Some(value("--url")?),
            "--series" => context.series = Some(value("--series")?),
            "--id" => context.version_id = Some(value("--id")?),
            "--force" => force = true,
            "--dry-run" => dry_run = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if page.is_none() => page = Some(PathBuf::from(path)),
            extra => return Err(format!("one page at a time (also given: {extra})")),
        }
    }
    let page = page.ok_or("no page given")?;
    Ok(Args {
        page,
        data,
        context,
        force,
        dry_run,
    })
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
    let bytes = std::fs::read(&args.page).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let scan = class_spec_data::scan_dir(&args.data);
    for error in &scan.errors {
        eprintln!("warning: {error}");
    }
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
    if let Some(series) = &args.context.series {
        if !scan.series_ids.contains(series) {
            return Err(format!(
                "unknown series `{series}`: add {}/series/{series}.toml first",
                args.data.display()
            ));
        }
    }
    let (_page, rendered) =
        import(&bytes, &args.context).map_err(|e| format!("{shown}:{}: {}", e.line, e.message))?;
    if args.dry_run {
        print!("{}", rendered.toml);
        return Ok(());
    }
    let target = args.data.join("classes").join(&rendered.file_name);
    if target.exists() && !args.force {
        return Err(format!(
            "{} exists already: pass --force to replace it",
            target.display()
        ));
    }
    check_no_clash(&scan, &rendered.code, &rendered, &target)?;
    write_atomically(&target, &rendered.toml)?;
    println!("wrote {}", target.display());
    for item in &rendered.to_confirm {
        println!("  to confirm: {item}");
    }
    Ok(())
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

fn write_atomically(target: &Path, text: &str) -> Result<(), String> {
    let temporary = target.with_extension("toml.partial");
    std::fs::write(&temporary, text)
        .map_err(|e| format!("cannot write {}: {e}", temporary.display()))?;
    std::fs::rename(&temporary, target).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("cannot write {}: {e}", target.display())
    })
}
