//! Runs the PDF reader on every `.pdf` of `../shared/corpus/MANIFEST.tsv` (the shared corpus of
//! other projects' signed test files, never copied into this repository) when that folder exists.
//!
//! Every file whose expectation is not `broken-structure` must parse, and must show at least the
//! number of signatures (`N sig`/`N sigs`, plus document timestamps) and revisions (`N
//! incremental`) its notes column states. A `broken-structure` file must give a document or a
//! typed error, never a panic.

use std::path::Path;

use motcua_core::signature::pdf::{Document, SignatureKind};

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

/// The leading number of the word before `marker` in `notes` ("2 sigs" → 2), if any.
fn count_before(notes: &str, markers: &[&str]) -> Option<usize> {
    let words: Vec<&str> = notes.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let word = w[1].trim_end_matches([',', ';', ')', ':']);
        if markers.contains(&word) {
            w[0].trim_start_matches(['(', '~']).parse().ok()
        } else {
            None
        }
    })
}

#[test]
fn corpus_pdfs_parse_and_show_their_signatures() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for Entry {
        file,
        expect,
        notes,
    } in corpus.entries()
    {
        if !file.ends_with(".pdf") {
            continue;
        }
        let Ok(bytes) = corpus.read(file) else {
            failures.push(format!("{file}: unreadable"));
            continue;
        };
        checked += 1;
        let doc = match Document::parse(&bytes) {
            Ok(doc) => doc,
            Err(e) if expect == "broken-structure" => {
                eprintln!("{file}: refused as expected for a broken file: {e}");
                continue;
            }
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        let sigs = match doc.latest().signatures() {
            Ok(s) => s,
            Err(e) if expect == "broken-structure" => {
                eprintln!("{file}: signatures refused as expected for a broken file: {e}");
                continue;
            }
            Err(e) => {
                failures.push(format!("{file}: signatures: {e}"));
                continue;
            }
        };
        let signed: Vec<_> = sigs
            .fields
            .iter()
            .filter_map(|f| f.signature.as_ref())
            .collect();
        let plain = signed
            .iter()
            .filter(|s| s.kind == SignatureKind::Signature)
            .count();
        eprintln!(
            "{file}: {} revisions, {plain} signatures, {} document timestamps, tail {:?}",
            doc.revisions().len(),
            signed.len() - plain,
            doc.tail()
        );
        // In a file every tool agrees is intact, each signed range ends where a revision ends
        // (the end of its %%EOF line), and the gap is exactly the /Contents string.
        if expect == "intact" {
            for sig in &signed {
                let ends: Vec<usize> = doc.revisions().iter().map(|r| r.end).collect();
                let (Some(br), Some(span)) = (
                    sig.byte_range.as_deref(),
                    sig.contents.as_ref().and_then(|c| c.span.clone()),
                ) else {
                    failures.push(format!(
                        "{file}: a signature without /ByteRange or /Contents"
                    ));
                    continue;
                };
                let [a, b, c, d] = br else {
                    failures.push(format!("{file}: /ByteRange {br:?}"));
                    continue;
                };
                let end = usize::try_from(c + d).unwrap_or(0);
                let gap = usize::try_from(a + b).unwrap_or(0)..usize::try_from(*c).unwrap_or(0);
                if !ends.contains(&end) || gap != span {
                    failures.push(format!(
                        "{file}: /ByteRange {br:?} vs revision ends {ends:?}, /Contents at {span:?}"
                    ));
                }
            }
        }
        if let Some(n) = count_before(notes, &["sig", "sigs"]) {
            if plain < n && expect != "broken-structure" {
                failures.push(format!("{file}: {plain} signatures, notes say {n}"));
            }
        }
        if let Some(n) = count_before(notes, &["incremental"]) {
            if signed.len() < n || doc.revisions().len() < n {
                failures.push(format!(
                    "{file}: {} signatures and {} revisions, notes say {n} incremental",
                    signed.len(),
                    doc.revisions().len()
                ));
            }
        }
        if let Some(n) = count_before(notes, &["document"]) {
            let stamps = signed.len() - plain;
            if stamps < n && expect != "broken-structure" {
                failures.push(format!(
                    "{file}: {stamps} document timestamps, notes say {n}"
                ));
            }
        }
    }
    eprintln!("checked {checked} corpus PDFs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn counts_are_read_from_the_notes() {
    assert_eq!(count_before("2 sigs ETSI.CAdES", &["sig", "sigs"]), Some(2));
    assert_eq!(
        count_before("~1 MB; 24 incremental ETSI", &["incremental"]),
        Some(24)
    );
    assert_eq!(count_before("no regular signature", &["sig", "sigs"]), None);
}

/// The fuzz target's seeds (hand-written, `fuzz/seeds/pdf_reader/`) are valid documents, so that
/// short fuzz runs start from the structures the reader must handle.
#[test]
fn fuzz_seeds_are_valid_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/pdf_reader");
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let classic = read("classic-signed-twice.pdf");
    let doc = Document::parse(&classic).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.revisions().len(), 2);
    let sigs = doc.latest().signatures().unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<_> = sigs
        .fields
        .iter()
        .filter_map(|f| f.signature.as_ref().map(|s| s.kind))
        .collect();
    assert_eq!(
        kinds,
        [SignatureKind::Signature, SignatureKind::DocTimeStamp]
    );
    let streams = read("xref-stream-objstm.pdf");
    let doc = Document::parse(&streams).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.latest().pages().map(|p| p.len()), Ok(1));
}
