//! Changes after signing on the project's signed fixtures (`motcua-forge`, built in memory):
//! every PDF fixture's `modified_after_signing`, signature by signature in the order they were
//! made, is what its manifest entry expects (spec/signature/fixtures.md).

use motcua_core::signature::changes::{analyse, Modification};
use motcua_core::signature::pdf::Document;

fn name(m: Modification) -> &'static str {
    match m {
        Modification::None => "none",
        Modification::Allowed => "allowed",
        Modification::Disallowed => "disallowed",
    }
}

#[test]
fn every_fixture_gets_the_expected_modified_after_signing() {
    let fixtures = motcua_forge::fixtures().expect("fixtures generate");
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in fixtures.iter().filter(|f| f.kind == "pdf") {
        let doc = Document::parse(&f.bytes).expect("fixture parses");
        let got = match analyse(&doc) {
            Ok(g) => g,
            Err(e) => {
                failures.push(format!("{}: {e}", f.file));
                continue;
            }
        };
        let expected: Vec<&str> = f
            .expect
            .signatures
            .iter()
            .map(|s| s.modified_after_signing)
            .collect();
        let actual: Vec<&str> = got.iter().map(|s| name(s.modified_after_signing)).collect();
        if actual != expected {
            failures.push(format!(
                "{}: expected {expected:?}, got {actual:?}: {:?}",
                f.file,
                got.iter().map(|s| &s.changes).collect::<Vec<_>>()
            ));
        }
        // A disallowed verdict names at least one change that is not allowed, with its code.
        for s in &got {
            if s.modified_after_signing == Modification::Disallowed {
                assert!(s
                    .changes
                    .iter()
                    .any(|c| !c.allowed && !c.finding().vi.is_empty()));
            }
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} PDF fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
