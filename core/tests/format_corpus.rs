//! The Decree 30 profile's PDF side on every `.pdf` of `../shared/corpus` (other projects'
//! signed test files, never copied here) when that folder exists: gathering the facts of a file
//! the reader accepts gives facts or a typed error, never a panic; every visible signature's
//! appearance is read or reported unreadable with a typed error; the profile runs on the facts.

use motcua_core::signature::format::{
    check, gather, AppearanceState, Decree30Options, FormatVerdict,
};
use motcua_core::signature::pdf::Document;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

#[test]
fn corpus_pdfs_give_facts_or_typed_errors() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let (mut files, mut signatures, mut read, mut unreadable) = (0, 0, 0, 0);
    let (mut composite, mut composite_read) = (0, 0);
    for Entry { file, .. } in corpus.entries() {
        if !file.ends_with(".pdf") {
            continue;
        }
        let Ok(bytes) = corpus.read(file) else {
            continue;
        };
        let Ok(doc) = Document::parse(&bytes) else {
            continue;
        };
        let facts = match gather(&doc) {
            Ok(facts) => facts,
            Err(e) => {
                eprintln!("{file}: facts refused: {e}");
                continue;
            }
        };
        files += 1;
        for s in &facts.signatures {
            signatures += 1;
            match &s.appearance {
                AppearanceState::Read(f) => {
                    read += 1;
                    if f.runs.iter().any(|r| r.composite) {
                        composite += 1;
                        if f.runs.iter().all(|r| !r.composite || !r.text.is_empty()) {
                            composite_read += 1;
                        }
                    }
                }
                AppearanceState::Unreadable(e) => {
                    unreadable += 1;
                    eprintln!("{file} {}: appearance unreadable: {e}", s.field);
                }
                AppearanceState::Invisible | AppearanceState::NoStream => {}
            }
        }
        let report = check(&facts, &Decree30Options::default());
        // Without the certificate stage the signer classes are unknown: never a pass.
        assert_ne!(
            report.verdict,
            FormatVerdict::MachineChecksPassed,
            "{file}: passed without signer classes"
        );
    }
    eprintln!(
        "{files} files, {signatures} signatures: {read} appearances read ({composite} with text \
         in a composite font, {composite_read} of them read through ToUnicode), {unreadable} \
         unreadable"
    );
    assert!(files > 0, "the corpus has readable PDFs");
}
