//! Team policy patterns: compiled once, with a size limit.
//!
//! Natively they are [`regex`] patterns. In the WebAssembly build they are JavaScript `RegExp`s
//! (with the `u` flag): the regex crate costs hundreds of KB of WebAssembly, and the browser
//! already has a regular-expression engine. Write patterns in the subset both understand
//! (classes, anchors, repetition, alternation), which covers naming conventions.

/// The longest pattern accepted, in bytes.
pub const MAX_PATTERN_LENGTH: usize = 1024;

/// Why a pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// The pattern is longer than [`MAX_PATTERN_LENGTH`].
    #[error("the pattern is {0} bytes long; at most {MAX_PATTERN_LENGTH} are allowed")]
    TooLong(usize),
    /// The engine refused it.
    #[error("the pattern does not compile: {0}")]
    Invalid(String),
}

/// A compiled pattern and its source.
#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    matcher: Matcher,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Pattern {}

impl Pattern {
    /// Compiles `source`.
    ///
    /// ```
    /// use cloudaudit_lint::config::pattern::Pattern;
    /// let prod = Pattern::new("^prod-[a-z0-9-]+$").unwrap();
    /// assert!(prod.is_match("prod-audit"));
    /// assert!(!prod.is_match("dev-audit"));
    /// assert!(Pattern::new("(unclosed").is_err());
    /// ```
    pub fn new(source: &str) -> Result<Self, PatternError> {
        if source.len() > MAX_PATTERN_LENGTH {
            return Err(PatternError::TooLong(source.len()));
        }
        Ok(Self {
            source: source.to_owned(),
            matcher: Matcher::compile(source)?,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// Whether `text` matches (anywhere, unless the pattern is anchored).
    pub fn is_match(&self, text: &str) -> bool {
        self.matcher.is_match(text)
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone)]
struct Matcher(regex::Regex);

#[cfg(not(target_arch = "wasm32"))]
impl Matcher {
    /// Bound on the compiled program, so a hostile pattern cannot take the memory.
    const SIZE_LIMIT: usize = 1 << 20;

    fn compile(source: &str) -> Result<Self, PatternError> {
        regex::RegexBuilder::new(source)
            .size_limit(Self::SIZE_LIMIT)
            .dfa_size_limit(Self::SIZE_LIMIT)
            .build()
            .map(Self)
            .map_err(|e| PatternError::Invalid(e.to_string()))
    }

    fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }
}

#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone)]
struct Matcher(js_sys::RegExp);

#[cfg(target_arch = "wasm32")]
impl Matcher {
    fn compile(source: &str) -> Result<Self, PatternError> {
        use wasm_bindgen::JsCast;
        // Caught in JavaScript: a `catch` import leaks a slot of the module's table per throw
        // (`crate::wasm::attempt`), and a form's config editor compiles on every keystroke.
        crate::wasm::attempt::compile_reg_exp(source, "u")
            .map(Self)
            .map_err(|error| {
                let message = error.dyn_ref::<js_sys::Error>().map_or_else(
                    || "not a regular expression".to_owned(),
                    |e| e.message().into(),
                );
                PatternError::Invalid(message)
            })
    }

    fn is_match(&self, text: &str) -> bool {
        self.0.test(text)
    }
}
