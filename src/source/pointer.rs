//! JSON Pointer reference tokens (RFC 6901): `~` is written `~0` and `/` is written `~1`. This is
//! the only place that escapes or unescapes them.

use std::borrow::Cow;

/// Appends `key` to the JSON Pointer `parent`, escaping `~` and `/`.
pub(crate) fn pointer(parent: &str, key: &str) -> String {
    let mut path = String::with_capacity(parent.len() + key.len() + 1);
    path.push_str(parent);
    path.push('/');
    push_token(&mut path, key);
    path
}

/// Appends `key` escaped as a reference token (without the `/` before it) to `path`.
pub(crate) fn push_token(path: &mut String, key: &str) {
    if !key.bytes().any(|byte| byte == b'~' || byte == b'/') {
        path.push_str(key);
        return;
    }
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// The key a reference token stands for: `~1` is `/` and `~0` is `~`. A `~` followed by
/// anything else is kept as it is, since no token this crate writes has one.
pub(crate) fn unescape_token(token: &str) -> Cow<'_, str> {
    if !token.contains('~') {
        return Cow::Borrowed(token);
    }
    let mut key = String::with_capacity(token.len());
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('~', Some('0')) => {
                key.push('~');
                chars.next();
            }
            ('~', Some('1')) => {
                key.push('/');
                chars.next();
            }
            (c, _) => key.push(c),
        }
    }
    Cow::Owned(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_and_unescapes_as_rfc_6901_says() {
        for (key, token) in [
            ("a", "a"),
            ("a/b", "a~1b"),
            ("m~n", "m~0n"),
            ("~1", "~01"),
            ("/~", "~1~0"),
            ("", ""),
        ] {
            assert_eq!(pointer("/Storage", key), format!("/Storage/{token}"));
            assert_eq!(unescape_token(token), key, "{token}");
        }
    }

    proptest! {
        #[test]
        fn a_token_unescapes_to_its_key(key in ".*") {
            let mut token = String::new();
            push_token(&mut token, &key);
            prop_assert_eq!(unescape_token(&token), key.as_str());
        }
    }
}
