//! The exit status: 0 when everything checked is valid, 1 when something is invalid, 2 when the
//! command line is wrong or an input could not be read (clap exits 2 on usage errors itself).

use std::process::ExitCode;

/// The outcome of a run; a later outcome never lowers an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Everything checked is valid.
    Valid,
    /// At least one value or dossier is invalid.
    Invalid,
    /// Some input could not be read, or output could not be written.
    Unusable,
}

impl Status {
    /// `Valid` when `valid`, else `Invalid`.
    pub(crate) fn of(valid: bool) -> Self {
        if valid {
            Status::Valid
        } else {
            Status::Invalid
        }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        ExitCode::from(match status {
            Status::Valid => 0,
            Status::Invalid => 1,
            Status::Unusable => 2,
        })
    }
}
