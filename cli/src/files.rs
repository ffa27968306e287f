//! Reading an input file as UTF-8 text, with a size bound.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::progress::Progress;

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FileError {
    /// The file does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The file exists but reading it failed (permissions, a directory, an I/O error).
    #[error("{path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file is larger than the limit.
    #[error("{path}: {size} bytes, more than {limit}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least `limit + 1` when the size is not known in advance).
        size: usize,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 at line {line}, byte {offset}")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 0-based offset of that byte in the file.
        offset: usize,
    },
}

/// The text of the file at `path`, if it is UTF-8 and at most `limit` bytes long. A UTF-8 byte
/// order mark at the start is dropped.
pub(crate) fn read_text(path: &Path, limit: usize) -> Result<String, FileError> {
    read_text_shown(path, limit, &Progress::hidden(), "")
}

/// [`read_text`], with the bytes read counted on `progress` as the work named `what`.
pub(crate) fn read_text_shown(
    path: &Path,
    limit: usize,
    progress: &Progress,
    what: &'static str,
) -> Result<String, FileError> {
    let unreadable = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => FileError::NotFound {
            path: path.to_owned(),
        },
        _ => FileError::Unreadable {
            path: path.to_owned(),
            source,
        },
    };
    let file = File::open(path).map_err(unreadable)?;
    let known_size = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
    let mut bytes = Vec::new();
    // Read one byte past the limit to tell "exactly the limit" from "too large".
    let bound = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let total = u64::try_from(known_size).unwrap_or(u64::MAX);
    let reader = progress.reading(what, total, file);
    progress.now_on(path);
    reader
        .take(bound)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > limit {
        let size = known_size.max(bytes.len());
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        FileError::NotUtf8 {
            path: path.to_owned(),
            line,
            offset,
        }
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}
