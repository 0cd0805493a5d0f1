//! Reads the reader's own data from CSV text, `x1,x2,label` per row: an
//! optional header line, blank lines and spaces around fields allowed. All
//! or nothing: any bad row rejects the whole file, and every bad row is
//! reported with its line, its column and what that column accepts.

use std::fmt;

use super::custom::{assemble, CustomData, MAX_CLASSES, MIN_POINTS, VALUE_LIMIT};
use super::dataset::{DOMAIN, POINTS};

/// Most problems listed; past that the list says how many more there were.
pub const MAX_REPORTED: usize = 20;

const COLUMNS: [&str; 3] = ["x1", "x2", "label"];

/// One bad row (or the file as a whole, at line 0).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvProblem {
    /// 1-based line of the text; 0 for the file as a whole.
    pub line: usize,
    /// 1-based column (1 = x1, 2 = x2, 3 = label); 0 for the whole row or file.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => f.write_str(&self.message),
            (line, 0) => write!(f, "line {line}: {}", self.message),
            (line, column) => write!(
                f,
                "line {line}, column {column} ({}): {}",
                COLUMNS[column - 1],
                self.message
            ),
        }
    }
}

/// Why a CSV was not loaded: its problems, at most `MAX_REPORTED` of them,
/// and how many more there were.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    pub problems: Vec<CsvProblem>,
    pub more: usize,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))?;
        if self.more > 0 {
            write!(f, "\n… and {} more bad rows", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for CsvError {}

/// The problems of one file, capped.
#[derive(Default)]
struct Problems {
    list: Vec<CsvProblem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, line: usize, column: usize, message: String) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(CsvProblem {
                line,
                column,
                message,
            });
        } else {
            self.more += 1;
        }
    }
}

/// Reads `text`. Labels that are all whole numbers from 0 to 3 make classes
/// (as many as the largest label + 1, at least 2); any other label makes
/// the whole file regression. 2 to 5000 rows.
pub fn parse(text: &str) -> Result<CustomData, CsvError> {
    // A byte-order mark (as spreadsheet programs write) is not part of the first field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut problems = Problems::default();
    let mut rows: Vec<[f64; 3]> = Vec::new();
    let mut first = true;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if std::mem::take(&mut first) && is_header(&fields) {
            continue;
        }
        if rows.len() == *POINTS.end() {
            problems.push(line_number, 0, too_many());
            break;
        }
        if let Some(row) = read_row(&fields, line_number, &mut problems) {
            rows.push(row);
        }
    }
    if problems.list.is_empty() && rows.len() < MIN_POINTS {
        let message = format!(
            "the file has {} data rows; at least {MIN_POINTS} are needed (one to train on, one to test)",
            rows.len()
        );
        problems.push(0, 0, message);
    }
    if !problems.list.is_empty() {
        return Err(CsvError {
            problems: problems.list,
            more: problems.more,
        });
    }
    Ok(to_data(&rows))
}

fn too_many() -> String {
    format!(
        "more than {} data rows; at most {} are read",
        POINTS.end(),
        POINTS.end()
    )
}

/// A first line whose fields are none of them numbers, such as `x1,x2,label`.
fn is_header(fields: &[&str]) -> bool {
    fields.iter().all(|f| f.parse::<f64>().is_err())
}

/// One row's three numbers, or `None` after reporting each bad field.
fn read_row(fields: &[&str], line: usize, problems: &mut Problems) -> Option<[f64; 3]> {
    if fields.len() != 3 {
        let column = (fields.len() + 1).min(4);
        let message = format!(
            "expected 3 comma-separated fields (x1,x2,label), found {}",
            fields.len()
        );
        problems.push(line, if column > 3 { 0 } else { column }, message);
        return None;
    }
    let mut row = [0.0; 3];
    let mut good = true;
    for (column, field) in fields.iter().enumerate() {
        let limit = if column < 2 { DOMAIN } else { VALUE_LIMIT };
        match field.parse::<f64>() {
            Ok(v) if v.is_finite() && v.abs() <= limit => row[column] = v,
            _ => {
                let got = quoted(field);
                let accepts = if column < 2 {
                    format!("a number from -{DOMAIN} to {DOMAIN}")
                } else {
                    format!(
                        "a class from 0 to {} or a value from -{VALUE_LIMIT} to {VALUE_LIMIT}",
                        MAX_CLASSES - 1
                    )
                };
                problems.push(line, column + 1, format!("expected {accepts}, got {got}"));
                good = false;
            }
        }
    }
    good.then_some(row)
}

/// A field for a message, shortened when long.
fn quoted(field: &str) -> String {
    const LONGEST: usize = 24;
    if field.is_empty() {
        return "nothing".into();
    }
    let short: String = field.chars().take(LONGEST).collect();
    let ellipsis = if short.len() < field.len() { "…" } else { "" };
    format!("\"{short}{ellipsis}\"")
}

/// The points, as classes when every label is a whole number 0 … 3.
fn to_data(rows: &[[f64; 3]]) -> CustomData {
    let is_class = |v: f64| v.fract() == 0.0 && (0.0..MAX_CLASSES as f64).contains(&v);
    let classes = if rows.iter().all(|r| is_class(r[2])) {
        rows.iter()
            .map(|r| r[2] as usize + 1)
            .max()
            .unwrap_or(2)
            .max(2)
    } else {
        0
    };
    let mut data = assemble(classes, Vec::new());
    for [x1, x2, label] in rows {
        // Every field was checked against what `add` accepts.
        let _ = data.add([*x1, *x2], *label);
    }
    data
}
