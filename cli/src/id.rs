//! `motcua id KIND VALUE...`: checks identifiers, from the command line or standard input.

use std::io::{self, Write};

use motcua_core::ids::{self, IdKind};

use crate::args::IdArgs;
use crate::json;
use crate::lines;
use crate::render;
use crate::status::Status;
use crate::Context;

/// Checks every value of `args`, printing one result per value to `out`.
pub(crate) fn run(args: &IdArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    lines::each_value(&args.values, cx, out, |value, out| {
        check(args.kind, args.json, cx, value, out)
    })
}

/// Checks one value and prints its result.
fn check(
    kind: IdKind,
    json: bool,
    cx: &Context,
    value: &str,
    out: &mut impl Write,
) -> io::Result<Status> {
    let check = ids::check(kind, value, cx.today);
    if json {
        json::line(out, &check)?;
    } else {
        out.write_all(render::id_check(&check, cx.lang, cx.paint).as_bytes())?;
    }
    Ok(Status::of(check.valid))
}
