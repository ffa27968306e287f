//! Validation of a dossier against its procedure.

mod report;

pub use report::Report;
