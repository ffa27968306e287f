//! Properties the fuzz targets check. Each target in `fuzz_targets/` is one line calling one of
//! these, so that every target states its property in one place.

use motcua_core::ids::{self, IdKind};
use motcua_core::{forms, model, Date};

/// "Today" for every fuzz run, fixed so that findings are reproducible.
const TODAY: Date = match Date::new(2026, 11, 23) {
    Ok(d) => d,
    Err(_) => panic!("a valid constant date"),
};

/// A bundled procedure that fuzzed dossiers are validated against.
const PROCEDURE: &str = include_str!("../../examples/procedure-birth-registration.json");

/// Checks an identifier of `kind` read from `data`:
/// - the check never panics, and the fast path agrees with the full check;
/// - a valid value's normalized form is itself valid and normalizes to itself (idempotence);
/// - an invalid value has at least one error, and a valid one none.
pub fn identifier(kind: IdKind, data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let checked = ids::check(kind, input, TODAY);
    assert_eq!(checked.valid, ids::is_valid(kind, input, TODAY), "fast path disagrees on {input:?}");
    assert_eq!(checked.valid, checked.errors.is_empty());
    if let Some(normalized) = &checked.normalized {
        assert!(checked.valid, "an invalid value got a normalized form: {input:?}");
        let again = ids::check(kind, normalized, TODAY);
        assert!(again.valid, "normalized {normalized:?} of {input:?} is not valid");
        assert_eq!(again.normalized.as_deref(), Some(normalized.as_str()));
    }
}

/// Parses `data` as a dossier and validates it against a bundled procedure: never a panic, and a
/// dossier that parses serializes to JSON that parses to the same dossier.
pub fn dossier_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(procedure) = model::Procedure::from_json(PROCEDURE) else {
        panic!("the bundled procedure parses")
    };
    if let Ok(dossier) = model::Dossier::from_json(text) {
        let report = forms::validate(&dossier, &procedure, TODAY);
        assert_eq!(report.valid, report.errors.is_empty());
        let json = serde_json::to_string(&dossier).expect("a dossier serializes");
        let back = model::Dossier::from_json(&json).expect("a serialized dossier parses");
        assert_eq!(back, dossier);
    }
}

/// Parses `data` as a procedure: never a panic, and a procedure that parses round-trips.
pub fn procedure_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(procedure) = model::Procedure::from_json(text) {
        let json = serde_json::to_string(&procedure).expect("a procedure serializes");
        let back = model::Procedure::from_json(&json).expect("a serialized procedure parses");
        assert_eq!(back, procedure);
    }
}

/// Replays `data` as a JSON Lines lifecycle log: never a panic; a log that replays accounts for
/// every line it read (each event is in exactly one dossier's timeline, refused or not), a
/// refused event carries its finding, and the result serializes.
pub fn lifecycle_log(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let policy = motcua_core::calendar::due::Policy::default();
    if let Ok(replay) = motcua_core::lifecycle::replay(text, &policy) {
        let events = text.lines().filter(|l| !l.trim().is_empty()).count();
        let timeline: usize = replay.dossiers.iter().map(|d| d.timeline.len()).sum();
        assert_eq!(events, timeline, "every event is in one timeline");
        for d in &replay.dossiers {
            let refused = d.timeline.iter().filter(|e| e.rejection.is_some()).count();
            assert_eq!(refused, d.rejected);
            assert!(d.timeline.iter().all(|e| e.to.is_some() != e.rejection.is_some()));
        }
        serde_json::to_string(&replay).expect("a replay serializes");
    }
}

/// Checks `data` read as a log of National Public Service Portal status changes
/// (`lifecycle::check_status_log`, another system's export): never a panic; every line it read is
/// a status of exactly one dossier; each dossier's problems name its lines in order, at most one
/// per change, with one of the three codes; a dossier may always be in some state, and one
/// without a problem only in a state of its last code; the result serializes.
pub fn status_log(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(report) = motcua_core::lifecycle::check_status_log(text) else { return };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    let statuses: usize = report.dossiers.iter().map(|d| d.statuses.len()).sum();
    assert_eq!(lines, statuses, "every change is in one dossier's statuses");
    for d in &report.dossiers {
        assert!(!d.states.is_empty(), "{}: in no state", d.dossier);
        assert!(d.problems.len() <= d.statuses.len());
        assert!(d.problems.windows(2).all(|w| w[0].line < w[1].line));
        for p in &d.problems {
            let code = p.finding.code.as_str();
            assert!(
                matches!(code, "lifecycle.status_impossible" | "lifecycle.status_unknown" | "lifecycle.no_rules"),
                "unexpected code {code}"
            );
        }
        if let (true, Some(last)) = (d.problems.is_empty(), d.statuses.last()) {
            assert!(d.states.iter().all(|s| last.states().contains(s)), "{}: {:?} not of code {last:?}", d.dossier, d.states);
        }
    }
    serde_json::to_string(&report).expect("a status report serializes");
}

/// Computes the due time of `data` read as a due-date request (the JSON every surface takes):
/// never a panic; the explanation starts with the receipt, a due time is never before the
/// receipt, and the result serializes.
pub fn due_request(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(request) = motcua_core::calendar::request::DueRequest::from_json(text) else { return };
    if let (Ok(clock), Ok(due)) = (request.clock(), request.due()) {
        let first = due.steps.first();
        assert!(
            matches!(first, Some(motcua_core::calendar::due::Step::Received { at }) if *at == clock.received),
            "the first step is the receipt: {first:?}"
        );
        if let Some(at) = due.due {
            assert!(at >= clock.received, "due {at:?} before the receipt {:?}", clock.received);
        }
        serde_json::to_string(&due).expect("a due time serializes");
    }
}

/// Reads `data` as a PDF: never a panic; a document's revisions are ordered, non-empty spans
/// inside the buffer; every object a revision lists resolves or gives a typed error; a
/// signature's `/Contents` span lies inside the buffer and holds the string it decoded from.
pub fn pdf_reader(data: &[u8]) {
    use motcua_core::signature::pdf::Document;
    let Ok(doc) = Document::parse(data) else { return };
    let mut start = 0;
    for rev in doc.revisions() {
        assert_eq!(rev.start, start, "revisions follow each other");
        assert!(rev.start < rev.end && rev.end <= data.len());
        start = rev.end;
    }
    assert_eq!(doc.tail().map_or(data.len(), |t| t.start), start);
    for (index, rev) in doc.revisions().iter().enumerate() {
        let Ok(view) = doc.view(index) else { panic!("revision {index} has a view") };
        for (&num, _) in rev.entries.iter().take(200) {
            if let Some((_, entry)) = view.entry(num) {
                let generation = match entry {
                    motcua_core::signature::pdf::Entry::InFile { generation, .. } => generation,
                    _ => 0,
                };
                let _ = view.get(motcua_core::signature::pdf::ObjRef { num, generation });
            }
        }
        let Ok(sigs) = view.signatures() else { continue };
        for sig in sigs.fields.iter().filter_map(|f| f.signature.as_ref()) {
            if let Some(span) = sig.contents.as_ref().and_then(|c| c.span.clone()) {
                let raw = &data[span];
                assert!(raw.starts_with(b"<") || raw.starts_with(b"("));
            }
        }
    }
}

/// Compares the revisions of a PDF read from `data` (`signature::changes`):
/// - a verdict or a typed error, never a panic;
/// - a verdict of `none` lists no change, `allowed` only allowed ones, `disallowed` at least one
///   that is not allowed, each with a finding code in the catalog;
/// - every change was made after the signed revision.
pub fn pdf_changes(data: &[u8]) {
    use motcua_core::signature::changes::{analyse, Modification};
    use motcua_core::signature::pdf::Document;
    let Ok(doc) = Document::parse(data) else { return };
    let Ok(list) = analyse(&doc) else { return };
    for s in list {
        let allowed = s.changes.iter().all(|c| c.allowed);
        match s.modified_after_signing {
            Modification::None => assert!(s.changes.is_empty()),
            Modification::Allowed => assert!(!s.changes.is_empty() && allowed),
            Modification::Disallowed => assert!(!allowed),
        }
        for c in &s.changes {
            assert!(c.revision > s.revision);
            let _ = c.finding();
        }
    }
}

/// Reads `data` as a CMS object (DER, or BER read as its DER equivalent): never a panic; a parsed
/// object's DER, padding and trailing bytes add up to the input; every signer check and
/// `check_cms` end in a result, an intact one with its algorithms and signer certificate; the
/// same bytes checked as an RFC 3161 token give a result, an intact one with its `genTime`.
pub fn cms_parser(data: &[u8]) {
    use motcua_core::signature::cms::{ber_to_der, Cms, Content, Profile};
    use motcua_core::signature::integrity::check_cms;
    use motcua_core::signature::timestamp::{self, Imprinted, TimestampKind};
    let normalized = ber_to_der(data);
    let input = normalized.as_deref().unwrap_or(data);
    if let Ok(cms) = Cms::parse(input) {
        assert_eq!(cms.der.len() + cms.padding + cms.trailing, input.len());
        assert!(input.starts_with(cms.der));
        for c in &cms.certificates {
            assert!(!c.der.is_empty() && c.der.len() <= cms.der.len());
        }
        for i in 0..cms.signers.len() {
            for content in [Content::Encapsulated, Content::Bytes(&b"content"[..])] {
                let check = cms.verify_signer(i, content, Profile::File);
                if check.outcome.is_ok() {
                    assert!(check.digest_algorithm.is_some() && check.signature_algorithm.is_some());
                    assert!(check.signer_certificate.is_some());
                }
            }
        }
    }
    for r in check_cms(data, Some(&b"content"[..])) {
        if r.integrity.is_intact() {
            assert!(r.signer_certificate.is_some() && r.signature_algorithm.is_some());
        }
    }
    let ts = timestamp::check(data, TimestampKind::Signature, Imprinted::Bytes(&b"signature"[..]));
    if ts.integrity.is_intact() {
        assert!(ts.gen_time.is_some() && ts.imprint_algorithm.is_some());
    }
}

/// Reads `data` as a DER certificate, a DER CRL and a PEM text (`signature::certificate`):
/// - reading never panics; a certificate's signed part, algorithm, signature and key lie in it;
/// - a certificate checked against itself as the only trust anchor never passes without
///   reaching that anchor, and the check never panics; classifying its subject never panics.
pub fn certificate_input(data: &[u8]) {
    use motcua_core::signature::certificate::{
        check, classify, Certificate, Crl, Indication, Input, Purpose, RevocationPolicy, Times,
    };
    if let Ok(cert) = Certificate::from_der(data) {
        for part in [cert.tbs(), cert.algorithm_der(), cert.spki()] {
            assert!(!part.is_empty() && part.len() < data.len());
        }
        let _ = classify(&cert.subject);
        let anchors = [cert.clone()];
        let policies = [RevocationPolicy::Required, RevocationPolicy::AcceptUnknown];
        for (anchors, revocation) in [&anchors[..], &[]]
            .into_iter()
            .flat_map(|a| policies.map(|p| (a, p)))
        {
            let Ok(report) = check(&Input {
                signer: &cert,
                embedded: &[],
                intermediates: &[],
                trust_anchors: anchors,
                crls: &[],
                ocsp: &[],
                times: Times::at(1_772_677_815),
                purpose: Purpose::DocumentSigning,
                revocation,
            }) else {
                panic!("one certificate is within the limits")
            };
            assert!(report.indication != Indication::Passed || report.trust_anchor_reached);
            assert_eq!(report.indication == Indication::Passed, report.sub_indication.is_none());
        }
    }
    if let Ok(crl) = Crl::from_der(data) {
        assert!(crl.entries.len() <= data.len() / 8);
    }
    let _ = Certificate::from_pem(data);
    if let Ok(ocsp) = motcua_core::signature::certificate::OcspResponse::from_der(data) {
        assert!(ocsp.responses.len() <= data.len() / 8);
    }
}
