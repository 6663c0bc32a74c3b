//! `cloudaudit-lint lsp` through a real editor's client: Debian's Neovim, headless, with the
//! README's set-up (docs/editors/neovim.lua) and a driver (tests/lsp_neovim.lua) that opens a
//! broken request and a broken `.tf` file, prints the diagnostics Neovim received, applies a
//! quick fix and writes the file. Without `nvim` (`scripts/setup.sh editor`) the test fails.

#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::process::{BIN, Folder, code, finish, text};

const SETUP: &str = "docs/editors/neovim.lua";
const DRIVER: &str = "tests/lsp_neovim.lua";

#[test]
fn neovim_shows_the_diagnostics_of_a_request_and_a_tf_file_and_applies_a_quick_fix() {
    let folder = Folder::new("lsp-neovim", "diagnostics");
    let request = folder.write("track.json", include_str!("fixtures/lsp/broken.json"));
    let tf = folder.write("main.tf", include_str!("fixtures/lsp/broken.tf"));
    let out = folder.0.join("out.txt");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let init = folder.write(
        "init.lua",
        format!(
            "dofile({:?})\ndofile({:?})\n",
            root.join(SETUP).display().to_string(),
            root.join(DRIVER).display().to_string()
        ),
    );
    // The README's set-up runs `cloudaudit-lint` from PATH: the binary under test first.
    let bin_dir = Path::new(BIN).parent().expect("the binary's folder");
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .expect("a PATH");
    let child = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(&init)
        .current_dir(&folder.0)
        .env("PATH", path)
        .env("LSP_TEST_REQUEST", &request)
        .env("LSP_TEST_TF", &tf)
        .env("LSP_TEST_OUT", &out)
        .env("XDG_CONFIG_HOME", folder.0.join("xdg/config"))
        .env("XDG_DATA_HOME", folder.0.join("xdg/data"))
        .env("XDG_STATE_HOME", folder.0.join("xdg/state"))
        .env("XDG_CACHE_HOME", folder.0.join("xdg/cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("nvim does not start ({e}): install it with scripts/setup.sh editor")
        });
    let output = finish(child, "nvim");
    let printed = std::fs::read_to_string(&out).unwrap_or_default();
    assert_eq!(
        code(&output),
        0,
        "nvim failed; printed:\n{printed}\nstdout:\n{}\nstderr:\n{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let lines: Vec<&str> = printed.lines().collect();
    // Neovim keeps columns in bytes: the emoji at byte 13 of line 2 and "read" at byte 37,
    // which it could only find from the server's UTF-16 positions.
    assert_eq!(
        lines,
        [
            "request name-charset 2:13",
            "request action-type-value 2:37",
            "tf name-length 2:19",
            "tf name-charset 2:19",
            "tf action-type-value 3:19",
            "tf status-value 5:19",
            "action Replace \"read\" with \"Read\" (action-type-value)",
            "fixed name-charset 2:13",
        ],
        "{printed}"
    );
    let fixed = std::fs::read_to_string(&request).expect("the request");
    assert_eq!(
        fixed,
        include_str!("fixtures/lsp/broken.json").replace("\"read\"", "\"Read\"")
    );
}

#[test]
fn the_readme_shows_the_set_up_the_test_runs() {
    let readme = include_str!("../README.md");
    let setup = include_str!("../docs/editors/neovim.lua");
    assert!(
        readme.contains(&format!("```lua\n{setup}```")),
        "README.md lacks {SETUP} verbatim"
    );
}
