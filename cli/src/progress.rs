//! A progress bar on standard error for bulk work: `motcua verify` over many files, and the
//! reading and replaying of a long lifecycle log.
//!
//! The bar is for a person: it is drawn only when standard error is a terminal and, with
//! `--json`, standard output too (JSON going into a pipe or a file is for a program, which wants
//! nothing but the JSON). Otherwise it is indicatif's hidden bar, which draws nothing at all. It
//! never writes to standard output, it redraws at most 20 times a second, it is erased when the
//! work is done, and [`Progress::suspend`] takes it off the screen while results and messages are
//! written.

use std::io::{self, IsTerminal, Read};
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often an otherwise idle bar is redrawn, so that the spinner and the elapsed time move
/// while one long step runs.
const TICK: Duration = Duration::from_millis(120);

/// A bar counting things: the files verified so far of all files.
const ITEMS: &str = "{spinner} {prefix} {pos}/{len} [{bar:30}] {elapsed} {wide_msg}";
/// A bar counting bytes: the bytes of a file read so far.
const BYTES: &str = "{spinner} {prefix} [{bar:30}] {bytes}/{total_bytes} {elapsed} {wide_msg}";
/// One long step whose length is not known: a spinner and the time elapsed.
const WORKING: &str = "{spinner} {prefix} {elapsed} {wide_msg}";

/// The progress of one run, drawn on standard error or hidden; erased when dropped.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: ProgressBar,
    /// Whether the bar is drawn, from its first style on.
    shown: bool,
}

impl Progress {
    /// A bar drawn when a person is watching: standard error is a terminal and, when `json`,
    /// standard output too.
    pub(crate) fn for_person(json: bool) -> Self {
        Self::shown_if(io::stderr().is_terminal() && (!json || io::stdout().is_terminal()))
    }

    /// A bar that draws nothing.
    pub(crate) fn hidden() -> Self {
        Self::shown_if(false)
    }

    fn shown_if(shown: bool) -> Self {
        Self {
            bar: ProgressBar::hidden(),
            shown,
        }
    }

    /// Counts `total` things, the work named `what`.
    pub(crate) fn count(&self, what: &'static str, total: usize) {
        self.bar
            .set_length(u64::try_from(total).unwrap_or(u64::MAX));
        self.restyle(ITEMS, what);
    }

    /// `reader` of `total` bytes, counting what is read from it, the work named `what`.
    pub(crate) fn reading<R: Read>(&self, what: &'static str, total: u64, reader: R) -> impl Read {
        self.bar.set_length(total);
        self.restyle(BYTES, what);
        self.bar.wrap_read(reader)
    }

    /// One long step, named `what`, whose end cannot be told in advance.
    pub(crate) fn working(&self, what: &'static str) {
        self.restyle(WORKING, what);
    }

    /// The file being worked on now; its name is quoted and escaped, since it is untrusted text.
    pub(crate) fn now_on(&self, path: &Path) {
        self.bar
            .set_message(format!("{:?}", path.display().to_string()));
    }

    /// One more thing done.
    pub(crate) fn done_one(&self) {
        self.bar.inc(1);
    }

    /// Runs `f` with the bar off the screen, so that what `f` writes to standard output or
    /// standard error is not mixed with it.
    pub(crate) fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        self.bar.suspend(f)
    }

    fn restyle(&self, template: &str, what: &'static str) {
        // The templates are constants; the default style is only a fallback that cannot be hit.
        let style =
            ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        self.bar.set_style(style.progress_chars("=> "));
        self.bar.set_prefix(what);
        self.bar.set_position(0);
        if self.shown && self.bar.is_hidden() {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(TICK);
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_are_valid() {
        for template in [ITEMS, BYTES, WORKING] {
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
        }
    }

    #[test]
    fn a_hidden_bar_reads_every_byte() {
        let progress = Progress::hidden();
        let mut text = String::new();
        progress
            .reading("reading", 5, &b"hello"[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "hello");
        assert!(progress.bar.is_hidden());
        assert_eq!(progress.suspend(|| 7), 7);
    }
}
