//! `motcua dossier validate DOSSIER.json --procedure PROCEDURE.json`.

use std::io::{self, Write};
use std::path::Path;

use motcua_core::forms;
use motcua_core::model::{Dossier, InputError, Procedure, MAX_INPUT_BYTES};
use serde::Serialize;

use crate::args::ValidateArgs;
use crate::failure::Failure;
use crate::files;
use crate::render;
use crate::status::Status;
use crate::Context;

/// Validates the dossier against the procedure and prints the report to `out`.
///
/// Both files are read before anything is reported, so that a run names every unreadable file.
pub(crate) fn validate(
    args: &ValidateArgs,
    cx: &Context,
    out: &mut impl Write,
) -> io::Result<Status> {
    let dossier = load(&args.dossier, Dossier::from_json);
    let procedure = load(&args.procedure, Procedure::from_json);
    let (dossier, procedure) = match (dossier, procedure) {
        (Ok(d), Ok(p)) => (d, p),
        (d, p) => {
            for failure in [d.err(), p.err()].into_iter().flatten() {
                if let (true, Some((path, finding))) = (args.json, failure.input_error()) {
                    let line = InputErrorLine {
                        file: &path.display().to_string(),
                        input_error: &finding,
                    };
                    serde_json::to_writer(&mut *out, &line)?;
                    out.write_all(b"\n")?;
                }
                cx.fail(out, &failure);
            }
            return Ok(Status::Unusable);
        }
    };
    let report = forms::validate(&dossier, &procedure, cx.today);
    if args.json {
        serde_json::to_writer(&mut *out, &report)?;
        out.write_all(b"\n")?;
    } else {
        let text = render::report(&report, &args.dossier, &args.procedure, cx.lang, cx.paint);
        out.write_all(text.as_bytes())?;
    }
    Ok(Status::of(report.valid))
}

/// The JSON line printed with `--json` for a file that is not the expected JSON document.
#[derive(Serialize)]
struct InputErrorLine<'a> {
    file: &'a str,
    input_error: &'a motcua_core::Finding,
}

/// The document in the file at `path`, parsed by `parse`.
fn load<T>(path: &Path, parse: impl Fn(&str) -> Result<T, InputError>) -> Result<T, Failure> {
    let text = files::read_text(path, MAX_INPUT_BYTES)?;
    parse(&text).map_err(|e| Failure::json(path.to_owned(), &e))
}
