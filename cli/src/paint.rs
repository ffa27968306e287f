//! Colour on a terminal: what passes in green, what fails in red, warnings and undecided verdicts
//! in yellow, and the prefix of error messages in bold red.
//!
//! Whether a stream is coloured follows `--color`: `always`, `never`, or `auto` (the default),
//! which applies anstream's rules, the ones clap applies to its own help: never when `NO_COLOR`
//! is set (<https://no-color.org>) or `CLICOLOR=0`, always when `CLICOLOR_FORCE` is set, and
//! otherwise only when the stream is a terminal and `TERM` is set and not `dumb` (or `CI` is
//! set). Unpainted text carries no escape code at all: nothing is stripped afterwards.

use std::ffi::OsString;
use std::fmt;

use anstream::stream::RawStream;
use anstream::{AutoStream, ColorChoice};
use anstyle::{AnsiColor, Style};
use clap::ValueEnum;

use crate::args::ColorArg;

/// Sets the colour choice of the whole run: clap's help and usage errors, and [`Paint::of`].
pub(crate) fn choose(color: ColorArg) {
    ColorChoice::write_global(match color {
        ColorArg::Auto => ColorChoice::Auto,
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
    });
}

/// The last `--color WHEN` or `--color=WHEN` of the command line `args` (program name first), read
/// before clap parses it so that clap's own help and usage errors follow it too. Arguments after
/// `--` are values, not options.
pub(crate) fn early_choice(args: impl IntoIterator<Item = OsString>) -> Option<ColorArg> {
    let mut args = args.into_iter().skip(1);
    let mut found = None;
    while let Some(arg) = args.next() {
        let value = match arg.to_str() {
            Some("--") => break,
            Some("--color") => args.next(),
            Some(text) => text.strip_prefix("--color=").map(OsString::from),
            None => None,
        };
        if let Some(when) = value.as_deref().and_then(|v| v.to_str()) {
            found = ColorArg::from_str(when, false).ok().or(found);
        }
    }
    found
}

const PASS: Style = AnsiColor::Green.on_default();
const FAIL: Style = AnsiColor::Red.on_default();
const WARN: Style = AnsiColor::Yellow.on_default();
const FATAL: Style = AnsiColor::Red.on_default().bold();

/// Whether one output stream is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paint {
    on: bool,
}

impl Paint {
    /// No colour.
    #[cfg(test)]
    pub(crate) const PLAIN: Paint = Paint { on: false };

    /// The paint of `stream` under the run's colour choice (see [`choose`]).
    pub(crate) fn of(stream: &impl RawStream) -> Self {
        Paint {
            on: AutoStream::choice(stream) != ColorChoice::Never,
        }
    }

    /// `text` of something that passes or is valid.
    pub(crate) fn pass(self, text: &str) -> Painted<'_> {
        self.with(PASS, text)
    }

    /// `text` of something that fails or is invalid.
    pub(crate) fn fail(self, text: &str) -> Painted<'_> {
        self.with(FAIL, text)
    }

    /// `text` of a warning, or of a verdict neither passed nor failed.
    pub(crate) fn warn(self, text: &str) -> Painted<'_> {
        self.with(WARN, text)
    }

    /// `text` as [`Paint::pass`] when `passes`, else as [`Paint::fail`].
    pub(crate) fn verdict(self, passes: bool, text: &str) -> Painted<'_> {
        if passes {
            self.pass(text)
        } else {
            self.fail(text)
        }
    }

    /// The prefix of a message that stops the run.
    pub(crate) fn fatal(self, text: &str) -> Painted<'_> {
        self.with(FATAL, text)
    }

    fn with(self, style: Style, text: &str) -> Painted<'_> {
        Painted {
            style: self.on.then_some(style),
            text,
        }
    }
}

/// Text with its style, written with the escape codes around it when its stream is coloured.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Painted<'a> {
    style: Option<Style>,
    text: &'a str,
}

impl fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.style {
            Some(style) => write!(f, "{style}{}{style:#}", self.text),
            None => f.write_str(self.text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_last_color_option_before_a_double_dash_counts() {
        let early = |list: &[&str]| early_choice(args(list));
        assert_eq!(early(&["motcua", "id", "phone", "1"]), None);
        assert_eq!(
            early(&["motcua", "--color", "never", "id"]),
            Some(ColorArg::Never)
        );
        assert_eq!(
            early(&["motcua", "--color=always", "id", "--color", "never"]),
            Some(ColorArg::Never)
        );
        assert_eq!(
            early(&["motcua", "--color=always", "id", "--", "--color=never"]),
            Some(ColorArg::Always)
        );
        assert_eq!(early(&["motcua", "--color", "purple"]), None);
    }

    #[test]
    fn painted_text_is_wrapped_in_escape_codes_only_when_on() {
        assert_eq!(Paint::PLAIN.fail("✗").to_string(), "✗");
        let on = Paint { on: true };
        assert_eq!(on.pass("✓").to_string(), "\u{1b}[32m✓\u{1b}[0m");
        assert_eq!(
            on.fatal("lỗi").to_string(),
            "\u{1b}[1m\u{1b}[31mlỗi\u{1b}[0m"
        );
    }
}
