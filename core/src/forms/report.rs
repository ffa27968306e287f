//! The result of validating a dossier.

use serde::{Deserialize, Serialize};

use crate::{Finding, Severity};

/// Every finding about one dossier, split by severity, in the order the checks ran (applicant,
/// representative, agencies and codes, documents, attachments, events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// True when there is no error (warnings do not make a dossier invalid).
    pub valid: bool,
    /// Findings of severity error.
    pub errors: Vec<Finding>,
    /// Findings of severity warning.
    pub warnings: Vec<Finding>,
}

impl Report {
    /// The report of `findings`, keeping their order within each severity.
    pub fn from_findings(findings: impl IntoIterator<Item = Finding>) -> Self {
        let (errors, warnings): (Vec<_>, Vec<_>) = findings
            .into_iter()
            .partition(|f| f.severity == Severity::Error);
        Self {
            valid: errors.is_empty(),
            errors,
            warnings,
        }
    }
}
