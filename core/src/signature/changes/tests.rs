//! Change detection on small hand-written PDFs: a one-page document with a text field and an
//! empty signature field, signed in revision 1, then changed by later revisions.

use proptest::prelude::*;

use super::*;
use crate::finding::Diagnostic;
use crate::signature::pdf::testpdf::Builder;

const CONTENT: &str = "BT /F1 12 Tf 72 700 Td (Le phi: 8.000 dong) Tj ET";
const PLACEHOLDER: &str = "[0 0000000000 0000000000 0000000000]";

fn stream(data: &str) -> String {
    format!("<</Length {}>>stream\n{data}\nendstream", data.len())
}

fn page(annots: &str, contents: &str) -> String {
    format!("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 6 0 R>>>>/Contents {contents}/Annots[{annots}]>>")
}

const NUMBER_FIELD: &str =
    "<</Type/Annot/Subtype/Widget/FT/Tx/T(so_ky_hieu)/Rect[60 740 260 760]/P 3 0 R/F 4/AP<</N 9 0 R>>>>";

/// Revision 0: the document; revision 1: signature `sig1` (with `reference` in its dictionary
/// and, for a certification, `/Perms` in the catalog). Its `/ByteRange` ends at revision 1's end.
fn signed(reference: &str) -> Builder {
    signed_field(reference, "")
}

/// As [`signed`], with `entries` (a `/Lock`) in the signature field.
fn signed_field(reference: &str, entries: &str) -> Builder {
    let mut b = Builder::new();
    b.obj(1, "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R>>")
        .obj(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>")
        .obj(3, &page("7 0 R 8 0 R", "4 0 R"))
        .obj(4, &stream(CONTENT))
        .obj(5, "<</Fields[7 0 R 8 0 R]/DA(/F1 0 Tf 0 g)>>")
        .obj(6, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
        .obj(7, NUMBER_FIELD)
        .obj(
            8,
            "<</Type/Annot/Subtype/Widget/FT/Sig/T(sig1)/Rect[0 0 0 0]/P 3 0 R/F 132>>",
        )
        .obj(9, &stream(""))
        .obj(
            20,
            &stream("BT /F1 12 Tf 72 700 Td (Le phi: 9.000.000 dong) Tj ET"),
        )
        .table("/Root 1 0 R");
    b.obj(10, &format!("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange {PLACEHOLDER}/Contents<0000>{reference}>>"))
        .obj(8, &format!("<</Type/Annot/Subtype/Widget/FT/Sig/T(sig1)/V 10 0 R/Rect[0 0 0 0]/P 3 0 R/F 132{entries}>>"))
        .obj(5, "<</Fields[7 0 R 8 0 R]/DA(/F1 0 Tf 0 g)/SigFlags 3>>");
    if reference.contains("DocMDP") {
        b.obj(
            1,
            "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R/Perms<</DocMDP 10 0 R>>>>",
        );
    }
    b.table("/Root 1 0 R");
    let end = b.buf.len();
    let at = b
        .buf
        .windows(PLACEHOLDER.len())
        .position(|w| w == PLACEHOLDER.as_bytes())
        .expect("placeholder");
    let br = format!("[0 0000000010 0000000020 {:010}]", end - 20);
    b.buf[at..at + br.len()].copy_from_slice(br.as_bytes());
    b
}

fn docmdp(p: u8) -> String {
    format!("/Reference[<</Type/SigRef/TransformMethod/DocMDP/TransformParams<</Type/TransformParams/P {p}/V/1.2>>>>]")
}

fn fieldmdp(action: &str, fields: &str) -> String {
    format!("/Reference[<</Type/SigRef/TransformMethod/FieldMDP/TransformParams<</Type/TransformParams/Action/{action}/Fields[{fields}]/V/1.2>>>>]")
}

/// The changes after `sig1`.
fn sig1(b: &Builder) -> SignatureChanges {
    let doc = Document::parse(&b.buf).expect("parses");
    let all = analyse(&doc).expect("analysed");
    let s = all.into_iter().find(|s| s.field == "sig1").expect("sig1");
    assert_eq!(
        (s.revision, s.revision_basis),
        (1, RevisionBasis::ByteRange)
    );
    s
}

fn codes(s: &SignatureChanges) -> Vec<&'static str> {
    s.changes.iter().map(|c| c.code).collect()
}

fn fill(b: &mut Builder) {
    b.obj(21, &stream("/Tx BMC BT /F1 10 Tf 2 6 Td (123/QD-STP) Tj ET EMC"))
        .obj(7, "<</Type/Annot/Subtype/Widget/FT/Tx/T(so_ky_hieu)/V(123/QD-STP)/Rect[60 740 260 760]/P 3 0 R/F 4/AP<</N 21 0 R>>>>")
        .table("/Root 1 0 R");
}

fn add_note(b: &mut Builder) {
    b.obj(
        22,
        "<</Type/Annot/Subtype/Text/Rect[500 780 520 800]/P 3 0 R/Contents(Da kiem tra)/F 4>>",
    )
    .obj(3, &page("7 0 R 8 0 R 22 0 R", "4 0 R"))
    .table("/Root 1 0 R");
}

#[test]
fn nothing_after_the_signature_is_none() {
    let s = sig1(&signed(""));
    assert_eq!(s.modified_after_signing, Modification::None);
    assert!(s.changes.is_empty());
    assert_eq!(s.permissions.docmdp, None);
}

#[test]
fn form_fill_is_allowed_without_docmdp_and_under_p2_p3_not_p1() {
    for (reference, expect, p) in [
        (String::new(), Modification::Allowed, None),
        (docmdp(2), Modification::Allowed, Some(2)),
        (docmdp(3), Modification::Allowed, Some(3)),
        (docmdp(1), Modification::Disallowed, Some(1)),
    ] {
        let mut b = signed(&reference);
        fill(&mut b);
        let s = sig1(&b);
        assert_eq!(s.permissions.docmdp, p);
        assert_eq!(
            s.modified_after_signing, expect,
            "{reference}: {:?}",
            s.changes
        );
        let c = &s.changes[0];
        assert_eq!((c.kind, c.revision), (ChangeKind::FormFilled, 2));
        assert_eq!(c.field.as_deref(), Some("so_ky_hieu"));
        if p == Some(1) {
            assert_eq!(c.code, "changes.docmdp_forbids");
        }
    }
}

#[test]
fn an_annotation_is_allowed_without_docmdp_and_under_p3_not_p2() {
    for (reference, expect) in [
        (String::new(), Modification::Allowed),
        (docmdp(3), Modification::Allowed),
        (docmdp(2), Modification::Disallowed),
        (docmdp(1), Modification::Disallowed),
    ] {
        let mut b = signed(&reference);
        add_note(&mut b);
        let s = sig1(&b);
        assert_eq!(
            s.modified_after_signing, expect,
            "{reference}: {:?}",
            s.changes
        );
        assert_eq!(s.changes.len(), 1, "{:?}", s.changes);
        assert_eq!(s.changes[0].kind, ChangeKind::AnnotationAdded);
        assert_eq!(s.changes[0].detail.as_deref(), Some("Text"));
    }
}

#[test]
fn an_annotation_over_signed_text_is_never_allowed() {
    // A white box over the fee line (shadow attack, hide via overlay), with and without an
    // appearance stream, under P=3 and without DocMDP; hidden, it hides nothing.
    for (reference, annot, expect) in [
        (
            String::new(),
            "<</Type/Annot/Subtype/Square/Rect[70 690 200 715]/P 3 0 R/IC[1 1 1]/F 4>>",
            Modification::Disallowed,
        ),
        (
            docmdp(3),
            "<</Type/Annot/Subtype/FreeText/Rect[100 695 140 705]/P 3 0 R/AP<</N 9 0 R>>/F 4>>",
            Modification::Disallowed,
        ),
        (
            docmdp(3),
            "<</Type/Annot/Subtype/Square/Rect[70 690 200 715]/P 3 0 R/F 2>>",
            Modification::Allowed,
        ),
        (
            String::new(),
            "<</Type/Annot/Subtype/Square/Rect[70 730 200 760]/P 3 0 R/IC[1 1 1]>>",
            Modification::Allowed,
        ),
    ] {
        let mut b = signed(&reference);
        b.obj(22, annot)
            .obj(3, &page("7 0 R 8 0 R 22 0 R", "4 0 R"))
            .table("/Root 1 0 R");
        let s = sig1(&b);
        assert_eq!(s.modified_after_signing, expect, "{annot}: {:?}", s.changes);
        if expect == Modification::Disallowed {
            assert_eq!(codes(&s), ["changes.annotation_overlay"]);
        }
    }
}

#[test]
fn a_new_text_field_over_signed_text_is_an_overlay_but_a_signature_widget_is_not() {
    for (ft, expect) in [
        ("Tx", Modification::Disallowed),
        ("Sig", Modification::Allowed),
    ] {
        let mut b = signed("");
        b.obj(
            22,
            &format!(
                "<</Type/Annot/Subtype/Widget/FT/{ft}/T(moi)/Rect[70 690 200 715]/P 3 0 R/F 4>>"
            ),
        )
        .obj(3, &page("7 0 R 8 0 R 22 0 R", "4 0 R"))
        .obj(
            5,
            "<</Fields[7 0 R 8 0 R 22 0 R]/DA(/F1 0 Tf 0 g)/SigFlags 3>>",
        )
        .table("/Root 1 0 R");
        let s = sig1(&b);
        assert_eq!(s.modified_after_signing, expect, "{ft}: {:?}", s.changes);
    }
}

#[test]
fn page_content_overwritten_is_never_allowed() {
    for reference in [String::new(), docmdp(3)] {
        let mut b = signed(&reference);
        b.obj(
            4,
            &stream("BT /F1 12 Tf 72 700 Td (Le phi: 9.000.000 dong) Tj ET"),
        )
        .table("/Root 1 0 R");
        let s = sig1(&b);
        assert_eq!(s.modified_after_signing, Modification::Disallowed);
        assert_eq!(codes(&s), ["changes.object_overwritten"]);
        assert_eq!(s.changes[0].object.as_deref(), Some("4 0"));
    }
}

#[test]
fn shadow_hide_and_replace_points_the_page_at_a_hidden_stream() {
    // Object 20 sits unused in the signed revision; the update only rewrites the page.
    let mut b = signed(&docmdp(3));
    b.obj(3, &page("7 0 R 8 0 R", "20 0 R"))
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(s.modified_after_signing, Modification::Disallowed);
    assert!(
        codes(&s).contains(&"changes.page_content"),
        "{:?}",
        s.changes
    );
}

#[test]
fn a_dangling_content_reference_filled_later_is_page_content() {
    let mut b = Builder::new();
    b.obj(1, "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R>>")
        .obj(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>")
        .obj(3, &page("8 0 R", "[4 0 R 30 0 R]"))
        .obj(4, &stream(CONTENT))
        .obj(5, "<</Fields[8 0 R]>>")
        .obj(6, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
        .obj(
            8,
            "<</Type/Annot/Subtype/Widget/FT/Sig/T(sig1)/V 10 0 R/Rect[0 0 0 0]/P 3 0 R>>",
        )
        .obj(10, "<</Type/Sig/ByteRange[0 1 2 3]/Contents<00>>>")
        .table("/Root 1 0 R");
    b.obj(30, &stream("1 1 1 rg 0 0 595 842 re f"))
        .table("/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let (m, changes) = changes_after(
        &doc,
        0,
        &Permissions {
            docmdp: Some(3),
            certification: true,
            locks: vec![],
        },
    )
    .expect("compared");
    assert_eq!(m, Modification::Disallowed);
    assert_eq!(changes[0].kind, ChangeKind::PageContent);
    assert_eq!(changes[0].object.as_deref(), Some("30 0"));
}

#[test]
fn replacing_a_font_the_page_uses_is_an_overwrite() {
    let mut b = signed("");
    b.obj(6, "<</Type/Font/Subtype/Type1/BaseFont/Courier>>")
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(codes(&s), ["changes.object_overwritten"]);
}

#[test]
fn a_widget_appearance_replaced_without_a_value_is_disallowed() {
    let mut b = signed(&docmdp(2));
    b.obj(21, &stream("1 1 1 rg 0 0 200 20 re f"))
        .obj(7, "<</Type/Annot/Subtype/Widget/FT/Tx/T(so_ky_hieu)/Rect[60 740 260 760]/P 3 0 R/F 4/AP<</N 21 0 R>>>>")
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(s.modified_after_signing, Modification::Disallowed);
    assert_eq!(codes(&s), ["changes.appearance_replaced"]);
    // The same appearance object overwritten in place.
    let mut b = signed(&docmdp(2));
    b.obj(9, &stream("1 1 1 rg 0 0 200 20 re f"))
        .table("/Root 1 0 R");
    assert_eq!(codes(&sig1(&b)), ["changes.appearance_replaced"]);
}

#[test]
fn an_appearance_overwritten_with_the_fields_value_is_form_filling() {
    let mut b = signed("");
    b.obj(9, &stream("/Tx BMC BT (123) Tj ET EMC"))
        .obj(7, "<</Type/Annot/Subtype/Widget/FT/Tx/T(so_ky_hieu)/V(123)/Rect[60 740 260 760]/P 3 0 R/F 4/AP<</N 9 0 R>>>>")
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(
        s.modified_after_signing,
        Modification::Allowed,
        "{:?}",
        s.changes
    );
    let kinds: Vec<_> = s.changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [ChangeKind::FormFilled, ChangeKind::WidgetAppearance]
    );
}

/// A signature field's `/Lock` (ISO 32000-1 §12.7.4.5 Table 233) locks as a FieldMDP transform
/// does once the field is signed; its `/P` (ISO 32000-2) restricts as DocMDP would, without
/// making the signature a certification.
#[test]
fn a_field_lock_locks_once_signed() {
    let lock = |action: &str, fields: &str, p: &str| {
        format!("/Lock<</Type/SigFieldLock/Action/{action}/Fields[{fields}]{p}>>")
    };
    for (entries, expect) in [
        (
            lock("Include", "(so_ky_hieu)", ""),
            Modification::Disallowed,
        ),
        (lock("All", "", ""), Modification::Disallowed),
        (lock("Include", "(khac)", ""), Modification::Allowed),
        (lock("Exclude", "(khac)", "/P 1"), Modification::Disallowed),
        (String::new(), Modification::Allowed),
    ] {
        let mut b = signed_field("", &entries);
        fill(&mut b);
        let s = sig1(&b);
        assert_eq!(
            s.modified_after_signing, expect,
            "{entries}: {:?}",
            s.changes
        );
        assert!(!s.permissions.certification);
    }
    let mut b = signed_field("", &lock("Include", "(khac)", "/P 1"));
    fill(&mut b);
    let s = sig1(&b);
    assert_eq!(s.permissions.docmdp, Some(1));
    assert_eq!(s.modified_after_signing, Modification::Disallowed);
}

#[test]
fn fieldmdp_locks_the_named_fields() {
    for (reference, expect) in [
        (fieldmdp("All", ""), Modification::Disallowed),
        (
            fieldmdp("Include", "(so_ky_hieu)"),
            Modification::Disallowed,
        ),
        (fieldmdp("Include", "(khac)"), Modification::Allowed),
        (fieldmdp("Exclude", "(so_ky_hieu)"), Modification::Allowed),
        (fieldmdp("Exclude", "(khac)"), Modification::Disallowed),
    ] {
        let mut b = signed(&reference);
        fill(&mut b);
        let s = sig1(&b);
        assert_eq!(
            s.modified_after_signing, expect,
            "{reference}: {:?}",
            s.changes
        );
        if expect == Modification::Disallowed {
            assert_eq!(s.changes[0].code, "changes.field_locked");
        }
    }
}

#[test]
fn a_second_signature_is_allowed_unless_p1_and_the_certification_governs_it() {
    for (reference, expect) in [
        (String::new(), Modification::Allowed),
        (docmdp(1), Modification::Disallowed),
    ] {
        let mut b = signed(&reference);
        b.obj(11, "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange[0 1 2 3]/Contents<00>>>")
            .obj(12, "<</Type/Annot/Subtype/Widget/FT/Sig/T(sig2)/V 11 0 R/Rect[0 0 0 0]/P 3 0 R/F 132>>")
            .obj(3, &page("7 0 R 8 0 R 12 0 R", "4 0 R"))
            .obj(5, "<</Fields[7 0 R 8 0 R 12 0 R]/DA(/F1 0 Tf 0 g)/SigFlags 3>>")
            .table("/Root 1 0 R");
        fill(&mut b);
        let doc = Document::parse(&b.buf).expect("parses");
        let all = analyse(&doc).expect("analysed");
        let s1 = &all[0];
        assert_eq!(s1.modified_after_signing, expect, "{:?}", s1.changes);
        assert_eq!(s1.changes[0].kind, ChangeKind::SignatureAdded);
        // sig2's byte range ends nowhere: counted from the revision that wrote it (2), and the
        // certification's P applies to it.
        let s2 = &all[1];
        assert_eq!(
            (s2.revision, s2.revision_basis),
            (2, RevisionBasis::SignatureDictionary)
        );
        assert_eq!(s2.permissions.docmdp, s1.permissions.docmdp);
        assert_eq!(s2.modified_after_signing, expect);
    }
}

#[test]
fn validation_data_is_allowed_even_under_p1() {
    let mut b = signed(&docmdp(1));
    b.obj(40, "<</Certs[41 0 R]>>")
        .obj(41, &stream("certificate"))
        .obj(
            1,
            "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R/Perms<</DocMDP 10 0 R>>/DSS 40 0 R>>",
        )
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(
        s.modified_after_signing,
        Modification::Allowed,
        "{:?}",
        s.changes
    );
    assert_eq!(codes(&s), ["changes.dss"]);
    // And later DSS updates overwrite its objects: still validation data.
    b.obj(40, "<</Certs[41 0 R]/OCSPs[]>>").table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(codes(&s), ["changes.dss", "changes.dss"]);
}

#[test]
fn catalog_actions_and_javascript_are_never_allowed() {
    let mut b = signed("");
    b.obj(
        1,
        "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>",
    )
    .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(codes(&s), ["changes.catalog"]);
    assert_eq!(s.changes[0].detail.as_deref(), Some("OpenAction"));
}

#[test]
fn a_signature_dictionary_rewritten_is_never_allowed() {
    let mut b = signed(&docmdp(3));
    b.obj(10, &format!("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange {PLACEHOLDER}/Contents<0000>/Reason(khac)>>"))
        .table("/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let (m, changes) = changes_after(
        &doc,
        1,
        &Permissions {
            docmdp: Some(3),
            certification: true,
            locks: vec![],
        },
    )
    .expect("compared");
    assert_eq!(m, Modification::Disallowed);
    assert_eq!(changes[0].code, "changes.signature_changed");
}

#[test]
fn pages_added_or_removed_are_never_allowed() {
    let mut b = signed(&docmdp(3));
    b.obj(
        23,
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>",
    )
    .obj(2, "<</Type/Pages/Kids[3 0 R 23 0 R]/Count 2>>")
    .table("/Root 1 0 R");
    assert!(codes(&sig1(&b)).contains(&"changes.page_added"));
    let mut b = signed("");
    b.obj(2, "<</Type/Pages/Kids[]/Count 0>>")
        .table("/Root 1 0 R");
    assert!(codes(&sig1(&b)).contains(&"changes.page_removed"));
}

#[test]
fn removing_an_annotation_signed_with_the_document_needs_p3() {
    let mut base = signed("");
    add_note(&mut base); // revision 2, after the signature
    let len = base.buf.len();
    // Removing the note added after signing: allowed without DocMDP.
    let mut b = signed("");
    add_note(&mut b);
    assert_eq!(b.buf.len(), len);
    b.obj(3, &page("7 0 R 8 0 R", "4 0 R")).table("/Root 1 0 R");
    assert_eq!(sig1(&b).modified_after_signing, Modification::Allowed);
    // A note present when signing, removed later.
    let mut b = Builder::new();
    b.obj(1, "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R>>")
        .obj(2, "<</Type/Pages/Kids[3 0 R]/Count 1>>")
        .obj(3, &page("8 0 R 22 0 R", "4 0 R"))
        .obj(4, &stream(CONTENT))
        .obj(5, "<</Fields[8 0 R]>>")
        .obj(6, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
        .obj(
            8,
            "<</Type/Annot/Subtype/Widget/FT/Sig/T(sig1)/V 10 0 R/Rect[0 0 0 0]/P 3 0 R>>",
        )
        .obj(10, "<</Type/Sig/ByteRange[0 1 2 3]/Contents<00>>>")
        .obj(
            22,
            "<</Type/Annot/Subtype/Square/Rect[50 690 300 720]/P 3 0 R/IC[1 1 1]>>",
        )
        .table("/Root 1 0 R");
    b.obj(3, &page("8 0 R", "4 0 R")).table("/Root 1 0 R");
    let doc = Document::parse(&b.buf).expect("parses");
    let none = Permissions {
        docmdp: None,
        certification: false,
        locks: vec![],
    };
    let (m, c) = changes_after(&doc, 0, &none).expect("compared");
    assert_eq!(
        (m, c[0].code),
        (
            Modification::Disallowed,
            "changes.signed_annotation_changed"
        )
    );
    let p3 = Permissions {
        docmdp: Some(3),
        ..none
    };
    assert_eq!(
        changes_after(&doc, 0, &p3).expect("compared").0,
        Modification::Allowed
    );
}

#[test]
fn objects_saved_again_unchanged_and_unused_objects_are_not_changes() {
    let mut b = signed(&docmdp(1));
    b.obj(4, &stream(CONTENT))
        .obj(6, "<< /BaseFont /Helvetica /Subtype /Type1 /Type /Font >>")
        .obj(50, &stream("unused"))
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(
        s.modified_after_signing,
        Modification::None,
        "{:?}",
        s.changes
    );
}

#[test]
fn bytes_after_the_last_revision_are_never_allowed_but_padding_is_ignored() {
    let mut b = signed("");
    b.buf.extend_from_slice(b"\r\n\0\0");
    assert_eq!(sig1(&b).modified_after_signing, Modification::None);
    b.buf
        .extend_from_slice(b"4 0 obj\n<</Length 3>>stream\nabc\nendstream\nendobj\n");
    let s = sig1(&b);
    assert_eq!(codes(&s), ["changes.trailing_data"]);
}

#[test]
fn a_document_timestamp_is_allowed_under_p1() {
    let mut b = signed(&docmdp(1));
    b.obj(11, "<</Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161/ByteRange[0 1 2 3]/Contents<00>>>")
        .obj(12, "<</Type/Annot/Subtype/Widget/FT/Sig/T(ts)/V 11 0 R/Rect[0 0 0 0]/P 3 0 R/F 132>>")
        .obj(3, &page("7 0 R 8 0 R 12 0 R", "4 0 R"))
        .obj(5, "<</Fields[7 0 R 8 0 R 12 0 R]/DA(/F1 0 Tf 0 g)/SigFlags 3>>")
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(
        s.modified_after_signing,
        Modification::Allowed,
        "{:?}",
        s.changes
    );
    assert_eq!(codes(&s), ["changes.timestamp_added"]);
}

#[test]
fn every_code_is_in_the_catalog_with_its_placeholders_filled() {
    let all = [
        rules::code::SIGNATURE_ADDED,
        rules::code::TIMESTAMP_ADDED,
        rules::code::DSS,
        rules::code::FORM_FILLED,
        rules::code::FIELD_ADDED,
        rules::code::ANNOTATION_ADDED,
        rules::code::ANNOTATION_CHANGED,
        rules::code::FORM_SETTINGS,
        rules::code::METADATA,
        rules::code::DOCMDP_FORBIDS,
        rules::code::FIELD_LOCKED,
        rules::code::SIGNED_ANNOTATION_CHANGED,
        rules::code::PAGE_CONTENT,
        rules::code::ANNOTATION_OVERLAY,
        rules::code::PAGE_ADDED,
        rules::code::PAGE_REMOVED,
        rules::code::OBJECT_OVERWRITTEN,
        rules::code::APPEARANCE_REPLACED,
        rules::code::CATALOG,
        rules::code::FORM_STRUCTURE,
        rules::code::SIGNATURE_CHANGED,
        rules::code::TRAILING_DATA,
        rules::code::UNCLASSIFIED,
    ];
    for code in all {
        let c = Change {
            kind: ChangeKind::Other,
            revision: 2,
            object: Some("4 0".into()),
            field: Some("f".into()),
            detail: Some("d".into()),
            allowed: false,
            code,
            docmdp: Some(1),
        };
        let f = c.finding();
        assert!(
            !f.vi.contains('{') && !f.en.contains('{'),
            "{code}: unfilled placeholder"
        );
    }
    let errors = [
        ChangesError::TooMuchWork { limit: 1 },
        ChangesError::TooManyObjects { limit: 1 },
    ];
    for e in &errors {
        let f = e.to_finding("");
        assert!(!f.vi.contains('{'), "{}", f.code);
    }
    assert_eq!(
        ChangesError::Pdf(crate::signature::pdf::PdfError::NoCatalog).code(),
        "pdf.no_catalog"
    );
    let listed = crate::catalog::entries()
        .filter(|e| e.code.starts_with("changes."))
        .count();
    assert_eq!(
        listed,
        all.len() + errors.len(),
        "spec/findings/changes.json lists a code no change has"
    );
}

#[test]
fn reference_loops_end_and_the_work_budget_gives_a_typed_error() {
    // Resources that refer to themselves, and an appearance that contains itself.
    let mut b = signed("");
    b.obj(30, "<</Font<</F1 6 0 R>>/XObject<</X 31 0 R>>>>")
        .obj(31, "<</Type/XObject/Subtype/Form/BBox[0 0 1 1]/Resources 30 0 R/Length 0>>stream\n\nendstream")
        .obj(3, "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources 30 0 R/Contents 4 0 R/Annots[7 0 R 8 0 R]>>")
        .table("/Root 1 0 R");
    b.obj(31, "<</Type/XObject/Subtype/Form/BBox[0 0 1 1]/Resources 30 0 R/Length 1>>stream\nn\nendstream")
        .table("/Root 1 0 R");
    let s = sig1(&b);
    assert_eq!(s.modified_after_signing, Modification::Disallowed);
    let doc = Document::parse(&b.buf).expect("parses");
    for limit in [0, 10, 100] {
        assert_eq!(
            Timeline::build_within(&doc, 1, limit).map(|_| ()),
            Err(ChangesError::TooMuchWork { limit })
        );
    }
    assert!(Timeline::build_within(&doc, 1, 100_000).is_ok());
}

/// One random update of the signed document: which objects it rewrites and how.
fn update() -> impl Strategy<Value = Vec<(u32, u8)>> {
    proptest::collection::vec(
        (
            prop::sample::select(vec![1u32, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 60]),
            0u8..6,
        ),
        1..5,
    )
}

fn body(num: u32, variant: u8) -> String {
    match (num, variant) {
        (_, 0) => "null".into(),
        (_, 1) => stream("BT (x) Tj ET"),
        (3, _) => page(
            ["7 0 R 8 0 R", "8 0 R", "7 0 R 8 0 R 60 0 R"][usize::from(variant % 3)],
            ["4 0 R", "20 0 R", "[4 0 R 60 0 R]"][usize::from(variant % 3)],
        ),
        (60, _) => {
            "<</Type/Annot/Subtype/FreeText/Rect[0 0 595 842]/P 3 0 R/AP<</N 20 0 R>>>>".into()
        }
        (_, 2) => "<</Type/Catalog/Pages 2 0 R/AcroForm 5 0 R/OpenAction 4 0 R>>".into(),
        (_, 3) => "<</Kids[3 0 R]/Type/Pages/Count 1>>".into(),
        (_, 4) => "[1 0 R 2 0 R]".into(),
        _ => {
            "<</Type/Annot/Subtype/Widget/FT/Tx/T(so_ky_hieu)/V(1)/P 3 0 R/AP<</N 20 0 R>>>>".into()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any sequence of updates gives a verdict or a typed error, never a panic; an update that
    /// changes what the signed page draws is never `none` or `allowed`.
    #[test]
    fn random_updates_never_hide_a_content_change(updates in proptest::collection::vec(update(), 1..4), p in 0u8..4) {
        let reference = if p == 0 { String::new() } else { docmdp(p) };
        let mut b = signed(&reference);
        let mut content_changed = false;
        for u in &updates {
            for (num, variant) in u {
                b.obj(*num, &body(*num, *variant));
            }
            // Within one update the last body written for an object is the one its cross-reference
            // entry points to; an earlier write of the same object is dead bytes.
            for (i, (num, variant)) in u.iter().enumerate() {
                let last = u[i + 1..].iter().all(|(later, _)| later != num);
                // The content stream itself, the font, or the page's /Contents redirected.
                if last && (*num == 4 || *num == 6 || (*num == 3 && variant % 3 != 0) || (*num == 2 && *variant != 3) || *num == 1) {
                    content_changed = true;
                }
            }
            b.table("/Root 1 0 R");
        }
        let Ok(doc) = Document::parse(&b.buf) else { return Ok(()) };
        let Ok(all) = analyse(&doc) else { return Ok(()) };
        if let Some(s) = all.iter().find(|s| s.field == "sig1") {
            if content_changed {
                prop_assert_eq!(s.modified_after_signing, Modification::Disallowed, "{:?}", s.changes);
            }
            for c in &s.changes {
                prop_assert!(c.allowed || !c.code.is_empty());
            }
        }
    }
}
