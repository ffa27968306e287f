//! Runs the certificate reader on every certificate and CRL found in the CMS files and the PDF
//! signatures of `../shared/corpus/MANIFEST.tsv` (other projects' signed test files, never copied
//! here) when that folder exists: every DER SEQUENCE inside a signature is offered to
//! `Certificate::from_der` and `Crl::from_der`, which must give a value or a typed error, never a
//! panic. The certificates read are then chained among themselves, each self-signed one standing
//! in as a trust anchor, to exercise chain building, the profile checks and the classification on
//! real certificates.

use motcua_core::signature::certificate::{
    check, classify, Certificate, Crl, Indication, Input, Purpose, RevocationPolicy, Times,
};
use motcua_core::signature::pdf::Document;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

/// Every element of `der` (definite or indefinite lengths, as BER allows) that is a SEQUENCE,
/// outermost first, at most `limit`.
fn sequences<'a>(der: &'a [u8], out: &mut Vec<&'a [u8]>, depth: usize, limit: usize) {
    let mut rest = der;
    while rest.len() >= 2 && out.len() < limit && depth < 64 {
        let tag = rest[0];
        if tag & 0x1f == 0x1f || (tag == 0 && rest[1] == 0) {
            return;
        }
        let first = rest[1];
        let (len, header) = if first < 0x80 {
            (Some(usize::from(first)), 2)
        } else if first == 0x80 {
            (None, 2)
        } else {
            let n = usize::from(first & 0x7f);
            if n > 4 || rest.len() < 2 + n {
                return;
            }
            let len = rest[2..2 + n]
                .iter()
                .fold(0usize, |a, &b| (a << 8) | usize::from(b));
            (Some(len), 2 + n)
        };
        let constructed = tag & 0x20 != 0;
        match len {
            Some(len) if header + len <= rest.len() => {
                let whole = &rest[..header + len];
                if tag == 0x30 {
                    out.push(whole);
                }
                if constructed {
                    sequences(&whole[header..], out, depth + 1, limit);
                } else if tag == 0x04 {
                    // An OCTET STRING may wrap DER (eContent, extension values).
                    sequences(&whole[header..], out, depth + 1, limit);
                }
                rest = &rest[header + len..];
            }
            Some(_) => return,
            None => {
                // Indefinite length: walk what follows as its contents.
                sequences(&rest[header..], out, depth + 1, limit);
                return;
            }
        }
    }
}

#[test]
fn certificates_in_the_corpus_read_as_values_or_typed_errors() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let (mut files, mut certs, mut crls, mut refused, mut anchored) = (0, 0, 0, 0, 0);
    let mut kinds = std::collections::BTreeMap::new();
    for Entry { file, .. } in corpus.entries() {
        let Ok(bytes) = corpus.read(file) else {
            continue;
        };
        let blobs: Vec<Vec<u8>> = if file.ends_with(".pdf") {
            let Ok(doc) = Document::parse(&bytes) else {
                continue;
            };
            let Ok(sigs) = doc.latest().signatures() else {
                continue;
            };
            sigs.fields
                .iter()
                .filter_map(|f| f.signature.as_ref())
                .filter_map(|s| s.contents.as_ref().map(|c| c.bytes.to_vec()))
                .collect()
        } else if file.starts_with("cms/") && !file.ends_with(".content") {
            vec![bytes]
        } else {
            continue;
        };
        files += 1;
        for blob in &blobs {
            let mut seqs = Vec::new();
            sequences(blob, &mut seqs, 0, 20_000);
            let mut found: Vec<Certificate> = Vec::new();
            for s in seqs {
                match Certificate::from_der(s) {
                    Ok(c) => {
                        if !found.iter().any(|f| f.der() == c.der()) {
                            found.push(c);
                        }
                    }
                    Err(_) => refused += 1,
                }
                if Crl::from_der(s).is_ok() {
                    crls += 1;
                }
            }
            certs += found.len();
            let anchors: Vec<Certificate> = found
                .iter()
                .filter(|c| c.is_self_issued())
                .cloned()
                .collect();
            for signer in &found {
                let s = classify(&signer.subject);
                *kinds.entry(format!("{:?}", s.kind)).or_insert(0) += 1;
                let report = check(&Input {
                    signer,
                    embedded: &found,
                    intermediates: &[],
                    trust_anchors: &anchors,
                    crls: &[],
                    ocsp: &[],
                    times: Times::at(signer.not_before + 86_400),
                    purpose: Purpose::DocumentSigning,
                    revocation: RevocationPolicy::Required,
                })
                .expect("within the limits");
                assert!(
                    report.indication != Indication::Passed || report.trust_anchor_reached,
                    "{file}: passed without an anchor"
                );
                if report.trust_anchor_reached {
                    anchored += 1;
                }
            }
        }
    }
    eprintln!(
        "{files} files: {certs} certificates ({anchored} chained to a self-signed one among them), \
         {crls} CRLs, {refused} other SEQUENCEs refused with typed errors; signers {kinds:?}"
    );
    assert!(certs > 0, "the corpus's signatures carry certificates");
}
