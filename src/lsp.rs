//! The language server (`cloudaudit-lint lsp`): JSON-RPC over standard input and output.
//!
//! It publishes diagnostics for the documents an editor opens and changes: requests (JSON
//! files the configuration's `[files] include` globs name, or any document that looks like a
//! request, [`looks_like_request`]) and Terraform `.tf` files. Text is synchronised in full:
//! each change sends the whole document. Positions are in UTF-16 code units, as the protocol
//! requires. For a diagnostic with a certain fix there is a quick fix (the minimal edit) and,
//! for the whole document, a fix-all action (one edit replacing the whole text); hovering a
//! diagnostic shows its rule's page. The configuration is found as the CLI finds it: the
//! nearest `cloudaudit-lint.toml` in the document's folder or a parent (the working directory
//! and its parents for a document that is not a file), read again when one is saved.
//!
//! Messages are framed here rather than by `lsp-server`'s transport, so that a malformed
//! message is answered (or skipped) instead of ending the session, and a `Content-Length`
//! beyond [`MAX_MESSAGE_BYTES`] is skipped without being allocated.
//!
//! ```
//! use cloudaudit_lint::lsp::serve;
//! let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
//! let input = [
//!     frame(r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#),
//!     frame(r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#),
//!     frame(r#"{"jsonrpc":"2.0","method":"exit"}"#),
//! ]
//! .concat();
//! let mut output = Vec::new();
//! assert_eq!(serve(input.as_bytes(), &mut output), 0);
//! let output = String::from_utf8(output).unwrap();
//! assert!(output.contains(r#""change":1"#)); // full text synchronisation
//! assert!(output.contains(r#""hoverProvider":true"#));
//! ```

use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeResult, MarkupContent, MarkupKind, NumberOrString, Position,
    PublishDiagnosticsParams, Range, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::{Value, json};

use crate::config::{self, Config};
use crate::fix::edits_for;
use crate::source::locate_all;
use crate::terraform::source::{EXTENSION as TF_EXTENSION, check_source};
use crate::{Diagnostic, Locale, Report, RuleId, Severity, Validator, facts, rule_doc};

/// The largest document checked: 64 MiB, as the CLI's default `--max-input-bytes`. A larger
/// one gets a single diagnostic saying so.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// The largest message read: room for a document of [`MAX_DOCUMENT_BYTES`] with its JSON
/// escapes. A larger one is skipped unread.
pub const MAX_MESSAGE_BYTES: usize = 4 * MAX_DOCUMENT_BYTES;

/// The longest header line kept; the rest of a longer one is skipped.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// The `source` of every diagnostic published.
pub const SOURCE: &str = "cloudaudit-lint";

/// The kind of the action that applies every certain fix of a document.
pub const FIX_ALL_KIND: &str = "source.fixAll.cloudaudit-lint";

/// Serves the protocol on standard input and output until `exit`; the exit status.
pub fn run() -> u8 {
    let stdin = io::stdin();
    let stdout = io::stdout();
    serve(stdin.lock(), stdout.lock())
}

/// Serves the protocol on `input` and `output` until `exit` or the end of `input`; the exit
/// status: 0 after `shutdown` then `exit`, 1 otherwise (as the protocol asks) or when
/// `output` cannot be written.
pub fn serve(mut input: impl BufRead, mut output: impl Write) -> u8 {
    let mut server = Server::default();
    loop {
        let frame = match read_frame(&mut input) {
            Ok(Some(frame)) => frame,
            Ok(None) => return u8::from(!server.shut_down),
            Err(error) => {
                eprintln!("cloudaudit-lint lsp: cannot read the input: {error}");
                return 1;
            }
        };
        let replies = match frame {
            Frame::Body(body) => server.receive(&body),
            Frame::Skipped(reason) => {
                eprintln!("cloudaudit-lint lsp: message skipped: {reason}");
                Vec::new()
            }
        };
        for reply in replies {
            if let Err(error) = write_reply(&mut output, &reply) {
                eprintln!("cloudaudit-lint lsp: cannot write the output: {error}");
                return 1;
            }
        }
        if let Some(status) = server.exit {
            return status;
        }
    }
}

/// One message read, or why it was not.
enum Frame {
    Body(Vec<u8>),
    Skipped(String),
}

/// What the server sends: a protocol message, or an error answer to a message that was not
/// one (its `id` may be `null`, which `lsp_server::RequestId` cannot hold).
enum Reply {
    Message(Message),
    Raw(Value),
}

/// Reads the next framed message: headers up to an empty line, then `Content-Length` bytes.
/// `None` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut seen_any = false;
    loop {
        let mut line = Vec::new();
        let read = input
            .by_ref()
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return match seen_any {
                false => Ok(None),
                true => Ok(Some(Frame::Skipped("the input ends in a header".into()))),
            };
        }
        seen_any = true;
        if !line.ends_with(b"\n") {
            // An overlong line: skip to its end, bounded by the input itself.
            skip_line(input)?;
            continue;
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if length.is_none() {
                // Blank lines between messages are tolerated.
                seen_any = false;
                continue;
            }
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| format!("Content-Length {:?} is not a length", value.trim())),
            );
        }
    }
    match length {
        Some(Ok(length)) if length <= MAX_MESSAGE_BYTES => {
            let mut body = vec![0; length];
            input.read_exact(&mut body)?;
            Ok(Some(Frame::Body(body)))
        }
        Some(Ok(length)) => {
            let skipped = io::copy(&mut input.by_ref().take(length as u64), &mut io::sink())?;
            Ok(Some(Frame::Skipped(format!(
                "{skipped} bytes, more than the limit of {MAX_MESSAGE_BYTES}"
            ))))
        }
        Some(Err(reason)) => Ok(Some(Frame::Skipped(reason))),
        None => Ok(Some(Frame::Skipped("no Content-Length".into()))),
    }
}

fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => {
                input.consume(at + 1);
                return Ok(());
            }
            None => {
                let all = buffer.len();
                input.consume(all);
            }
        }
    }
}

fn write_reply(output: &mut impl Write, reply: &Reply) -> io::Result<()> {
    match reply {
        Reply::Message(message) => message.write(output),
        Reply::Raw(value) => {
            let text = value.to_string();
            write!(output, "Content-Length: {}\r\n\r\n{text}", text.len())?;
            output.flush()
        }
    }
}

/// The path a `file:` URI names, percent-decoded; `None` for another scheme or a URI that
/// does not decode to a path.
///
/// ```
/// use cloudaudit_lint::lsp::file_path;
/// use std::path::Path;
/// assert_eq!(file_path("file:///repo/a%20b/%E4%B8%AD.json").as_deref(), Some(Path::new("/repo/a b/中.json")));
/// assert_eq!(file_path("file://localhost/repo/x.tf").as_deref(), Some(Path::new("/repo/x.tf")));
/// assert_eq!(file_path("untitled:Untitled-1"), None);
/// ```
pub fn file_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path)?;
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let hex = [bytes.next()?, bytes.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            out.push(b);
        }
    }
    Some(out)
}

/// Whether `text` looks like a request: a JSON object (possibly broken further on) with a key
/// that is one of the API's parameters, e.g. `"ActionType":`.
///
/// ```
/// use cloudaudit_lint::lsp::looks_like_request;
/// assert!(looks_like_request("{\n  \"ActionType\" : \"read\",\n"));
/// assert!(!looks_like_request(r#"{"name": "my-package", "version": "1.0.0"}"#));
/// assert!(!looks_like_request(r#"["ActionType"]"#));
/// ```
pub fn looks_like_request(text: &str) -> bool {
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        return false;
    }
    let names: BTreeSet<&str> = facts::TrackAction::ALL
        .iter()
        .flat_map(|action| action.params().iter().map(|p| p.name()))
        .chain(facts::COMMON_PARAMS.iter().map(|p| p.name()))
        .collect();
    // At each quote, the name it may open is looked up once: a quote costs the length of the
    // longest name at most, however many names there are (a large JSON document that is no
    // request is told so in time).
    let longest = names.iter().map(|name| name.len()).max().unwrap_or(0);
    text.match_indices('"').any(|(at, _)| {
        let after = text.get(at + 1..).unwrap_or_default();
        let Some(end) = after.bytes().take(longest + 1).position(|b| b == b'"') else {
            return false;
        };
        let (name, rest) = (after.get(..end), after.get(end + 1..));
        name.is_some_and(|name| names.contains(name))
            && rest.is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// What an open document is checked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Request,
    Terraform,
}

/// What the server knows of one open document.
struct Document {
    uri: Uri,
    text: String,
    /// Its last check: the validator used and the report, for code actions and hovers.
    checked: Option<(Validator, Report)>,
}

/// A configuration file read, or why it could not be.
type Loaded = Result<Config, String>;

#[derive(Default)]
struct Server {
    initialized: bool,
    shut_down: bool,
    exit: Option<u8>,
    locale: Locale,
    documents: HashMap<String, Document>,
    configs: HashMap<PathBuf, Loaded>,
}

impl Server {
    /// Handles one message's body; what to send back.
    fn receive(&mut self, body: &[u8]) -> Vec<Reply> {
        match serde_json::from_slice::<Message>(body) {
            Ok(Message::Request(request)) => self.request(request),
            Ok(Message::Notification(notification)) => self.notification(notification),
            // Answers to requests this server never sends.
            Ok(Message::Response(_)) => Vec::new(),
            Err(error) => vec![Reply::Raw(malformed(body, &error))],
        }
    }

    fn request(&mut self, request: Request) -> Vec<Reply> {
        let id = request.id.clone();
        let answer = if request.method == "initialize" {
            if self.initialized {
                Err((ErrorCode::InvalidRequest, "already initialized".to_owned()))
            } else {
                Ok(self.initialize(&request.params))
            }
        } else if !self.initialized {
            Err((
                ErrorCode::ServerNotInitialized,
                "the server is not initialized".to_owned(),
            ))
        } else if self.shut_down {
            Err((
                ErrorCode::InvalidRequest,
                "the server is shut down".to_owned(),
            ))
        } else {
            match request.method.as_str() {
                "shutdown" => {
                    self.shut_down = true;
                    Ok(Value::Null)
                }
                "textDocument/hover" => {
                    params::<HoverParams>(request.params).map(|p| to_value(self.hover(&p)))
                }
                "textDocument/codeAction" => params::<CodeActionParams>(request.params)
                    .map(|p| to_value(self.code_actions(&p))),
                method => Err((
                    ErrorCode::MethodNotFound,
                    format!("unknown method {method}"),
                )),
            }
        };
        let response = match answer {
            Ok(result) => Response::new_ok(id, result),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        vec![Reply::Message(Message::Response(response))]
    }

    fn initialize(&mut self, params: &Value) -> Value {
        self.initialized = true;
        if let Some(locale) = params
            .get("locale")
            .and_then(Value::as_str)
            .and_then(|tag| tag.parse().ok())
        {
            self.locale = locale;
        }
        to_value(InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: SOURCE.to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        })
    }

    fn notification(&mut self, notification: Notification) -> Vec<Reply> {
        if notification.method == "exit" {
            self.exit = Some(u8::from(!self.shut_down));
            return Vec::new();
        }
        if !self.initialized || self.shut_down {
            return Vec::new();
        }
        let Notification { method, params } = notification;
        match method.as_str() {
            "textDocument/didOpen" => {
                match serde_json::from_value::<DidOpenTextDocumentParams>(params) {
                    Ok(p) => self.update(p.text_document.uri, p.text_document.text),
                    Err(_) => Vec::new(),
                }
            }
            "textDocument/didChange" => {
                match serde_json::from_value::<DidChangeTextDocumentParams>(params) {
                    // Full synchronisation: the last change holds the whole text.
                    Ok(p) => match p.content_changes.into_iter().next_back() {
                        Some(change) => self.update(p.text_document.uri, change.text),
                        None => Vec::new(),
                    },
                    Err(_) => Vec::new(),
                }
            }
            "textDocument/didClose" => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(params) {
                    Ok(p) => {
                        self.documents.remove(p.text_document.uri.as_str());
                        vec![publish(p.text_document.uri, Vec::new())]
                    }
                    Err(_) => Vec::new(),
                }
            }
            "textDocument/didSave" => {
                match serde_json::from_value::<DidSaveTextDocumentParams>(params) {
                    Ok(p) if is_config_file(p.text_document.uri.as_str()) => self.reload(),
                    _ => Vec::new(),
                }
            }
            "workspace/didChangeWatchedFiles" => {
                match serde_json::from_value::<DidChangeWatchedFilesParams>(params) {
                    Ok(p) if p.changes.iter().any(|c| is_config_file(c.uri.as_str())) => {
                        self.reload()
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// A document opened or changed: its text kept, checked, its diagnostics published.
    fn update(&mut self, uri: Uri, text: String) -> Vec<Reply> {
        let key = uri.as_str().to_owned();
        let mut document = Document {
            uri,
            text,
            checked: None,
        };
        let reply = self.check(&mut document);
        self.documents.insert(key, document);
        vec![reply]
    }

    /// The configurations are read again, and every open document checked again.
    fn reload(&mut self) -> Vec<Reply> {
        self.configs.clear();
        let mut documents = std::mem::take(&mut self.documents);
        let replies = documents
            .values_mut()
            .map(|document| self.check(document))
            .collect();
        self.documents = documents;
        replies
    }

    /// Checks `document` and returns its diagnostics' publication.
    fn check(&mut self, document: &mut Document) -> Reply {
        document.checked = None;
        if document.text.len() > MAX_DOCUMENT_BYTES {
            let diagnostic = lsp_types::Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::WARNING),
                source: Some(SOURCE.to_owned()),
                message: format!(
                    "not checked: {} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
                    document.text.len()
                ),
                ..lsp_types::Diagnostic::default()
            };
            return publish(document.uri.clone(), vec![diagnostic]);
        }
        let path = file_path(document.uri.as_str());
        let found = self.config_for(path.as_deref());
        let (config, dir) = match &found {
            Some((dir, Ok(config))) => (Some(config), Some(dir.as_path())),
            _ => (None, None),
        };
        let Some(kind) = kind(path.as_deref(), &document.text, config.zip(dir)) else {
            return publish(document.uri.clone(), Vec::new());
        };
        let validator = match (config, dir, path.as_deref()) {
            (Some(config), Some(dir), Some(path)) => Validator::new()
                .with_config(config)
                .with_suppressions(config.suppressions_for(path, dir)),
            (Some(config), _, _) => Validator::new().with_config(config),
            _ => Validator::new(),
        };
        let report = match kind {
            Kind::Terraform => check_source(&validator, &document.text),
            Kind::Request => request_report(&validator, &document.text),
        };
        let mut diagnostics: Vec<lsp_types::Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .map(|d| to_lsp(d, self.locale))
            .collect();
        if let Some((config_path, Err(message))) = &found {
            diagnostics.push(lsp_types::Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some(SOURCE.to_owned()),
                message: format!(
                    "the configuration {} is not used: {message}",
                    config_path.join(config::FILE_NAME).display()
                ),
                ..lsp_types::Diagnostic::default()
            });
        }
        if report.omitted > 0 {
            diagnostics.push(lsp_types::Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::INFORMATION),
                source: Some(SOURCE.to_owned()),
                message: format!("{} more diagnostics not shown", report.omitted),
                ..lsp_types::Diagnostic::default()
            });
        }
        document.checked = Some((validator, report));
        publish(document.uri.clone(), diagnostics)
    }

    /// The configuration that applies to a document at `path` (or, with none, to the working
    /// directory) and the folder it is in, read once until a configuration is saved.
    fn config_for(&mut self, path: Option<&Path>) -> Option<(PathBuf, Loaded)> {
        let file = Config::discover(path.unwrap_or(Path::new("stdin")))?;
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let loaded = self
            .configs
            .entry(file.clone())
            .or_insert_with(|| load_config(&file))
            .clone();
        Some((dir, loaded))
    }

    /// The rule pages of the diagnostics under the cursor.
    fn hover(&self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let document = self.documents.get(at.text_document.uri.as_str())?;
        let (validator, report) = document.checked.as_ref()?;
        let under: Vec<(RuleId, Range)> = report
            .diagnostics
            .iter()
            .filter(|d| d.suppressed.is_none())
            .map(|d| (d.rule(), lsp_range(d)))
            .filter(|(_, range)| contains(range, at.position))
            .collect();
        let range = under.first()?.1;
        let rules: BTreeSet<RuleId> = under.iter().map(|(rule, _)| *rule).collect();
        let pages: Vec<String> = rules
            .into_iter()
            .filter_map(|rule| rule_doc::markdown_for(rule, validator.profile()).ok())
            .collect();
        if pages.is_empty() {
            return None;
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: pages.join("\n\n---\n\n"),
            }),
            range: Some(range),
        })
    }

    /// A quick fix for each diagnostic with a certain fix in `params.range`, and one action
    /// applying every certain fix of the document.
    fn code_actions(&self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(document) = self.documents.get(params.text_document.uri.as_str()) else {
            return Vec::new();
        };
        let Some((validator, report)) = document.checked.as_ref() else {
            return Vec::new();
        };
        let wanted = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let text = &document.text;
        let edits = edits_for(text, &report.diagnostics);
        let mut actions = Vec::new();
        if wanted(&CodeActionKind::QUICKFIX) {
            for (diagnostic, edit) in report.diagnostics.iter().zip(&edits) {
                let Some(edit) = edit else { continue };
                let lsp = to_lsp(diagnostic, self.locale);
                if !overlaps(&lsp.range, &params.range) {
                    continue;
                }
                let before = text.get(edit.start..edit.end).unwrap_or_default();
                let title = match edit.replacement.is_empty() {
                    true => format!("Remove {before} ({})", diagnostic.rule()),
                    false => format!(
                        "Replace {before} with {} ({})",
                        edit.replacement,
                        diagnostic.rule()
                    ),
                };
                let range = byte_range(text, edit.start, edit.end);
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp]),
                    edit: Some(workspace_edit(&document.uri, range, &edit.replacement)),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                }));
            }
        }
        let fix_all = CodeActionKind::from(FIX_ALL_KIND);
        if wanted(&fix_all) && edits.iter().any(Option::is_some) {
            let fixed = validator.fix_str(text);
            if !fixed.changes.is_empty() {
                let range = byte_range(text, 0, text.len());
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Apply every certain fix ({})", fixed.changes.len()),
                    kind: Some(fix_all),
                    edit: Some(workspace_edit(&document.uri, range, &fixed.text)),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }
}

/// What the server offers.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(FIX_ALL_KIND),
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// What a document is checked as, if at all: a `.tf` file, or a request that the
/// configuration's include globs name or that looks like one; never a file its exclude globs
/// name.
fn kind(path: Option<&Path>, text: &str, config: Option<(&Config, &Path)>) -> Option<Kind> {
    let relative = |path: &Path, dir: &Path| path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    let matches = |globs: &[String], path: &Path, dir: &Path| {
        let relative = relative(path, dir);
        globs
            .iter()
            .any(|g| config::file_glob(g).is_ok_and(|g| g.is_match(&relative)))
    };
    if let (Some(path), Some((config, dir))) = (path, config)
        && matches(&config.files.exclude, path, dir)
    {
        return None;
    }
    if path.is_some_and(|p| p.extension().is_some_and(|e| e == TF_EXTENSION)) {
        return Some(Kind::Terraform);
    }
    let included = match (path, config) {
        (Some(path), Some((config, dir))) => {
            !config.files.include.is_empty() && matches(&config.files.include, path, dir)
        }
        _ => false,
    };
    (included || looks_like_request(text)).then_some(Kind::Request)
}

/// A request's report, or a Terraform plan's when the document is one.
fn request_report(validator: &Validator, text: &str) -> Report {
    if text.contains("\"planned_values\"")
        && let Ok(Some(report)) = crate::terraform::check_plan(validator, text)
    {
        return report;
    }
    validator.validate_str(text)
}

/// Reads a configuration file (at most [`MAX_DOCUMENT_BYTES`] of it).
fn load_config(path: &Path) -> Loaded {
    let name = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(format!("{name} is larger than {MAX_DOCUMENT_BYTES} bytes"));
    }
    let text = String::from_utf8(bytes).map_err(|e| format!("cannot read {name}: {e}"))?;
    Config::from_toml(&text).map_err(|errors| {
        errors
            .errors
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join("; ")
    })
}

fn is_config_file(uri: &str) -> bool {
    file_path(uri).is_some_and(|p| p.file_name().is_some_and(|n| n == config::FILE_NAME))
}

/// A library diagnostic as the protocol's: UTF-16 range, severity, the rule as its code with
/// its page's address, and the message with its help line.
fn to_lsp(diagnostic: &Diagnostic, locale: Locale) -> lsp_types::Diagnostic {
    let rule = diagnostic.rule();
    let message = diagnostic.message(locale);
    lsp_types::Diagnostic {
        range: lsp_range(diagnostic),
        severity: Some(match diagnostic.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(rule.as_str().to_owned())),
        code_description: rule_doc::help_uri(rule)
            .parse::<Uri>()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: match diagnostic.help(locale) {
            Some(help) => format!("{message}\nhelp: {help}"),
            None => message,
        },
        ..lsp_types::Diagnostic::default()
    }
}

/// The protocol's range of a diagnostic (0-based lines, UTF-16 columns); the document's start
/// for one with no place in the text.
fn lsp_range(diagnostic: &Diagnostic) -> Range {
    diagnostic
        .location
        .map(|l| Range {
            start: lsp_position(l.start),
            end: lsp_position(l.end),
        })
        .unwrap_or_default()
}

fn lsp_position(position: crate::source::Position) -> Position {
    let zero_based = |n: usize| u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX);
    Position {
        line: zero_based(position.line),
        character: zero_based(position.column_utf16),
    }
}

/// The protocol's range of the bytes `start..end` of `text`.
fn byte_range(text: &str, start: usize, end: usize) -> Range {
    match locate_all(text, &[start, end])[..] {
        [start, end] => Range {
            start: lsp_position(start),
            end: lsp_position(end),
        },
        _ => Range::default(),
    }
}

fn contains(range: &Range, at: Position) -> bool {
    let key = |p: &Position| (p.line, p.character);
    key(&range.start) <= key(&at) && key(&at) <= key(&range.end)
}

fn overlaps(a: &Range, b: &Range) -> bool {
    let key = |p: &Position| (p.line, p.character);
    key(&a.start) <= key(&b.end) && key(&b.start) <= key(&a.end)
}

fn workspace_edit(uri: &Uri, range: Range, new_text: &str) -> WorkspaceEdit {
    let edit = TextEdit {
        range,
        new_text: new_text.to_owned(),
    };
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
        ..WorkspaceEdit::default()
    }
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Reply {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version: None,
    };
    Reply::Message(Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".to_owned(),
        params,
    )))
}

fn params<P: serde::de::DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn to_value(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The error answer to a body that is not a message: a parse error for one that is not JSON,
/// an invalid request (with its id, when it has one) for JSON that is not a message.
fn malformed(body: &[u8], error: &serde_json::Error) -> Value {
    let (code, id) = match serde_json::from_slice::<Value>(body) {
        Ok(value) => (
            ErrorCode::InvalidRequest,
            value
                .get("id")
                .filter(|id| id.is_number() || id.is_string())
                .cloned()
                .unwrap_or(Value::Null),
        ),
        Err(_) => (ErrorCode::ParseError, Value::Null),
    };
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": error.to_string() },
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::looks_like_request;
    use crate::facts;

    /// The definition, name by name at every quote.
    fn by_definition(text: &str) -> bool {
        let names: BTreeSet<&str> = facts::TrackAction::ALL
            .iter()
            .flat_map(|action| action.params().iter().map(|p| p.name()))
            .chain(facts::COMMON_PARAMS.iter().map(|p| p.name()))
            .collect();
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
            && text.match_indices('"').any(|(at, _)| {
                names.iter().any(|name| {
                    text[at + 1..]
                        .strip_prefix(name)
                        .and_then(|rest| rest.strip_prefix('"'))
                        .is_some_and(|rest| rest.trim_start().starts_with(':'))
                })
            })
    }

    proptest! {
        #[test]
        fn a_request_is_told_as_the_definition_tells_it(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\"".to_owned()),
                    Just(":".to_owned()),
                    Just(" ".to_owned()),
                    Just("{".to_owned()),
                    Just("Name".to_owned()),
                    Just("EventNames".to_owned()),
                    Just("StorageName".to_owned()),
                    Just("Nam".to_owned()),
                    "[a-z\u{e9}\u{4e2d}]{0,3}",
                ],
                0..24,
            )
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(looks_like_request(&text), by_definition(&text), "{:?}", text);
        }
    }

    #[test]
    fn many_quotes_are_told_apart_in_one_pass() {
        // 1 MiB of quotes, which took about a second name by name.
        let text = format!("{{{}", "\"".repeat(1 << 20));
        assert!(!looks_like_request(&text));
        assert!(looks_like_request(&format!("{text}\"Name\": 1}}")));
    }
}
