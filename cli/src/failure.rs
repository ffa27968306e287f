//! What stops the CLI from reaching a verdict: unreadable input. Each failure is reported on
//! standard error, in the chosen language, and makes the exit status 2.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use motcua_core::model::InputError;
use motcua_core::{Finding, Lang};
use serde::Serialize;

use crate::files::FileError;
use crate::graphviz::{self, GraphvizError};
use crate::labels::{fill, Labels};
use crate::lines::MAX_LINE_BYTES;
use crate::paint::Paint;
use crate::render;

/// An input the CLI could not use.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    /// A file could not be read as text.
    #[error(transparent)]
    File(#[from] FileError),
    /// A file is text but not the expected JSON document.
    #[error("{path}: {}", .finding.en)]
    Json {
        /// The file.
        path: PathBuf,
        /// The core's finding (`input.*`, or `model.*` for a procedure that cannot be applied);
        /// boxed to keep results small.
        finding: Box<Finding>,
    },
    /// A log file cannot be replayed: a line is not a log event, or a bound is passed.
    #[error("{path}: {}", .finding.en)]
    Log {
        /// The file.
        path: PathBuf,
        /// The line, when the error is about one.
        line: Option<usize>,
        /// The core's finding (`input.*` about the line, `lifecycle.*` for a bound); boxed.
        finding: Box<Finding>,
    },
    /// A file is not a signed document the core can verify (neither PDF nor CMS, a PDF whose
    /// structure is refused), or a certificate or CRL given in options cannot be read.
    #[error("{path}: {}", .finding.en)]
    Signature {
        /// The file.
        path: PathBuf,
        /// The core's finding (`verify.*`, `pdf.*`, `certificate.*`); boxed.
        finding: Box<Finding>,
    },
    /// `-` was given more than once.
    #[error("`-` given more than once")]
    StdinTwice,
    /// A line of standard input is longer than the limit.
    #[error("standard input, line {line}: longer than {MAX_LINE_BYTES} bytes")]
    LineTooLong {
        /// 1-based line number.
        line: usize,
    },
    /// A line of standard input is not UTF-8.
    #[error("standard input, line {line}: not UTF-8")]
    LineNotUtf8 {
        /// 1-based line number.
        line: usize,
    },
    /// Reading standard input failed.
    #[error("standard input: {0}")]
    Stdin(io::Error),
    /// Writing standard output failed.
    #[error("standard output: {0}")]
    Stdout(io::Error),
    /// A calendar computation of the core failed (out of range, no such lunar day, …), or its
    /// input is not a date.
    #[error("{}", .0.en)]
    Calendar(Box<Finding>),
    /// An SVG drawing could not be made with Graphviz.
    #[error(transparent)]
    Graphviz(#[from] GraphvizError),
    /// The system clock is outside the dates the core handles.
    #[error("no usable system clock")]
    NoClock,
}

impl Failure {
    /// The core's input error about the file at `path`.
    pub(crate) fn json(path: PathBuf, error: &InputError) -> Self {
        Failure::Json {
            path,
            finding: Box::new(error.to_finding()),
        }
    }

    /// The failure as printed on standard output with `--json`, when it is about an input file
    /// the core refused: the file is not the JSON document expected (`input.*`), a procedure
    /// cannot be applied (`model.*`), a log line cannot be replayed, or a file is not a signed
    /// document the core can verify.
    pub(crate) fn input_error_line(&self) -> Option<InputErrorLine<'_>> {
        let (path, line, finding) = match self {
            Failure::Json { path, finding } | Failure::Signature { path, finding } => {
                (path, None, Cow::Borrowed(&**finding))
            }
            Failure::Log {
                path,
                line,
                finding,
            } => (path, *line, Cow::Borrowed(&**finding)),
            Failure::File(FileError::TooLarge { path, size, limit }) => {
                let too_large = InputError::TooLarge {
                    size: *size,
                    limit: *limit,
                };
                (path, None, Cow::Owned(too_large.to_finding()))
            }
            _ => return None,
        };
        Some(InputErrorLine {
            file: path.display().to_string(),
            line,
            input_error: finding,
        })
    }

    /// The message for standard error, in `lang`, without a line ending; its prefix painted
    /// with `paint`.
    pub(crate) fn message(&self, lang: Lang, paint: Paint) -> String {
        let l = Labels::of(lang);
        let what = match self {
            Failure::File(FileError::NotFound { path }) => {
                format!("{}: {}", shown(path), l.not_found)
            }
            Failure::File(FileError::Unreadable { path, source }) => {
                format!("{}: {} ({source})", shown(path), l.unreadable)
            }
            Failure::File(FileError::NotUtf8 { path, line, offset }) => {
                format!(
                    "{}: {} ({} {line}, {} {offset})",
                    shown(path),
                    l.not_utf8,
                    l.line,
                    l.byte_offset
                )
            }
            Failure::File(FileError::TooLarge { path, .. }) | Failure::Json { path, .. } => {
                let mut text = format!("{}: ", shown(path));
                if let Some(line) = self.input_error_line() {
                    render::located(&mut text, &line.input_error, lang);
                }
                text
            }
            Failure::Signature { path, finding } => {
                let mut text = format!("{}: ", shown(path));
                render::located(&mut text, finding, lang);
                text
            }
            Failure::Log {
                path,
                line,
                finding,
            } => {
                let mut text = shown(path);
                if let Some(line) = line {
                    text.push_str(&format!(", {} {line}", l.line));
                }
                text.push_str(": ");
                render::located(&mut text, finding, lang);
                text
            }
            Failure::Calendar(finding) => {
                let mut text = String::new();
                render::located(&mut text, finding, lang);
                text
            }
            Failure::StdinTwice => l.stdin_twice.to_owned(),
            Failure::LineTooLong { line } => {
                format!(
                    "{}, {} {line}: {} ({} {MAX_LINE_BYTES} {})",
                    l.stdin, l.line, l.line_too_long, l.at_most, l.bytes
                )
            }
            Failure::LineNotUtf8 { line } => {
                format!("{}, {} {line}: {}", l.stdin, l.line, l.not_utf8)
            }
            Failure::Stdin(e) => format!("{}: {e}", l.stdin_failed),
            Failure::Stdout(e) => format!("{}: {e}", l.stdout_failed),
            Failure::Graphviz(GraphvizError::NotInstalled) => fill(
                l.lifecycle.no_graphviz,
                &[graphviz::PACKAGE, graphviz::PACKAGE],
            ),
            Failure::Graphviz(GraphvizError::Unrunnable { program, source }) => format!(
                "{}: {} ({source})",
                shown(program),
                l.lifecycle.graphviz_unrunnable
            ),
            Failure::Graphviz(GraphvizError::Failed {
                program,
                status,
                stderr,
            }) => format!(
                "{}: {}: {:?}",
                shown(program),
                fill(l.lifecycle.graphviz_failed, &[&status.to_string()]),
                stderr
            ),
            Failure::NoClock => l.no_clock.to_owned(),
        };
        format!("{}: {what}", paint.fatal(l.fatal))
    }
}

/// A failure about an input file, as printed on standard output with `--json`.
#[derive(Debug, Serialize)]
pub(crate) struct InputErrorLine<'a> {
    /// The file.
    file: String,
    /// The line of a log the failure is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// The core's finding.
    input_error: Cow<'a, Finding>,
}

/// A file name as printed: quoted and escaped, since it is untrusted text.
fn shown(path: &Path) -> String {
    format!("{:?}", path.display().to_string())
}
