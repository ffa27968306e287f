//! The generator is deterministic and its manifest names every file once.

use std::collections::BTreeSet;

#[test]
fn two_runs_give_the_same_bytes() {
    let a = motcua_forge::fixtures().expect("first run");
    let b = motcua_forge::fixtures().expect("second run");
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file, y.file);
        assert!(x.bytes == y.bytes, "{} differs between runs", x.file);
    }
}

#[test]
fn every_fixture_has_a_unique_name_and_a_reasoned_verdict() {
    let set = motcua_forge::fixtures().expect("fixtures");
    let names: BTreeSet<&str> = set.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(names.len(), set.len(), "duplicate file names");
    for f in &set {
        assert!(!f.why.is_empty() && !f.what.is_empty(), "{}", f.file);
        assert!(!f.expect.signatures.is_empty(), "{}", f.file);
        for s in &f.expect.signatures {
            assert_eq!(
                s.indication == "TOTAL_PASSED",
                s.sub_indication.is_none()
                    && s.modified_after_signing != "disallowed"
                    && s.integrity == "intact",
                "{}",
                f.file
            );
        }
    }
}

#[test]
fn a_signed_pdf_ends_its_byte_range_at_the_end_of_the_file() {
    let set = motcua_forge::fixtures().expect("fixtures");
    let f = set
        .iter()
        .find(|f| f.file == "pades_rsa_sha256.pdf")
        .expect("valid fixture");
    let text = String::from_utf8_lossy(&f.bytes);
    let at = text.find("/ByteRange [").expect("byte range") + "/ByteRange [".len();
    let numbers: Vec<usize> = text[at..]
        .split(']')
        .next()
        .expect("]")
        .split_whitespace()
        .map(|n| n.parse().expect("number"))
        .collect();
    assert_eq!(numbers[0], 0);
    assert_eq!(numbers[2] + numbers[3], f.bytes.len());
    assert_eq!(f.bytes[numbers[1]], b'<');
    assert_eq!(f.bytes[numbers[2] - 1], b'>');
}
