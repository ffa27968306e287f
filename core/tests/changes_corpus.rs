//! Changes after signing on every `.pdf` of `../shared/corpus/MANIFEST.tsv` (other projects'
//! signed test files, never copied here) when that folder exists.
//!
//! - `modified`: the source project's test asserts a change after signing that is not allowed
//!   (incremental saving attack, shadow attacks, added or removed pages, a rewritten signature
//!   dictionary): some signature must be `disallowed`, or the file refused with a typed error.
//! - `intact`: the source project's test asserts no disallowed change: no signature may be
//!   `disallowed` (later revisions only add signatures, timestamps, validation data, form values
//!   or annotations).
//! - anything else: a verdict or a typed error, never a panic.
//!
//! Where motcua and the source project disagree, the file is listed in [`DIFFERENCES`] with the
//! reason, as spec/signature/changes.md explains.

use motcua_core::signature::changes::{analyse, Modification};
use motcua_core::signature::pdf::Document;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

/// Files whose expectation motcua does not share, and why (spec/signature/changes.md,
/// "Differences from other verifiers").
const DIFFERENCES: &[(&str, &str)] = &[
    (
        "pdf/pyhanko__form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf",
        "Sig2's widget gets a new /AP; the old appearance objects, also named by a private catalog key, are not rewritten, so nothing any revision showed changes; pyHanko refuses an appearance dictionary referenced from elsewhere",
    ),
    (
        "pdf/pyhanko__form-update-ap-indirect-sneaky-trailer.pdf",
        "as above, the old appearance named from the trailer and left unchanged",
    ),
];

#[test]
fn corpus_modifications_are_found_and_intact_files_pass() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for Entry { file, expect, .. } in corpus.entries() {
        if !file.ends_with(".pdf") {
            continue;
        }
        let Ok(bytes) = corpus.read(file) else {
            failures.push(format!("{file}: unreadable"));
            continue;
        };
        let Ok(doc) = Document::parse(&bytes) else {
            continue; // refused by the reader (pdf_corpus.rs checks which)
        };
        checked += 1;
        let result = analyse(&doc);
        let verdicts: Vec<Modification> = match &result {
            Ok(list) => list.iter().map(|s| s.modified_after_signing).collect(),
            Err(e) => {
                eprintln!("{file}: {e}");
                Vec::new()
            }
        };
        eprintln!("{file} ({expect}): {verdicts:?}");
        let disallowed = verdicts.contains(&Modification::Disallowed);
        if let Some((_, why)) = DIFFERENCES.iter().find(|(f, _)| *f == file) {
            eprintln!("{file}: known difference: {why}");
            continue;
        }
        match expect {
            "modified" if !disallowed && result.is_ok() => failures.push(format!(
                "{file}: modified, but no signature is disallowed: {:?}",
                result.map(|l| l.into_iter().map(|s| s.changes).collect::<Vec<_>>())
            )),
            "intact" if disallowed || result.is_err() => failures.push(format!(
                "{file}: intact, but: {:?}",
                result.map(|l| l
                    .into_iter()
                    .flat_map(|s| s.changes)
                    .filter(|c| !c.allowed)
                    .collect::<Vec<_>>())
            )),
            _ => {}
        }
    }
    eprintln!("{checked} corpus PDFs compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
