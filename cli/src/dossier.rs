//! `motcua dossier validate DOSSIER.json --procedure PROCEDURE.json`.

use std::io::{self, Write};
use std::path::Path;

use motcua_core::forms;
use motcua_core::model::{Dossier, InputError, Procedure, MAX_INPUT_BYTES};

use crate::args::ValidateArgs;
use crate::failure::Failure;
use crate::files;
use crate::json;
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
                cx.fail_as(out, args.json, &failure)?;
            }
            return Ok(Status::Unusable);
        }
    };
    let report = forms::validate(&dossier, &procedure, cx.today);
    if args.json {
        json::line(out, &report)?;
    } else {
        let text = render::report(&report, &args.dossier, &args.procedure, cx.lang, cx.paint);
        out.write_all(text.as_bytes())?;
    }
    Ok(Status::of(report.valid))
}

/// The document in the file at `path`, parsed by `parse`.
fn load<T>(path: &Path, parse: impl Fn(&str) -> Result<T, InputError>) -> Result<T, Failure> {
    let text = files::read_text(path, MAX_INPUT_BYTES)?;
    parse(&text).map_err(|e| Failure::json(path.to_owned(), &e))
}
