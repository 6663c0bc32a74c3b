//! `cloudaudit-lint lsp`: scripted JSON-RPC conversations with the program over pipes. Every
//! wait has a deadline, so a server that hangs fails the test.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

mod common;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use cloudaudit_lint::{RuleId, Validator, rule_doc};
use common::process::{BIN, Folder, PATIENCE};
use serde_json::{Value, json};

/// The program speaking the protocol, and what it has sent that was not yet looked at.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    pending: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &Path) -> Self {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the language server starts");
        let stdout = child.stdout.take().expect("its output");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Self {
            stdin: child.stdin.take(),
            child,
            messages,
            pending: VecDeque::new(),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("standard input open");
        stdin.write_all(bytes).expect("the server reads");
        stdin.flush().expect("the server reads");
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    fn next(&mut self) -> Value {
        let deadline = Instant::now() + PATIENCE;
        match self
            .messages
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                panic!("no message from the server within {PATIENCE:?}")
            }
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// The response with `id`; notifications before it are kept for later.
    fn response(&mut self, id: &Value) -> Value {
        loop {
            let message = self.next();
            if message.get("id") == Some(id) && message.get("method").is_none() {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_it = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(at) = self.pending.iter().position(is_it) {
            let message = self.pending.remove(at).expect("a pending message");
            return message["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let message = self.next();
            if is_it(&message) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.pending.push_back(message);
        }
    }

    fn initialize(&mut self) -> Value {
        let response = self.request("initialize", json!({"capabilities": {}, "processId": null}));
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        self.diagnostics(uri)
    }

    /// Shuts the server down (when `polite`) and sends `exit`; its exit status.
    fn exit(mut self, polite: bool) -> i32 {
        if polite {
            let answer = self.request("shutdown", Value::Null);
            assert_eq!(answer["result"], Value::Null, "{answer}");
        }
        self.notify("exit", Value::Null);
        self.wait()
    }

    fn wait(mut self) -> i32 {
        drop(self.stdin.take());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the server's status") {
                return status.code().expect("an exit status, not a signal");
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the server did not exit within {PATIENCE:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One framed message from the server, or `None` at the end of its output.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// (rule, start line, start character, end line, end character) of published diagnostics.
fn seen(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64, u64)> {
    diagnostics
        .iter()
        .map(|d| {
            let at = |end: &str, field: &str| d["range"][end][field].as_u64().expect("a position");
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                at("start", "line"),
                at("start", "character"),
                at("end", "line"),
                at("end", "character"),
            )
        })
        .collect()
}

/// The byte offset of an LSP position (line, UTF-16 code unit) in `text`, counted here on its
/// own: lines end at "\n".
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("a line") as usize;
    let character = position["character"].as_u64().expect("a character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (at, ch) in text[start..].char_indices() {
        if units >= character {
            return start + at;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// `text` with a workspace edit's edits for `uri` applied.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .expect("edits of the document")
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().expect("a new text").to_owned(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut text = text.to_owned();
    for (start, end, new_text) in edits {
        text.replace_range(start..end, &new_text);
    }
    text
}

/// A request whose second line holds non-BMP and CJK characters before a fault: `a😀中` in
/// the name (the emoji is two UTF-16 code units, 中 one) and then `"read"`.
const BROKEN: &str = include_str!("fixtures/lsp/broken.json");

const FIXED: &str = include_str!("fixtures/lsp/fixed.json");

const BROKEN_TF: &str = include_str!("fixtures/lsp/broken.tf");

#[test]
fn a_conversation_publishes_fixes_and_explains() {
    let folder = Folder::new("lsp", "conversation");
    let mut client = Client::start(&folder.0);
    let init = client.initialize();
    let capabilities = &init["result"]["capabilities"];
    assert_eq!(capabilities["textDocumentSync"]["change"], 1, "{init}");
    assert_eq!(capabilities["hoverProvider"], true, "{init}");
    assert_eq!(init["result"]["serverInfo"]["name"], "cloudaudit-lint");

    // A broken request: exact UTF-16 ranges and rule codes.
    let request = uri(&folder.0.join("track.json"));
    let diagnostics = client.open(&request, "json", BROKEN);
    let found = seen(&diagnostics);
    // The emoji itself (UTF-16 units 12 and 13 of line 1; 中, unit 14, is allowed), then "read" at units
    // 32 to 38: neither the byte offsets (36) nor the characters (31) would say so.
    assert!(
        found.contains(&("name-charset".into(), 1, 12, 1, 14)),
        "{found:?}"
    );
    assert!(
        found.contains(&("action-type-value".into(), 1, 32, 1, 38)),
        "{found:?}"
    );
    let action_type = diagnostics
        .iter()
        .find(|d| d["code"] == "action-type-value")
        .expect("the ActionType diagnostic");
    assert_eq!(action_type["severity"], 1);
    assert_eq!(action_type["source"], "cloudaudit-lint");
    assert_eq!(
        action_type["codeDescription"]["href"],
        rule_doc::help_uri(RuleId::ActionTypeValue)
    );
    let message = action_type["message"].as_str().expect("a message");
    assert!(
        message.contains("\nhelp: did you mean \"Read\"?"),
        "{message}"
    );

    // Hover inside the ActionType range: the rule's page.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": request}, "position": {"line": 1, "character": 35}}),
    );
    assert_eq!(
        hover["result"]["contents"]["value"],
        rule_doc::markdown(RuleId::ActionTypeValue).expect("the page"),
        "{hover}"
    );
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    // Outside every diagnostic: nothing.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": request}, "position": {"line": 2, "character": 1}}),
    );
    assert_eq!(nothing["result"], Value::Null, "{nothing}");

    // Code actions on line 1: the quick fix for "read" is the minimal edit.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": request},
               "range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 40}},
               "context": {"diagnostics": []}}),
    );
    let actions = actions["result"].as_array().expect("actions").clone();
    let quick: Vec<&Value> = actions.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert_eq!(quick.len(), 1, "{actions:?}");
    assert_eq!(quick[0]["diagnostics"][0]["code"], "action-type-value");
    let edits = &quick[0]["edit"]["changes"][&request];
    assert_eq!(edits.as_array().map(Vec::len), Some(1));
    assert_eq!(edits[0]["newText"], "\"Read\"");
    let quick_fixed = apply(BROKEN, &quick[0]["edit"], &request);
    assert_eq!(quick_fixed, BROKEN.replace("\"read\"", "\"Read\""));
    // The fix-all action: the whole document, as `check --fix` would write it.
    let all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.cloudaudit-lint")
        .expect("a fix-all action");
    assert_eq!(
        apply(BROKEN, &all["edit"], &request),
        Validator::new().fix_str(BROKEN).text
    );
    // Only what was asked for.
    let only = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": request},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 7, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    let kinds: Vec<&Value> = only["result"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| &a["kind"])
        .collect();
    assert_eq!(kinds, [&json!("source.fixAll.cloudaudit-lint")]);

    // Changed to a fixed request: its diagnostics are cleared.
    assert_eq!(client.change(&request, 2, FIXED), Vec::<Value>::new());
    let after = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": request},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 7, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(after["result"], json!([]));

    // A `.tf` file: located at the attributes, UTF-16 columns after the CJK name.
    let tf = uri(&folder.0.join("main.tf"));
    let tf_seen = seen(&client.open(&tf, "terraform", BROKEN_TF));
    assert!(
        tf_seen.contains(&("action-type-value".into(), 2, 18, 2, 24)),
        "{tf_seen:?}"
    );
    assert!(
        tf_seen.contains(&("status-value".into(), 4, 18, 4, 19)),
        "{tf_seen:?}"
    );
    assert!(
        tf_seen
            .iter()
            .any(|s| s.0 == "name-length" || s.0 == "name-charset"),
        "{tf_seen:?}"
    );

    // Closing clears.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": tf}}),
    );
    assert_eq!(client.diagnostics(&tf), Vec::<Value>::new());

    assert_eq!(client.exit(true), 0);
}

#[test]
fn only_requests_and_tf_files_are_checked_and_the_configuration_is_found_and_reloaded() {
    let folder = Folder::new("lsp", "selection");
    let config = folder.write(
        "cloudaudit-lint.toml",
        "[files]\ninclude = [\"requests/*.json\"]\n\n[rules]\naction-type-value = \"warning\"\n",
    );
    let mut client = Client::start(&folder.0);
    client.initialize();

    // Named by the include globs though it does not look like a request: checked.
    let named = uri(&folder.0.join("requests/x.json"));
    let diagnostics = client.open(&named, "json", "[1]\n");
    assert!(!diagnostics.is_empty());
    // Neither named nor like a request: left alone.
    let package = uri(&folder.0.join("package.json"));
    assert!(
        client
            .open(
                &package,
                "json",
                "{\"name\": \"x\", \"version\": \"1.0.0\"}"
            )
            .is_empty()
    );
    // Not named, but a request: checked, with the configuration's levels.
    let other = uri(&folder.0.join("elsewhere/track.json"));
    let diagnostics = client.open(&other, "json", BROKEN);
    let action_type = diagnostics
        .iter()
        .find(|d| d["code"] == "action-type-value")
        .expect("the ActionType diagnostic");
    assert_eq!(action_type["severity"], 2, "a warning, as configured");

    // The configuration saved with another level: read again, every document checked again.
    std::fs::write(&config, "[rules]\naction-type-value = \"off\"\n").expect("the configuration");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&config)}}),
    );
    let again = client.diagnostics(&other);
    assert!(!again.is_empty());
    assert!(
        again.iter().all(|d| d["code"] != "action-type-value"),
        "{again:?}"
    );

    // A broken configuration is said, not hidden.
    std::fs::write(&config, "[rules\n").expect("the configuration");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&config)}}),
    );
    let broken = client.diagnostics(&other);
    assert!(
        broken.iter().any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("cloudaudit-lint.toml"))),
        "{broken:?}"
    );

    // Changed on disk, as a file watcher reports it: read again.
    std::fs::write(&config, "[rules]\naction-type-value = \"warning\"\n")
        .expect("the configuration");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 2}]}),
    );
    let watched = client.diagnostics(&other);
    let action_type = watched
        .iter()
        .find(|d| d["code"] == "action-type-value")
        .expect("the ActionType diagnostic again");
    assert_eq!(action_type["severity"], 2, "{watched:?}");
    assert_eq!(client.exit(true), 0);
}

#[test]
fn malformed_messages_unknown_methods_and_unopened_documents_are_answered() {
    let folder = Folder::new("lsp", "robust");
    let mut client = Client::start(&folder.0);

    // Before initialize: refused, not ignored.
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002, "{early}");
    client.initialize();

    // Not JSON: a parse error with a null id.
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let parse = client.response(&Value::Null);
    assert_eq!(parse["error"]["code"], -32700, "{parse}");
    // JSON but not a message: an invalid request, answered with its id.
    client.send(&json!({"jsonrpc": "2.0", "id": 99, "method": 5}));
    let invalid = client.response(&json!(99));
    assert_eq!(invalid["error"]["code"], -32600, "{invalid}");
    // Headers without a length, and an overlong header line: skipped.
    client.send_raw(b"X-Nothing: 1\r\n\r\n");
    client.send_raw(format!("X-Long: {}\r\n", "x".repeat(100_000)).as_bytes());
    // An unknown method.
    let unknown = client.request("workspace/symbol", json!({"query": ""}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // Parameters of the wrong shape.
    let wrong = client.request("textDocument/hover", json!({"position": 3}));
    assert_eq!(wrong["error"]["code"], -32602, "{wrong}");
    // Documents never opened.
    let never = uri(&folder.0.join("never.json"));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": never}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": never},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(actions["result"], json!([]), "{actions}");
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": never}}),
    );
    assert_eq!(client.diagnostics(&never), Vec::<Value>::new());
    // An unknown notification is ignored; the server still answers.
    client.notify("$/unknown", json!({}));
    let still = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": never}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(still["result"], Value::Null);

    // After shutdown, requests are refused; exit then ends with 0.
    let answer = client.request("shutdown", Value::Null);
    assert_eq!(answer["result"], Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    assert_eq!(client.exit(false), 0);
}

#[test]
fn exit_without_shutdown_and_a_huge_length_end_with_status_1() {
    let folder = Folder::new("lsp", "exit");
    let mut client = Client::start(&folder.0);
    client.initialize();
    assert_eq!(client.exit(false), 1);

    // A length far beyond the limit is not allocated: the rest of the input is skipped.
    let mut client = Client::start(&folder.0);
    client.initialize();
    client.send_raw(b"Content-Length: 1000000000000\r\n\r\n{}");
    assert_eq!(client.wait(), 1);
}

#[test]
fn a_document_of_64_mib_is_checked_and_a_larger_one_is_refused() {
    let folder = Folder::new("lsp", "large");
    let mut client = Client::start(&folder.0);
    client.initialize();
    let head = "{\"ActionType\": \"read\"";
    let limit = cloudaudit_lint::lsp::MAX_DOCUMENT_BYTES;
    let text = format!("{head}{}}}", " ".repeat(limit - head.len() - 1));
    assert_eq!(text.len(), limit);
    let large = uri(&folder.0.join("large.json"));
    let seen = seen(&client.open(&large, "json", &text));
    assert!(
        seen.contains(&("action-type-value".into(), 0, 15, 0, 21)),
        "{seen:?}"
    );

    let larger = format!("{text} ");
    let diagnostics = client.change(&large, 2, &larger);
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("not checked"))
    );
    assert_eq!(client.exit(true), 0);
}

#[test]
fn the_client_locale_chooses_the_language_of_the_messages() {
    let folder = Folder::new("lsp", "locale");
    let mut client = Client::start(&folder.0);
    client.request("initialize", json!({"capabilities": {}, "locale": "zh-CN"}));
    client.notify("initialized", json!({}));
    let request = uri(&folder.0.join("track.json"));
    let diagnostics = client.open(&request, "json", BROKEN);
    let action_type = diagnostics
        .iter()
        .find(|d| d["code"] == "action-type-value")
        .expect("the ActionType diagnostic");
    let report = Validator::new().validate_str(BROKEN);
    let expected = report
        .diagnostics
        .iter()
        .find(|d| d.rule() == RuleId::ActionTypeValue)
        .expect("the library's diagnostic");
    let message = action_type["message"].as_str().expect("a message");
    assert!(
        message.starts_with(&expected.message(cloudaudit_lint::Locale::ZhCn)),
        "{message}"
    );
    assert!(
        message.contains(
            &expected
                .help(cloudaudit_lint::Locale::ZhCn)
                .expect("a help line")
        )
    );
    assert_ne!(
        expected.message(cloudaudit_lint::Locale::ZhCn),
        expected.message(cloudaudit_lint::Locale::En)
    );
    assert_eq!(client.exit(true), 0);
}
