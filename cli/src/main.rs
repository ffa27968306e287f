//! The `motcua` command: checks identifiers and dossiers of Vietnamese one-stop-shop systems,
//! counts their time limits on the Vietnamese calendar, replays their lifecycle logs, and
//! verifies signed documents.
//!
//! The CLI only translates between the shell and `motcua-core`: it reads files and standard
//! input, decides what "today" is, prints results, and maps them to an exit status. Every rule,
//! code and finding message comes from the core.

mod args;
mod calendar;
mod dossier;
mod failure;
mod files;
mod graphviz;
mod id;
mod info;
mod json;
mod labels;
mod lifecycle;
mod lines;
mod paint;
mod progress;
mod render;
mod status;
mod today;
mod verify;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::SystemTime;

use clap::Parser;
use motcua_core::{Date, Lang};

use crate::args::{CalendarCommand, Cli, Command, DossierCommand, LifecycleCommand};
use crate::failure::Failure;
use crate::paint::Paint;
use crate::status::Status;

/// What every command needs besides its own arguments.
#[derive(Debug)]
pub(crate) struct Context {
    /// Language of human output and of messages on standard error.
    pub(crate) lang: Lang,
    /// The date rules take as today.
    pub(crate) today: Date,
    /// Colours of standard output.
    pub(crate) paint: Paint,
    /// Colours of standard error.
    pub(crate) err_paint: Paint,
}

impl Context {
    /// Reports `failure` as [`Context::fail`] does, after printing its JSON line on `out` when
    /// `json` and the failure is about an input file the core refused.
    pub(crate) fn fail_as(
        &self,
        out: &mut impl Write,
        json: bool,
        failure: &Failure,
    ) -> io::Result<Status> {
        if let (true, Some(line)) = (json, failure.input_error_line()) {
            json::line(out, &line)?;
        }
        Ok(self.fail(out, failure))
    }

    /// Reports `failure` on standard error, after what was printed so far, and returns the
    /// status it causes.
    pub(crate) fn fail(&self, out: &mut impl Write, failure: &Failure) -> Status {
        // Keep stdout and stderr in order on a terminal. A failing stdout is reported at the end.
        let _ = out.flush();
        let _ = writeln!(
            io::stderr(),
            "{}",
            failure.message(self.lang, self.err_paint)
        );
        Status::Unusable
    }
}

fn main() -> ExitCode {
    if let Some(color) = paint::early_choice(std::env::args_os()) {
        paint::choose(color);
    }
    let cli = Cli::parse();
    paint::choose(cli.color);
    let lang = Lang::from(cli.lang);
    let stdout = io::stdout();
    let paint = Paint::of(&stdout);
    let err_paint = Paint::of(&io::stderr());
    let mut out = BufWriter::new(stdout.lock());
    let Some(today) = cli.today.or_else(|| today::in_vietnam(SystemTime::now())) else {
        let _ = writeln!(
            io::stderr(),
            "{}",
            Failure::NoClock.message(lang, err_paint)
        );
        return Status::Unusable.into();
    };
    let cx = Context {
        lang,
        today,
        paint,
        err_paint,
    };
    let result = match &cli.command {
        Command::Id(args) => id::run(args, &cx, &mut out),
        Command::Dossier(DossierCommand::Validate(args)) => dossier::validate(args, &cx, &mut out),
        Command::Calendar(CalendarCommand::Lunar(args)) => calendar::lunar(args, &cx, &mut out),
        Command::Calendar(CalendarCommand::Solar(args)) => calendar::solar(args, &cx, &mut out),
        Command::Calendar(CalendarCommand::Holidays(args)) => {
            calendar::holidays(args, &cx, &mut out)
        }
        Command::Calendar(CalendarCommand::Due(args)) => calendar::due(args, &cx, &mut out),
        Command::Lifecycle(LifecycleCommand::Replay(args)) => {
            lifecycle::replay(args, &cx, &mut out)
        }
        Command::Lifecycle(LifecycleCommand::Status(args)) => {
            lifecycle::status(args, &cx, &mut out)
        }
        Command::Lifecycle(LifecycleCommand::Table(args)) => lifecycle::table(args, &cx, &mut out),
        Command::Lifecycle(LifecycleCommand::Diagram(args)) => {
            lifecycle::diagram(args, &cx, &mut out)
        }
        Command::Lifecycle(LifecycleCommand::Paths(args)) => lifecycle::paths(args, &cx, &mut out),
        Command::Lifecycle(LifecycleCommand::Kpi(args)) => lifecycle::kpi(args, &cx, &mut out),
        Command::Verify(args) => verify::run(args, &cx, &mut out),
    };
    match result.and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => status.into(),
        // The reader went away (`motcua id … | head`): nothing more to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Status::Unusable.into(),
        Err(e) => {
            let _ = writeln!(
                io::stderr(),
                "{}",
                Failure::Stdout(e).message(lang, err_paint)
            );
            Status::Unusable.into()
        }
    }
}
