//! The shared corpus (`../shared/corpus`): other projects' signed files with the verdicts their
//! own tests assert, listed in its `MANIFEST.tsv`. The corpus tests run over it when it is there
//! and skip, saying so, when it is not; its files are read in place, never copied.

use std::path::PathBuf;

/// The corpus folder and its manifest.
pub(crate) struct Corpus {
    root: PathBuf,
    manifest: String,
}

/// One row of the manifest (each corpus test reads the columns it needs, so some go unread in
/// some test binaries).
#[allow(dead_code)]
pub(crate) struct Entry<'a> {
    /// The file below the corpus folder, e.g. `pdf/dss__pades-bes.pdf`.
    pub(crate) file: &'a str,
    /// The verdict the source project asserts (`intact`, `broken`, `modified`, ...).
    pub(crate) expect: &'a str,
    /// What the manifest says of the file.
    pub(crate) notes: &'a str,
}

impl Corpus {
    /// The corpus, or `None` after printing that the test is skipped because it is absent.
    pub(crate) fn open() -> Option<Corpus> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        match std::fs::read_to_string(root.join("MANIFEST.tsv")) {
            Ok(manifest) => Some(Corpus { root, manifest }),
            Err(_) => {
                eprintln!("skipped: no corpus at {}", root.display());
                None
            }
        }
    }

    /// Every row of the manifest (its header and any short row left out).
    pub(crate) fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        self.manifest.lines().skip(1).filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let [file, _, _, _, _, _, expect, notes, ..] = cols[..] else {
                return None;
            };
            Some(Entry {
                file,
                expect,
                notes,
            })
        })
    }

    /// The bytes of `file`.
    pub(crate) fn read(&self, file: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.root.join(file))
    }
}
