//! Running the program as a subprocess: a fresh folder per test, and a run that reads the
//! program's output while it runs (so a report larger than a pipe's buffer cannot stall it),
//! feeds its standard input from a thread of its own, and fails the test on a hang.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

/// The program under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_cloudaudit-lint");

/// How long any run may take before the test calls it a hang: long enough for a debug build
/// on a loaded machine.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A fresh, empty folder for one test, as the program sees it from inside (no symbolic link
/// in its path); removed when dropped.
pub struct Folder(pub PathBuf);

impl Folder {
    /// `cloudaudit-lint-FAMILY-PID-TEST` in the temporary folder, emptied.
    pub fn new(family: &str, test: &str) -> Self {
        let path = std::env::temp_dir().join(format!(
            "cloudaudit-lint-{family}-{}-{test}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("a temporary folder");
        Self(fs::canonicalize(&path).expect("the temporary folder"))
    }

    /// Writes `name` (its folders made as needed) and returns its path.
    pub fn write(&self, name: impl AsRef<Path>, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("a test folder");
        }
        fs::write(&path, text).expect("a test file");
        path
    }

    /// The names in the folder, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .expect("the folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }
}

impl std::ops::Deref for Folder {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Folder {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Waits for `child`, or kills it and fails the test after [`PATIENCE`]. Its output is read
/// while it runs.
pub fn finish(mut child: Child, what: &str) -> Output {
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child's status") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("the stdout reader"),
        stderr: stderr.join().expect("the stderr reader"),
    }
}

/// Runs the program with `args` in `dir`, standard input empty, output piped.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    finish(child, &format!("{args:?}"))
}

/// Runs `command` with `stdin` as its standard input (written from a thread of its own, so a
/// program that answers before reading all of it cannot stall the test) and its output piped.
pub fn run_with_stdin(mut command: Command, stdin: &[u8], what: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: the program does not start: {e}"));
    let input = child.stdin.take();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut input) = input {
            // A program that stops reading early closes the pipe: not an error here.
            let _ = input.write_all(&stdin);
        }
    });
    let output = finish(child, what);
    let _ = writer.join();
    output
}

/// The exit status; a run killed by a signal fails the test.
pub fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or_else(|| {
        panic!(
            "the program was killed ({:?}); stderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Output that must be UTF-8.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("the output is UTF-8")
}

/// The JSON on standard output.
pub fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "no JSON on stdout ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// The arguments of `check --fix` of `inputs`, with the page's facts, reported as `format`.
pub fn fix_args_as<'a>(format: &'a str, inputs: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "check",
        "--fix",
        "--no-config",
        "--region",
        "ap-guangzhou",
        "--format",
        format,
    ];
    args.extend_from_slice(inputs);
    args
}

/// [`fix_args_as`] JSON.
pub fn fix_args<'a>(inputs: &[&'a str]) -> Vec<&'a str> {
    fix_args_as("json", inputs)
}
