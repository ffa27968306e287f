//! `motcua id KIND VALUE...`: checks identifiers, from the command line or standard input.

use std::io::{self, IsTerminal, Write};

use motcua_core::ids::{self, IdKind};

use crate::args::IdArgs;
use crate::failure::Failure;
use crate::lines::{Line, Lines};
use crate::render;
use crate::status::Status;
use crate::Context;

/// The value that stands for "one value per line from standard input".
const FROM_STDIN: &str = "-";

/// Checks every value of `args`, printing one result per value to `out`.
pub(crate) fn run(args: &IdArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    if args.values.iter().filter(|v| *v == FROM_STDIN).count() > 1 {
        return Ok(cx.fail(out, &Failure::StdinTwice));
    }
    let printer = Printer {
        kind: args.kind,
        json: args.json,
        cx,
    };
    let mut status = Status::Valid;
    for value in &args.values {
        let outcome = if value == FROM_STDIN {
            printer.stdin(out)?
        } else {
            printer.value(value, out)?
        };
        status = status.max(outcome);
    }
    Ok(status)
}

struct Printer<'a> {
    kind: IdKind,
    json: bool,
    cx: &'a Context,
}

impl Printer<'_> {
    /// Checks one value and prints its result.
    fn value(&self, value: &str, out: &mut impl Write) -> io::Result<Status> {
        let check = ids::check(self.kind, value, self.cx.today);
        if self.json {
            serde_json::to_writer(&mut *out, &check)?;
            out.write_all(b"\n")?;
        } else {
            out.write_all(render::id_check(&check, self.cx.lang).as_bytes())?;
        }
        Ok(Status::of(check.valid))
    }

    /// Checks each non-blank line of standard input, streaming. A line that is too long or not
    /// UTF-8 is reported and skipped; the run then ends with status 2.
    fn stdin(&self, out: &mut impl Write) -> io::Result<Status> {
        let stdin = io::stdin();
        // Someone typing values expects each answer at once; a pipe gets buffered output.
        let interactive = stdin.is_terminal() || io::stdout().is_terminal();
        let mut status = Status::Valid;
        for line in Lines::new(stdin.lock()) {
            let outcome = match line {
                Ok((_, Line::Value(value))) => self.value(&value, out)?,
                Ok((line, Line::TooLong)) => self.cx.fail(out, &Failure::LineTooLong { line }),
                Ok((line, Line::NotUtf8)) => self.cx.fail(out, &Failure::LineNotUtf8 { line }),
                Err(e) => return Ok(self.cx.fail(out, &Failure::Stdin(e))),
            };
            status = status.max(outcome);
            if interactive {
                out.flush()?;
            }
        }
        Ok(status)
    }
}
