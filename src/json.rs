//! A JSON tree: what a network config is read from, and what the stage view
//! is written as. Text is parsed by a standard parser at the edge (serde_json
//! natively, the browser's `JSON.parse` in wasm, which keeps the download
//! small); this module holds the tree and writes it as compact text.

use std::fmt;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in their order in the text.
    Object(Vec<(String, Json)>),
}

impl From<f64> for Json {
    fn from(n: f64) -> Json {
        Json::Number(n)
    }
}

impl From<usize> for Json {
    fn from(n: usize) -> Json {
        Json::Number(n as f64)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::String(s.to_owned())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

impl<T: Into<Json>> From<Vec<T>> for Json {
    fn from(items: Vec<T>) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }
}

impl Json {
    /// An object from (key, value) pairs.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The value as an error message shows what it got: its JSON text, but a
    /// number too large for an f64 (1e999 parses as infinity, which JSON text
    /// would write as null) is named as such.
    pub fn shown(&self) -> String {
        match self {
            Json::Number(n) if n.is_nan() => "a number that is not a number (NaN)".into(),
            Json::Number(n) if n.is_infinite() => {
                "a number too large to hold (beyond ±1.8e308, read as infinity)".into()
            }
            other => other.to_string(),
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl fmt::Display for Json {
    /// Compact JSON text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            // Whole numbers as integers (but −0 keeps its sign); otherwise
            // Debug, which keeps exponents short (1e300, not 301 digits) and
            // round-trips exactly.
            Json::Number(n)
                if n.fract() == 0.0
                    && n.abs() <= 9_007_199_254_740_992.0
                    && !(*n == 0.0 && n.is_sign_negative()) =>
            {
                write!(f, "{}", *n as i64)
            }
            Json::Number(n) if n.is_finite() => write!(f, "{n:?}"),
            Json::Number(_) => f.write_str("null"),
            Json::String(s) => write_string(f, s),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Object(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A JSON string literal with the escapes the format requires.
fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

/// Parses JSON text with serde_json into the tree (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_text(text: &str) -> Result<Json, String> {
    fn convert(value: serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s),
            Value::Array(items) => Json::Array(items.into_iter().map(convert).collect()),
            Value::Object(map) => {
                Json::Object(map.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    check_text(text, "the JSON text")?;
    serde_json::from_str(text)
        .map(convert)
        .map_err(|e| e.to_string())
}

/// The deepest nesting of arrays and objects a JSON text may have. A network
/// file or config nests 4 levels; the limit stays far below any stack limit
/// (a tree thousands of levels deep would overflow the wasm stack).
pub const MAX_DEPTH: usize = 64;

/// The longest JSON text read, in bytes (a network file of the largest
/// network is a few MB).
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Checks `text`'s size and its nesting of `[` and `{` (outside strings)
/// without building anything; `what` names the text in the error, e.g.
/// "the network file".
pub fn check_text(text: &str, what: &str) -> Result<(), String> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "{what} is {} bytes; at most {MAX_TEXT_BYTES} bytes of JSON are read",
            text.len()
        ));
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "{what} nests arrays and objects more than {MAX_DEPTH} levels deep; \
                         at most {MAX_DEPTH} are accepted"
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
