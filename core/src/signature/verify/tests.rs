use super::*;

#[test]
fn inputs_are_told_apart_by_their_content() {
    assert_eq!(sniff(b"%PDF-1.7\n"), Some(InputKind::Pdf));
    let mut late = vec![b' '; 1000];
    late.extend_from_slice(b"%PDF-1.4");
    assert_eq!(sniff(&late), Some(InputKind::Pdf));
    let mut too_late = vec![b' '; 1020];
    too_late.extend_from_slice(b"%PDF-1.4");
    assert_eq!(sniff(&too_late), None);
    assert_eq!(sniff(&[0x30, 0x80, 0x06]), Some(InputKind::Cms));
    // An attached CMS whose content is a PDF is a CMS.
    let mut p7m = vec![0x30, 0x82, 0x01, 0x00, 0x06, 0x09];
    p7m.extend_from_slice(b"%PDF-1.7");
    assert_eq!(sniff(&p7m), Some(InputKind::Cms));
    assert_eq!(sniff(b"hello"), None);
    assert_eq!(sniff(b""), None);
    let options = VerifyOptions::new(0);
    assert_eq!(verify(b"hello", &options), Err(VerifyError::Unrecognised));
    assert_eq!(
        verify_detached(b"%PDF-1.7", b"data", &options),
        Err(VerifyError::NotCms)
    );
    assert_eq!(
        VerifyError::Unrecognised.to_finding().code,
        "verify.unrecognised_input"
    );
}

#[test]
fn a_cms_that_does_not_parse_is_a_failed_report_not_an_error() {
    let r = verify(&[0x30, 0x03, 0x02, 0x01, 0x00], &VerifyOptions::new(0)).expect("a report");
    assert_eq!(r.indication, report::Indication::TotalFailed);
    assert_eq!(r.signatures.len(), 1);
    assert_eq!(r.signatures[0].integrity, Some(report::Integrity::Broken));
}

#[test]
fn options_json_is_read_with_pointers_to_what_is_wrong() {
    let o = VerifyOptions::from_json(r#"{"validation_time": "2026-03-05T09:30:15+07:00"}"#)
        .expect("options");
    assert_eq!(o.validation_time, 1_772_677_815);
    assert!(o.trust_anchors.is_empty());
    assert_eq!(o.profile, format::Profile::None);
    let o = VerifyOptions::from_json(
        r#"{"validation_time": "2026-03-05T02:30:15Z", "profile": "decree30", "role": "copy"}"#,
    )
    .expect("options");
    assert!(matches!(
        o.profile,
        format::Profile::Decree30(Decree30Options {
            role: Decree30Role::Copy,
            ..
        })
    ));
    let e = VerifyOptions::from_json("{}").expect_err("no time");
    assert_eq!(e.to_finding().code, "input.json_shape");
    assert_eq!(e.to_finding().path, "/validation_time");
    let e = VerifyOptions::from_json(
        r#"{"validation_time": "2026-03-05T02:30:15Z", "trust_anchors": ["not pem"]}"#,
    )
    .expect_err("bad anchor");
    let f = e.to_finding();
    assert_eq!(f.code, "certificate.bad_pem");
    assert_eq!(f.path, "/trust_anchors/0");
    let e = VerifyOptions::from_json(
        r#"{"validation_time": "2026-03-05T02:30:15Z", "crls": ["-----BEGIN X509 CRL-----\n!!\n-----END X509 CRL-----"]}"#,
    )
    .expect_err("bad crl");
    assert_eq!(e.to_finding().path, "/crls/0");
    let e = VerifyOptions::from_json(r#"{"validation_time": "2026-03-05T02:30:15Z", "x": 1}"#)
        .expect_err("unknown field");
    assert_eq!(e.to_finding().code, "input.json_shape");
    // Revocation: required unless the caller says otherwise.
    let o = VerifyOptions::from_json(r#"{"validation_time": "2026-03-05T02:30:15Z"}"#)
        .expect("options");
    assert_eq!(o.revocation, RevocationPolicy::Required);
    let o = VerifyOptions::from_json(
        r#"{"validation_time": "2026-03-05T02:30:15Z", "revocation": "accept_unknown"}"#,
    )
    .expect("options");
    assert_eq!(o.revocation, RevocationPolicy::AcceptUnknown);
    let e = VerifyOptions::from_json(
        r#"{"validation_time": "2026-03-05T02:30:15Z", "revocation": "ignore"}"#,
    )
    .expect_err("an unknown policy");
    assert_eq!(e.to_finding().path, "/revocation");
}

#[test]
fn every_code_is_in_the_catalog() {
    for code in [
        VerifyError::Unrecognised.code(),
        VerifyError::NotCms.code(),
        Untrusted::NoAuthority.code(),
        Untrusted::Authority.code(),
        Unreadable {
            what: "CRL",
            reason: "x".into(),
        }
        .code(),
    ] {
        assert_eq!(crate::catalog::entry(code).code, code);
    }
    let listed = crate::catalog::entries()
        .filter(|e| e.code.starts_with("verify."))
        .count();
    assert_eq!(listed, 5);
}

/// One signature dictionary named by two signature fields (as in DSS's
/// `signature-referenced-from-multiple-fields.pdf`): the change stage judges it once, and both
/// fields get its verdict rather than "not checked" for the second.
#[test]
fn a_signature_dictionary_named_by_two_fields_has_its_changes_under_both() {
    let mut b = crate::signature::pdf::testpdf::Builder::new();
    b.obj(
        1,
        "<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[7 0 R 8 0 R]/SigFlags 3>>>>",
    )
    .obj(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>")
    .obj(
        3,
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[7 0 R 8 0 R]>>",
    )
    .obj(
        7,
        "<</Type/Annot/Subtype/Widget/FT/Sig/T(a)/V 10 0 R/Rect[0 0 0 0]/P 3 0 R>>",
    )
    .obj(
        8,
        "<</Type/Annot/Subtype/Widget/FT/Sig/T(b)/V 10 0 R/Rect[0 0 0 0]/P 3 0 R>>",
    )
    .obj(
        10,
        "<</Type/Sig/SubFilter/ETSI.CAdES.detached/ByteRange[0 1 2 3]/Contents<00>>>",
    )
    .table("/Root 1 0 R");
    // A later revision adds a note: allowed without DocMDP.
    b.obj(
        3,
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Annots[7 0 R 8 0 R 11 0 R]>>",
    )
    .obj(
        11,
        "<</Type/Annot/Subtype/Text/Rect[500 800 520 820]/P 3 0 R/Contents(ghi chu)>>",
    )
    .table("/Root 1 0 R");
    let r = verify(&b.buf, &VerifyOptions::new(0)).expect("a report");
    let status: Vec<_> = r
        .signatures
        .iter()
        .map(|s| {
            (
                s.field.as_str(),
                s.modified_after_signing.as_ref().map(|m| m.status),
            )
        })
        .collect();
    assert_eq!(
        status,
        [
            ("a", Some(changes::Modification::Allowed)),
            ("b", Some(changes::Modification::Allowed))
        ]
    );
}
