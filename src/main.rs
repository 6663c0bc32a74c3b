//! The `cloudaudit-lint` command-line program: read requests, validate them, report.
//!
//! Exit status: 0 when no input has an error (warnings allowed), 1 when some input has an
//! error (unparseable JSON included), 2 for a usage error, an input that cannot be read, fixes
//! that cannot be written, or output that cannot be written.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use cloudaudit_lint::facts::TrackAction;
use cloudaudit_lint::fix::Change;
use cloudaudit_lint::report::human::{shown, shown_file};
use cloudaudit_lint::report::sarif::SourceRoot;
use cloudaudit_lint::report::{
    FileOutcome, Outcome, github, gitlab, human, json, junit, rules, sarif,
};
use cloudaudit_lint::source::locate;
use cloudaudit_lint::{Config, Locale, Report, RuleId, Validator, rule_doc};

/// Validate Tencent Cloud CloudAudit CreateAuditTrack requests before they are sent.
#[derive(Debug, Parser)]
#[command(name = "cloudaudit-lint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate request files (JSON), Terraform plans and `.tf` files; `-` reads standard input.
    Check(CheckArgs),
    /// List every rule (id, default severity, description), or print one rule's page.
    Rules(RulesArgs),
    /// Print a JSON Schema (draft 2020-12) of the request, generated from the rules' facts.
    Schema(ProfileArgs),
    /// Print a shell completion script (bash, elvish, fish, powershell or zsh).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff; `cloudaudit-lint man | man -l -`).
    Man,
    /// Run the language server on standard input and output (diagnostics, quick fixes and
    /// rule pages in an editor).
    Lsp,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// The region the request is sent to; wins over a "Region" key in the document.
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// The tracking-set API the requests are for; by default a document's "Action" key
    /// chooses, and CreateAuditTrack is assumed without one.
    #[arg(long, value_name = "ACTION", value_parser = parse_action)]
    action: Option<TrackAction>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of messages: en or zh-CN.
    #[arg(long, default_value = "en", value_parser = parse_locale)]
    locale: Locale,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Configuration file; by default `cloudaudit-lint.toml` is looked for in each input's
    /// folder and its parents.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    no_config: bool,
    /// Apply the safe fixes in place (only the fixed values change), then report what is left.
    #[arg(long)]
    fix: bool,
    /// The most diagnostics reported per input; the rest are counted.
    #[arg(long, value_name = "N", default_value_t = cloudaudit_lint::validate::DEFAULT_MAX_DIAGNOSTICS)]
    max_diagnostics: usize,
    /// The largest input (and configuration file) read, in bytes; a larger one is an error of
    /// its own, and the other inputs are still checked.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    max_input_bytes: u64,
    /// Write the report to FILE (atomically: a temporary file renamed over it) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// The least severity that makes the exit status 1; `never` for 0 whatever is found.
    /// Unreadable inputs and failed writes still exit with 2.
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// The name standard input's results are reported under; the configuration file and its
    /// suppressions are found for it as for a file of that name.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// The folder SARIF file URIs are relative to (`%SRCROOT%`); by default the repository
    /// root, the nearest folder holding `.git` from the working directory up.
    #[arg(long, value_name = "DIR")]
    sarif_root: Option<PathBuf>,
    /// Request files, Terraform plans and `.tf` files, or folders (searched recursively for
    /// `*.json` and `*.tf`, honouring `.gitignore` and the configuration's `[files]` globs); `-`
    /// for standard input (read once, however often it is named).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// What makes `check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// An error that counts (not suppressed).
    Error,
    /// An error or a warning that counts.
    Warning,
    /// Nothing found in the inputs.
    Never,
}

impl FailOn {
    /// Whether `report` fails the run. An omitted diagnostic that is not an error counts as a
    /// warning: the report does not say whether it was suppressed.
    fn fails(self, report: &Report) -> bool {
        match self {
            Self::Error => report.has_errors(),
            Self::Warning => {
                report.has_errors() || report.warning_count() > 0 || report.omitted > 0
            }
            Self::Never => false,
        }
    }
}

#[derive(Debug, Args)]
struct RulesArgs {
    /// A rule id: print its documentation page (what it checks, why, an example).
    #[arg(value_name = "RULE", value_parser = parse_rule)]
    rule: Option<RuleId>,
    /// Output format (human or json).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Language of descriptions: en or zh-CN.
    #[arg(long, default_value = "en", value_parser = parse_locale)]
    locale: Locale,
    #[command(flatten)]
    profile: ProfileArgs,
}

/// Where the API facts that descriptions state come from: the configuration's `[api]`.
#[derive(Debug, Args)]
struct ProfileArgs {
    /// Configuration file whose `[api]` facts are stated; by default `cloudaudit-lint.toml` is
    /// looked for in the working directory and its parents.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no configuration file: state the API's own facts.
    #[arg(long)]
    no_config: bool,
}

impl ProfileArgs {
    /// The profile in force: the `[api]` of the configuration named or found, else the
    /// default.
    fn profile(&self) -> Result<cloudaudit_lint::Profile, String> {
        if self.no_config {
            return Ok(cloudaudit_lint::Profile::default());
        }
        let path = match &self.config {
            Some(path) => Some(path.clone()),
            // As for standard input: the working directory and its parents.
            None => Config::discover(Path::new("stdin")),
        };
        match path {
            Some(path) => Ok(load_config(&path, DEFAULT_MAX_INPUT_BYTES)?.api),
            None => Ok(cloudaudit_lint::Profile::default()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML, one test suite per input.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_action(name: &str) -> Result<TrackAction, String> {
    TrackAction::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = TrackAction::ALL.iter().map(|a| a.name()).collect();
        format!("not a tracking-set API; use one of {}", names.join(", "))
    })
}

fn parse_rule(id: &str) -> Result<RuleId, String> {
    id.parse()
        .map_err(|e: cloudaudit_lint::rule_table::UnknownRuleId| {
            let ids = RuleId::ALL.iter().map(|r| r.as_str());
            match cloudaudit_lint::suggest::closest(id, ids) {
                Some(close) => format!("{e}; did you mean `{close}`?"),
                None => format!("{e}; `cloudaudit-lint rules` lists them"),
            }
        })
}

fn parse_locale(tag: &str) -> Result<Locale, String> {
    tag.parse()
        .map_err(|e: cloudaudit_lint::i18n::UnknownLocale| e.to_string())
}

/// Exit status for usage errors, unreadable inputs and failed writes (clap uses it for usage
/// errors too).
const EXIT_USAGE: u8 = 2;

/// The largest input read unless `--max-input-bytes` says otherwise: 64 MiB, far above any
/// request, and a bound on what `/dev/zero` or an endless pipe can make the program hold.
const DEFAULT_MAX_INPUT_BYTES: u64 = 64 * MIB;

const MIB: u64 = 1024 * 1024;

fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return refused_or_answered(&error),
    };
    let (output, status) = match cli.command {
        Command::Lsp => return ExitCode::from(cloudaudit_lint::lsp::run()),
        Command::Check(args) => match check(&args) {
            Ok((output, status)) => match &args.output {
                Some(path) => return write_output_file(path, &output, status),
                None => (output, status),
            },
            Err(message) => {
                to_stderr(&message);
                return ExitCode::from(EXIT_USAGE);
            }
        },
        Command::Rules(args) => {
            let profile = match args.profile.profile() {
                Ok(profile) => profile,
                Err(message) => {
                    to_stderr(&message);
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            match args.rule {
                Some(rule) => match rule_page(rule, args.format, &profile) {
                    Ok(page) => (page, 0),
                    Err(error) => {
                        eprintln!("error: {error}");
                        return ExitCode::from(1);
                    }
                },
                None => (rules(&args, &profile), 0),
            }
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "cloudaudit-lint", &mut script);
            (String::from_utf8_lossy(&script).into_owned(), 0)
        }
        Command::Man => {
            let mut page = Vec::new();
            // Rendering into memory cannot fail.
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut page);
            (String::from_utf8_lossy(&page).into_owned(), 0)
        }
        Command::Schema(args) => {
            let profile = match args.profile() {
                Ok(profile) => profile,
                Err(message) => {
                    to_stderr(&message);
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            let schema = cloudaudit_lint::schema::json_schema(&profile);
            (
                serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n",
                0,
            )
        }
    };
    deliver(&mut io::stdout().lock(), &output, status)
}

/// What the arguments' parser answers instead of a command: `--help` and `--version` on
/// standard output, delivered as any output is (a failed write is exit status 2, not 0); a
/// usage error as clap reports it (standard error, exit status 2).
fn refused_or_answered(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Styled on a terminal, plain elsewhere, as clap itself prints it.
            let text = error.render().ansi().to_string();
            deliver(&mut anstream::stdout().lock(), &text, 0)
        }
        _ => error.exit(),
    }
}

/// Writes `output` to standard output and exits with `status`, or with 2 when the output could
/// not all be delivered.
fn deliver(stdout: &mut impl Write, output: &str, status: u8) -> ExitCode {
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(status),
        // A closed pipe (`| head`): the reader wanted no more, which needs no message, but the
        // output was not all delivered, so it is not a success either.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_USAGE),
        Err(e) => {
            to_stderr(&format!("error: cannot write the output: {e}\n"));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Writes the report to `path` (`--output`): atomically for a regular file or a new one,
/// straight into anything else that can be written (a FIFO, `/dev/stdout`). On failure the
/// file is as it was, and the exit status is 2.
fn write_output_file(path: &Path, output: &str, status: u8) -> ExitCode {
    let written = match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => Err("it is a folder".to_owned()),
        Ok(metadata) if !metadata.is_file() => std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut file| file.write_all(output.as_bytes()))
            .map_err(|e| e.to_string()),
        _ => write_atomically(path, output.as_bytes()).map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::from(status),
        Err(reason) => {
            let name = shown_file(&path.to_string_lossy());
            to_stderr(&format!(
                "error: cannot write the output to {name}: {}\n",
                shown(&reason)
            ));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Writes to standard error; a failure there has nowhere left to be reported.
fn to_stderr(message: &str) {
    let _ = io::stderr().lock().write_all(message.as_bytes());
}

/// A file-size limit (`ulimit -f`) sends SIGXFSZ, whose default action ends the process in
/// the middle of a write. Ignored, the write fails with EFBIG instead: `--fix` then reports it
/// and leaves the file as it was, and the other inputs are still reported.
#[cfg(unix)]
fn ignore_file_size_signal() {
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler code, and runs
    // before the program starts any thread.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

#[cfg(not(unix))]
fn ignore_file_size_signal() {}

/// An input as read: its path as given, its name as shown, and its bytes or why they could not
/// be read.
struct Input {
    path: PathBuf,
    name: String,
    bytes: Result<Vec<u8>, String>,
}

/// Whether `path` names standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("it is a folder; name the files in it instead")]
    Folder,
    #[error("it is larger than {}, the limit (--max-input-bytes)", shown_size(*.limit))]
    TooLarge { limit: u64 },
}

/// `64 MiB` for a whole number of MiB, else the bytes.
fn shown_size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

fn read_input(path: &Path, limit: u64) -> Input {
    let bytes = if is_stdin(path) {
        read_bounded(io::stdin().lock(), limit, 0)
    } else {
        read_file(path, limit)
    };
    Input {
        path: path.to_owned(),
        name: path.to_string_lossy().into_owned(),
        bytes: bytes.map_err(|e| e.to_string()),
    }
}

/// A file's bytes, at most `limit` of them. A regular file that says it is larger is refused
/// unread; anything else (a FIFO, a device) is read as a stream up to the limit.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(ReadError::Folder);
    }
    let expected = if metadata.is_file() {
        metadata.len()
    } else {
        0
    };
    if expected > limit {
        return Err(ReadError::TooLarge { limit });
    }
    read_bounded(file, limit, expected)
}

/// Reads `reader` to its end, or fails once it has given more than `limit` bytes: one byte past
/// the limit is read, never more.
fn read_bounded(reader: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).map_or(true, |read| read > limit) {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Why fixed text could not be written back.
#[derive(Debug, thiserror::Error)]
enum WriteError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("it is not a regular file")]
    NotRegular,
    #[error("it is read-only")]
    ReadOnly,
}

/// Replaces the file `path` names (through symbolic links, the file they point to) with
/// `text`, atomically: a temporary file in the same folder is written, takes the original's
/// permissions, is flushed to disk and renamed over the original. On any failure the original
/// is left as it was and the temporary file is removed. A file with no write permission for
/// anyone is refused, and a FIFO or a device. A file that does not exist yet (no
/// name at all, not even a dangling link) is made the same way, with the permissions a new
/// file gets (0666 less the umask).
fn write_atomically(path: &Path, text: &[u8]) -> Result<(), WriteError> {
    let existing = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(e)
            if e.kind() == io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() =>
        {
            None
        }
        Err(e) => return Err(e.into()),
    };
    // A FIFO or a device is not replaced by a file.
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(WriteError::NotRegular);
    }
    // A file its owner made read-only is left alone, though the folder would let the rename
    // replace it.
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(WriteError::ReadOnly);
    }
    let target = match existing {
        Some(_) => std::fs::canonicalize(path)?,
        None => path.to_owned(),
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".cloudaudit-lint-").suffix(".tmp");
    if existing.is_none() {
        new_file_mode(&mut builder);
    }
    let mut temp = builder.tempfile_in(folder)?;
    temp.write_all(text)?;
    if let Some(metadata) = &existing {
        temp.as_file().set_permissions(metadata.permissions())?;
        keep_owner(temp.as_file(), metadata);
    }
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Gives `file` the owner and group of the original, where the user may (root may; others
/// may only keep their own): otherwise the fixed file belongs to whoever ran `--fix`, as after
/// an editor's save.
#[cfg(unix)]
fn keep_owner(file: &File, original: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let same = file
        .metadata()
        .is_ok_and(|m| m.uid() == original.uid() && m.gid() == original.gid());
    if !same {
        let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _original: &std::fs::Metadata) {}

/// Gives a new file the mode any new file gets: 0666 less the umask (which the system
/// applies when the file is created); a temporary file would otherwise be private (0600).
#[cfg(unix)]
fn new_file_mode(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_mode(_builder: &mut tempfile::Builder<'_, '_>) {}

/// Configuration files read so far, by path, so that inputs sharing one read it once.
#[derive(Default)]
struct Configs {
    loaded: HashMap<PathBuf, Config>,
}

impl Configs {
    /// The configuration for `input`, and the folder its file globs are relative to.
    fn for_input(
        &mut self,
        args: &CheckArgs,
        input: &Path,
    ) -> Result<Option<(PathBuf, &Config)>, String> {
        if args.no_config {
            return Ok(None);
        }
        let path = match &args.config {
            Some(path) => path.clone(),
            None => {
                let start = if is_stdin(input) {
                    Path::new("stdin")
                } else {
                    input
                };
                match Config::discover(start) {
                    Some(path) => path,
                    None => return Ok(None),
                }
            }
        };
        if !self.loaded.contains_key(&path) {
            let config = load_config(&path, args.max_input_bytes)?;
            self.loaded.insert(path.clone(), config);
        }
        let dir = std::path::absolute(&path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_default();
        Ok(self.loaded.get(&path).map(|config| (dir, config)))
    }
}

/// Reads and checks a configuration file, at most `limit` bytes of it; every problem is
/// reported with its place, and what came from the file or its name is escaped.
fn load_config(path: &Path, limit: u64) -> Result<Config, String> {
    let name = shown_file(&path.to_string_lossy());
    let cannot_read = |reason: String| {
        format!(
            "error: cannot read the configuration {name}: {}\n",
            shown(&reason)
        )
    };
    let bytes = read_file(path, limit).map_err(|e| cannot_read(e.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|e| cannot_read(e.to_string()))?;
    Config::from_toml(&text).map_err(|errors| {
        errors
            .errors
            .iter()
            .map(|error| {
                let message = shown(&error.message);
                match error.span {
                    Some(span) => {
                        let at = locate(&text, span.start);
                        format!("{name}:{}:{}: error: {message}\n", at.line, at.column)
                    }
                    None => format!("{name}: error: {message}\n"),
                }
            })
            .collect()
    })
}

/// What came of one input that was read.
struct Checked {
    /// The text validated: the fixed text when fixes were written, else the text as read.
    text: String,
    report: Report,
    fixes: Vec<Change>,
    /// Why the fixes could not be written, when they could not.
    unwritten: Option<String>,
}

/// The inputs to read, in order, standard input once however often `-` is named (it can only
/// be read once); a warning on standard error says so.
fn distinct_inputs(files: &[PathBuf]) -> Vec<&Path> {
    let named = files.iter().filter(|f| is_stdin(f)).count();
    if named > 1 {
        to_stderr(&format!(
            "warning: standard input (-) is named {named} times; it is read and reported once\n"
        ));
    }
    let mut stdin_seen = false;
    files
        .iter()
        .filter(|f| !is_stdin(f) || !std::mem::replace(&mut stdin_seen, true))
        .map(PathBuf::as_path)
        .collect()
}

fn check(args: &CheckArgs) -> Result<(String, u8), String> {
    let mut base = Validator::new().with_max_diagnostics(args.max_diagnostics);
    if let Some(region) = &args.region {
        base = base.with_region(region.clone());
    }
    if let Some(action) = args.action {
        base = base.with_action(action);
    }
    if args.fix && args.files.iter().any(|f| is_stdin(f)) {
        return Err("error: --fix rewrites files; it cannot fix standard input\n".to_owned());
    }
    if args.stdin_filename.is_some() && !args.files.iter().any(|f| is_stdin(f)) {
        return Err("error: --stdin-filename names standard input, but no input is -\n".to_owned());
    }
    let mut configs = Configs::default();
    let mut inputs: Vec<Input> = expand_folders(args, &mut configs, distinct_inputs(&args.files))?
        .into_iter()
        .map(|named| match named {
            Named::File(path) => read_input(&path, args.max_input_bytes),
            Named::Unwalkable { path, reason } => Input {
                name: path.to_string_lossy().into_owned(),
                path,
                bytes: Err(reason),
            },
        })
        .map(|input| named_stdin(input, args.stdin_filename.as_deref()))
        .collect();
    let (mut sources, siblings) = source_reports(args, &base, &mut configs, &inputs)?;
    let mut checked: Vec<Option<Checked>> = Vec::with_capacity(inputs.len());
    // The facts SARIF's rule metadata states: those of the first input's configuration (one
    // run has one rule table).
    let mut profile: Option<cloudaudit_lint::Profile> = None;
    for (index, input) in inputs.iter().enumerate() {
        let Ok(bytes) = input.bytes.as_ref() else {
            checked.push(None);
            continue;
        };
        // A `.tf` source: checked with its module, never fixed.
        if let Some(report) = sources.remove(&index) {
            checked.push(Some(Checked {
                text: String::from_utf8_lossy(bytes).into_owned(),
                report,
                fixes: Vec::new(),
                unwritten: None,
            }));
            continue;
        }
        let validator = match configs.for_input(args, &input.path)? {
            Some((dir, config)) => base
                .clone()
                .with_config(config)
                .with_suppressions(config.suppressions_for(&input.path, &dir)),
            None => base.clone(),
        };
        if profile.is_none() {
            profile = Some(validator.profile().clone());
        }
        let (text, fixes, unwritten) = match (args.fix, std::str::from_utf8(bytes)) {
            (true, Ok(text)) if plan_report(&validator, text).is_none() => {
                let fixed = validator.fix_str(text);
                if fixed.changes.is_empty() {
                    (fixed.text, fixed.changes, None)
                } else {
                    match write_atomically(&input.path, fixed.text.as_bytes()) {
                        Ok(()) => (fixed.text, fixed.changes, None),
                        // The file is as it was: so is the report.
                        Err(e) => (text.to_owned(), Vec::new(), Some(e.to_string())),
                    }
                }
            }
            _ => (
                String::from_utf8_lossy(bytes).into_owned(),
                Vec::new(),
                None,
            ),
        };
        // The bytes as read unless fixes rewrote them: the lossy text would hide invalid
        // UTF-8 (and a UTF-16 byte order mark) behind U+FFFD.
        let report = match plan_report(&validator, &text) {
            Some(report) => report,
            None if fixes.is_empty() => validator.validate_bytes(bytes),
            None => validator.validate_bytes(text.as_bytes()),
        };
        checked.push(Some(Checked {
            text,
            report,
            fixes,
            unwritten,
        }));
    }
    // Siblings of a named `.tf` file whose variable defaults hold a diagnostic, after it.
    for (input, checked_sibling) in siblings {
        inputs.push(input);
        checked.push(Some(checked_sibling));
    }
    let outcomes: Vec<FileOutcome<'_>> = inputs
        .iter()
        .zip(&checked)
        .map(|(input, checked)| {
            let outcome = match (checked, &input.bytes) {
                (Some(checked), _) => Outcome::fixed(
                    &checked.text,
                    &checked.report,
                    &checked.fixes,
                    checked.unwritten.as_deref(),
                ),
                (None, Err(reason)) => Outcome::unreadable(reason),
                (None, Ok(_)) => Outcome::unreadable(""),
            };
            FileOutcome::new(&input.name, outcome)
        })
        .collect();
    let output = match args.format {
        Format::Human => human::render(
            &outcomes,
            args.locale,
            // A file is not a terminal: `auto` gives it no colour.
            human::Style::colored(
                use_color(args.color)
                    && (args.output.is_none() || args.color == ColorChoice::Always),
            ),
        ),
        Format::Json => json::render(&outcomes, args.locale) + "\n",
        Format::Sarif => {
            let profile = profile.unwrap_or_default();
            sarif::render(&outcomes, args.locale, &sarif_root(args)?, &profile) + "\n"
        }
        Format::Github => github::render(&outcomes, args.locale),
        Format::Junit => junit::render(&outcomes, args.locale),
        Format::Gitlab => gitlab::render(&outcomes, args.locale) + "\n",
    };
    let unwritten = checked.iter().flatten().any(|c| c.unwritten.is_some());
    let status = if unwritten || inputs.iter().any(|i| i.bytes.is_err()) {
        EXIT_USAGE
    } else if checked
        .iter()
        .flatten()
        .any(|c| args.fail_on.fails(&c.report))
    {
        1
    } else {
        0
    };
    Ok((output, status))
}

/// Standard input under the name `--stdin-filename` gives it: reported under that name, and
/// given the configuration and suppressions of a file of that name.
fn named_stdin(mut input: Input, name: Option<&Path>) -> Input {
    if let (true, Some(name)) = (is_stdin(&input.path), name) {
        input.name = name.to_string_lossy().into_owned();
        input.path = name.to_owned();
    }
    input
}

/// The folder SARIF file URIs are relative to: `--sarif-root`, else the repository root
/// around the working directory, else the working directory.
fn sarif_root(args: &CheckArgs) -> Result<SourceRoot, String> {
    let cwd = std::env::current_dir()
        .map_err(|e| format!("error: cannot find the working directory: {e}\n"))?;
    let root = match &args.sarif_root {
        Some(dir) if dir.is_dir() => dir.clone(),
        Some(dir) => {
            return Err(format!(
                "error: --sarif-root {} is not a folder\n",
                shown_file(&dir.to_string_lossy())
            ));
        }
        None => repository_root(&cwd).unwrap_or(&cwd).to_owned(),
    };
    Ok(SourceRoot::new(&root, &cwd))
}

/// The nearest folder from `dir` up that holds `.git` (a folder, or a file in a worktree).
fn repository_root(dir: &Path) -> Option<&Path> {
    dir.ancestors().find(|d| d.join(".git").exists())
}

/// A file to read, named on the command line or found in a folder named there, or a part of
/// a folder that could not be walked.
enum Named {
    File(PathBuf),
    Unwalkable { path: PathBuf, reason: String },
}

/// The inputs with every folder replaced by the request files in it, recursively and sorted:
/// `.gitignore` (and `.ignore`) files are honoured, hidden files and symbolic links skipped, and
/// a file is taken when the `[files]` globs of its configuration select it (by default every
/// `*.json`). A file is taken once, however often it is named or found.
fn expand_folders(
    args: &CheckArgs,
    configs: &mut Configs,
    named: Vec<&Path>,
) -> Result<Vec<Named>, String> {
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in named {
        if is_stdin(path) || !path.is_dir() {
            if is_stdin(path) || seen.insert(file_identity(path)) {
                found.push(Named::File(path.to_owned()));
            }
            continue;
        }
        let folder = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let before = found.len();
        let walk = ignore::WalkBuilder::new(path)
            .require_git(false)
            .sort_by_file_path(Path::cmp)
            .build();
        for entry in walk {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    found.push(Named::Unwalkable {
                        path: path.to_owned(),
                        reason: error.to_string(),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let selected = match configs.for_input(args, &file)? {
                Some((dir, config)) => config.selects(&file, &dir),
                None => Config::default().selects(&file, &folder),
            };
            if selected && seen.insert(file_identity(&file)) {
                found.push(Named::File(file));
            }
        }
        if found.len() == before {
            to_stderr(&format!(
                "warning: no request files in {}\n",
                shown_file(&path.to_string_lossy())
            ));
        }
    }
    Ok(found)
}

/// What tells files apart however they are named (`a.json`, `./a.json`, an absolute path, a
/// symbolic link to it): the canonical path, or the path as given when it has none (a file
/// that cannot be read, reported as such).
fn file_identity(path: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// The reports of the `.tf` inputs by index, and the siblings reported beside them.
type SourceReports = (HashMap<usize, Report>, Vec<(Input, Checked)>);

/// Whether `path` names a Terraform source file (`*.tf`).
fn is_tf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == cloudaudit_lint::terraform::source::EXTENSION)
}

/// The reports of the `.tf` inputs, by index in `inputs`, each checked with its module: the
/// `.tf` files of its folder. A sibling that was not named is read (within the size limit)
/// for its `variable` blocks only, and returned with its report when that holds a diagnostic
/// (one at a variable's default); one that cannot be read is left out.
fn source_reports(
    args: &CheckArgs,
    base: &Validator,
    configs: &mut Configs,
    inputs: &[Input],
) -> Result<SourceReports, String> {
    use cloudaudit_lint::terraform::source::{SourceFile, check_module};
    let mut modules: Vec<(Option<PathBuf>, Vec<usize>)> = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        if !is_tf(&input.path) || input.bytes.is_err() {
            continue;
        }
        // Standard input (under a `.tf` name) is a module of its own.
        let folder = (!is_stdin(&input.path) && input.path.exists())
            .then(|| std::path::absolute(&input.path).ok())
            .flatten()
            .and_then(|p| p.parent().map(Path::to_path_buf));
        match modules
            .iter_mut()
            .find(|(f, _)| folder.is_some() && *f == folder)
        {
            Some((_, members)) => members.push(index),
            None => modules.push((folder, vec![index])),
        }
    }
    let mut reports = HashMap::new();
    let mut siblings = Vec::new();
    for (folder, members) in modules {
        let named: std::collections::HashSet<PathBuf> = members
            .iter()
            .filter_map(|&i| inputs.get(i))
            .filter_map(|input| std::path::absolute(&input.path).ok())
            .collect();
        // Shown beside the first named file, as it was named.
        let shown_folder = members
            .first()
            .and_then(|&i| inputs.get(i))
            .and_then(|input| input.path.parent())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let others: Vec<Input> = folder
            .as_deref()
            .map(|folder| sibling_sources(folder, &shown_folder, &named, args.max_input_bytes))
            .unwrap_or_default();
        let mut texts = Vec::new();
        let mut validators = Vec::new();
        let all = members
            .iter()
            .filter_map(|&i| inputs.get(i))
            .chain(&others)
            .collect::<Vec<_>>();
        for input in &all {
            texts.push(
                String::from_utf8_lossy(input.bytes.as_deref().unwrap_or_default()).into_owned(),
            );
            validators.push(match configs.for_input(args, &input.path)? {
                Some((dir, config)) => base
                    .clone()
                    .with_config(config)
                    .with_suppressions(config.suppressions_for(&input.path, &dir)),
                None => base.clone(),
            });
        }
        let files: Vec<SourceFile<'_>> = texts
            .iter()
            .zip(&validators)
            .enumerate()
            .map(|(at, (text, validator))| SourceFile {
                text,
                validator,
                checked: at < members.len(),
            })
            .collect();
        let mut module_reports = check_module(&files).into_iter();
        for &index in &members {
            reports.insert(index, module_reports.next().unwrap_or_default());
        }
        for ((input, report), text) in others
            .into_iter()
            .zip(module_reports)
            .zip(texts.into_iter().skip(members.len()))
        {
            if !report.is_clean() {
                let checked = Checked {
                    text,
                    report,
                    fixes: Vec::new(),
                    unwritten: None,
                };
                siblings.push((input, checked));
            }
        }
    }
    Ok((reports, siblings))
}

/// The `.tf` files of `folder` not in `named`, sorted, each read within `limit` and named as
/// in `shown_folder`; those that cannot be read are left out.
fn sibling_sources(
    folder: &Path,
    shown_folder: &Path,
    named: &std::collections::HashSet<PathBuf>,
    limit: u64,
) -> Vec<Input> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| is_tf(path) && path.is_file() && !named.contains(path))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let mut input = read_input(&path, limit);
            if let Some(file_name) = path.file_name() {
                input.name = shown_folder.join(file_name).to_string_lossy().into_owned();
            }
            input
        })
        .filter(|input| input.bytes.is_ok())
        .collect()
}

/// The report of a Terraform plan (`terraform show -json`), or `None` for any other input.
fn plan_report(validator: &Validator, text: &str) -> Option<Report> {
    // Most inputs are requests: only parse twice what names a plan's key.
    if !text.contains("\"planned_values\"") {
        return None;
    }
    cloudaudit_lint::terraform::check_plan(validator, text)
        .ok()
        .flatten()
}

/// Whether to colour: `--color always|never`, else the environment as `anstream` reads it
/// (`NO_COLOR` set and not empty: never; `CLICOLOR_FORCE` set and not empty: always;
/// `CLICOLOR=0`: never; else a terminal that is not `TERM=dumb`), with `FORCE_COLOR` (set, and
/// not empty, `0` or `false`) forcing colour as `CLICOLOR_FORCE` does.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let env_set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
            let force_color = std::env::var_os("FORCE_COLOR")
                .is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
            if force_color && !env_set("NO_COLOR") {
                return true;
            }
            anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

fn rules(args: &RulesArgs, profile: &cloudaudit_lint::Profile) -> String {
    match args.format {
        Format::Json | Format::Sarif | Format::Github | Format::Junit | Format::Gitlab => {
            rules::json(RuleId::ALL, profile)
        }
        Format::Human => rules::table(RuleId::ALL, profile, args.locale),
    }
}

/// One rule's documentation page: plain text, or a JSON record with the page in Markdown.
fn rule_page(
    rule: RuleId,
    format: Format,
    profile: &cloudaudit_lint::Profile,
) -> Result<String, rule_doc::DocError> {
    match format {
        // The page states the configuration's facts, which may hold control characters.
        Format::Human => rule_doc::text_for(rule, profile).map(|page| {
            page.lines()
                .map(|line| format!("{}\n", cloudaudit_lint::report::human::shown(line)))
                .collect()
        }),
        Format::Json | Format::Sarif | Format::Github | Format::Junit | Format::Gitlab => {
            rules::page_json(rule, profile)
        }
    }
}
