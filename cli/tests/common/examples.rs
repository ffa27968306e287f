//! The bundled examples (examples/) the end-to-end tests run on. Included with `#[path]`.

// Each test file uses some of them.
#![allow(dead_code)]

macro_rules! example {
    ($name:literal) => {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/", $name)
    };
}

/// The test PKI's root, the trust anchor of the signed examples.
pub(crate) const ROOT: &str = example!("signature-test-root.pem");
/// A decision signed by a person then the organisation: passes.
pub(crate) const DECISION: &str = example!("signed-decision.pdf");
/// The same decision with content overlaid after signing: fails.
pub(crate) const OVERLAID: &str = example!("signed-decision-overlaid.pdf");
/// The data of the detached signature `P7S`.
pub(crate) const DATA: &str = example!("signed-application.txt");
/// A detached CMS signature over `DATA`.
pub(crate) const P7S: &str = example!("signed-application.txt.p7s");
/// A validation time at which the signed examples' certificates are valid.
pub(crate) const AT: &str = "2026-03-05T02:30:15Z";
/// A log of lifecycle events: three dossiers, one refused event.
pub(crate) const EVENTS: &str = example!("lifecycle-log.jsonl");
/// A log of portal status codes with impossible changes.
pub(crate) const STATUSES: &str = example!("lifecycle-status-log.jsonl");
