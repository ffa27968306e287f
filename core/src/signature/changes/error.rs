//! Why the changes after signing could not be computed: the PDF could not be read as of a
//! revision, or comparing the revisions would cost more than the stage allows on a hostile file.

use crate::finding::Diagnostic;
use crate::signature::pdf::PdfError;

/// The comparison of revisions refused. No verdict on the changes can be given; a verifier must
/// not report the signature as unmodified (spec/signature/changes.md).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangesError {
    /// The PDF reader refused an object or structure needed for the comparison.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// Comparing the revisions would visit more than [`super::MAX_WORK`] values (objects loaded
    /// and walked over all the revisions compared): the file is refused rather than read for an
    /// unbounded time.
    #[error("comparing the revisions needs more than {limit} steps")]
    TooMuchWork {
        /// The limit.
        limit: usize,
    },
    /// One revision's object graph has more than [`super::MAX_GRAPH_OBJECTS`] objects reachable
    /// from its catalog.
    #[error("a revision has more than {limit} reachable objects")]
    TooManyObjects {
        /// The limit.
        limit: usize,
    },
}

impl Diagnostic for ChangesError {
    fn code(&self) -> &'static str {
        match self {
            Self::Pdf(e) => e.code(),
            Self::TooMuchWork { .. } => "changes.too_much_work",
            Self::TooManyObjects { .. } => "changes.too_many_objects",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Pdf(e) => e.args(),
            Self::TooMuchWork { limit } | Self::TooManyObjects { limit } => {
                vec![("limit", limit.to_string())]
            }
        }
    }
}
