//! The profile on synthetic PDFs (the PDF side) and on facts (the rules).

use super::content::{MAX_OPERATIONS, MAX_TEXT_CHARS};
use super::time::{parse_pdf_date, Instant, LocalTime};
use super::*;
use crate::signature::pdf::testpdf::Builder;
use crate::signature::pdf::Document;

// ---------------------------------------------------------------------------------------------
// The PDF side.

/// A widget's appearance: a form XObject 20 with `content`, an image 21 (`image_dict`) and the
/// fonts 22 (Times New Roman) and 23 (a composite font).
struct Sig<'a> {
    name: &'a str,
    rect: &'a str,
    content: &'a str,
    m: &'a str,
}

/// One page (A4, `/Rotate` given on the page tree root), signature fields made of `sigs`, each
/// field `10 + 3i` (widget and field merged), its value `11 + 3i`, its appearance `12 + 3i`.
/// Byte ranges are written with fixed-width numbers and patched to end at the file's end.
fn pdf(rotate: i64, image_dict: &str, sigs: &[Sig<'_>]) -> Vec<u8> {
    let mut b = Builder::new();
    let fields: Vec<String> = (0..sigs.len())
        .map(|i| format!("{} 0 R", 10 + 3 * i))
        .collect();
    b.obj(
        1,
        &format!(
            "<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[{}]/SigFlags 3>>>>",
            fields.join(" ")
        ),
    );
    b.obj(
        2,
        &format!("<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]/Rotate {rotate}>>"),
    );
    b.obj(
        3,
        &format!("<</Type/Page/Parent 2 0 R/Annots[{}]>>", fields.join(" ")),
    );
    b.obj_bytes(
        21,
        format!("<<{image_dict}/Length 3>>stream\nabc\nendstream").as_bytes(),
    );
    b.obj(
        22,
        "<</Type/Font/Subtype/TrueType/BaseFont/TimesNewRomanPSMT/Encoding/WinAnsiEncoding>>",
    );
    b.obj(
        23,
        "<</Type/Font/Subtype/Type0/BaseFont/Arial-Unicode/Encoding/Identity-H>>",
    );
    b.obj(
        24,
        "<</Type/Font/Subtype/Type0/BaseFont/ABCDEF+TimesNewRomanPSMT/Encoding/Identity-H/ToUnicode 25 0 R>>",
    );
    b.flate(
        25,
        "",
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0050> <0053> <01A1> <1EDF> endbfchar 1 beginbfrange <0003> <0004> <0020> endbfrange",
    );
    for (i, s) in sigs.iter().enumerate() {
        let n = u32::try_from(10 + 3 * i).expect("small");
        b.obj(
            n,
            &format!(
                "<</Type/Annot/Subtype/Widget/FT/Sig/T({})/V {} 0 R/Rect[{}]/P 3 0 R/F 132/AP<</N {} 0 R>>>>",
                s.name,
                n + 1,
                s.rect,
                n + 2
            ),
        );
        b.obj(
            n + 1,
            &format!(
                "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange[0 0000000000 0000000000 0000000000]/Contents<00>/M({})>>",
                s.m
            ),
        );
        b.flate(
            n + 2,
            "/Type/XObject/Subtype/Form/BBox[0 0 100 50]/Resources<</XObject<</Im1 21 0 R>>/Font<</F1 22 0 R/F2 23 0 R/F3 24 0 R>>>>",
            s.content.as_bytes(),
        );
    }
    b.table("/Root 1 0 R");
    let mut bytes = b.buf;
    // Every byte range covers the whole file but its own /Contents.
    let len = bytes.len();
    let mut at = 0;
    while let Some(p) = bytes[at..]
        .windows(11)
        .position(|w| w == b"/ByteRange[")
        .map(|p| p + at)
    {
        let contents = bytes[p..]
            .windows(10)
            .position(|w| w == b"/Contents<")
            .expect("contents")
            + p
            + 9;
        let end = contents + 4;
        let text = format!("[0 {contents:010} {end:010} {:010}", len - end);
        bytes[p + 10..p + 10 + text.len()].copy_from_slice(text.as_bytes());
        at = p + 1;
    }
    bytes
}

const IMAGE_WITH_SMASK: &str = "/Type/XObject/Subtype/Image/Width 300/Height 150/ColorSpace/DeviceRGB/BitsPerComponent 8/SMask 21 0 R";
const M_VN: &str = "D:20260305093015+07'00'";

#[test]
fn gather_reads_widget_geometry_appearance_and_m() {
    let content = "q 100 0 0 50 0 0 cm /Im1 Do Q BT 0 0 0 rg /F1 10 Tf 2 2 Td (SAO Y) Tj [(2026-03-05T09:30:15) -250 (+07:00)] TJ ET";
    let bytes = pdf(
        0,
        IMAGE_WITH_SMASK,
        &[Sig {
            name: "chu_ky_1",
            rect: "300 812 590 838",
            content,
            m: M_VN,
        }],
    );
    let doc = Document::parse(&bytes).expect("parses");
    let facts = gather(&doc).expect("facts");
    assert_eq!(facts.revisions, 1);
    let [s] = &facts.signatures[..] else {
        panic!("one signature: {facts:?}")
    };
    assert_eq!(s.field, "chu_ky_1");
    assert_eq!(s.revision, Some(0));
    assert_eq!(s.covers_previous, Some(true));
    assert_eq!(s.signer_class, SignerClass::Unknown);
    assert_eq!(s.has_timestamp, None);
    let g = s.widget.expect("visible");
    assert_eq!(g.page, 0);
    assert_eq!(g.rect, [300.0, 812.0, 590.0, 838.0]);
    assert_eq!(g.page_box, [0.0, 0.0, 595.0, 842.0]);
    assert_eq!(s.times.pdf_m, Some(parse_pdf_date(M_VN)));
    let AppearanceState::Read(f) = &s.appearance else {
        panic!("appearance read: {:?}", s.appearance)
    };
    assert!(f.complete);
    assert_eq!(f.images.len(), 1);
    assert!(f.images[0].transparent && !f.images[0].inline);
    assert_eq!(f.images[0].width, Some(300));
    assert_eq!(f.text(), "SAO Y 2026-03-05T09:30:15+07:00");
    assert_eq!(f.runs[0].base_font.as_deref(), Some("TimesNewRomanPSMT"));
    assert!((f.runs[0].size - 10.0).abs() < 1e-9);
    assert_eq!(f.runs[0].fill, Some([0.0, 0.0, 0.0]));
}

#[test]
fn the_page_rotation_is_inherited_and_applied() {
    let bytes = pdf(
        90,
        IMAGE_WITH_SMASK,
        &[Sig {
            name: "a",
            rect: "500 700 580 800",
            content: "",
            m: M_VN,
        }],
    );
    let doc = Document::parse(&bytes).expect("parses");
    let facts = gather(&doc).expect("facts");
    let g = facts.signatures[0].widget.expect("visible");
    assert_eq!(g.rotate, 90);
    // Turned clockwise: the page is 842 wide and 595 high; user x 500..580 (near the right
    // edge) becomes displayed y 15..95 (near the bottom), user y 700..800 displayed x 700..800.
    let (r, w, h) = g.displayed();
    assert_eq!((w, h), (842.0, 595.0));
    assert_eq!(r, [700.0, 15.0, 800.0, 95.0]);
}

#[test]
fn displayed_rectangles_for_every_rotation() {
    let g = |rotate| Geometry {
        page: 0,
        rect: [10.0, 20.0, 30.0, 60.0],
        page_box: [0.0, 0.0, 100.0, 200.0],
        rotate,
    };
    assert_eq!(g(0).displayed(), ([10.0, 20.0, 30.0, 60.0], 100.0, 200.0));
    assert_eq!(g(90).displayed(), ([20.0, 70.0, 60.0, 90.0], 200.0, 100.0));
    assert_eq!(
        g(180).displayed(),
        ([70.0, 140.0, 90.0, 180.0], 100.0, 200.0)
    );
    assert_eq!(
        g(270).displayed(),
        ([140.0, 10.0, 180.0, 30.0], 200.0, 100.0)
    );
}

fn appearance_of(content: &str, image: &str) -> AppearanceState {
    let bytes = pdf(
        0,
        image,
        &[Sig {
            name: "a",
            rect: "0 0 100 50",
            content,
            m: M_VN,
        }],
    );
    let doc = Document::parse(&bytes).expect("parses");
    gather(&doc).expect("facts").signatures[0]
        .appearance
        .clone()
}

#[test]
fn appearances_show_opaque_images_inline_images_and_composite_text() {
    let AppearanceState::Read(f) = appearance_of(
        "/Im1 Do",
        "/Subtype/Image/Width 2/Height 2/ColorSpace/DeviceRGB/BitsPerComponent 8",
    ) else {
        panic!("read")
    };
    assert!(!f.images[0].transparent, "no SMask, no Mask");
    let AppearanceState::Read(f) = appearance_of(
        "q 1 0 0 1 0 0 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x01EI\x02 EI Q BT /F1 12 Tf 1 0 0 rg (x) Tj ET",
        IMAGE_WITH_SMASK,
    ) else {
        panic!("read")
    };
    assert_eq!(f.images.len(), 1);
    assert!(f.images[0].inline && !f.images[0].transparent);
    assert_eq!(f.images[0].width, Some(2));
    assert_eq!(f.text(), "x");
    assert_eq!(f.runs[0].fill, Some([1.0, 0.0, 0.0]));
    let AppearanceState::Read(f) = appearance_of(
        "BT /F2 10 Tf <0041> Tj ET BT 0.5 0 0 0.5 0 0 Tm /F1 20 Tf 0 0 0 1 k (y) Tj ET",
        IMAGE_WITH_SMASK,
    ) else {
        panic!("read")
    };
    assert!(!f.complete, "a composite font's codes are not read as text");
    assert!(f.runs[0].composite && f.runs[0].text.is_empty());
    assert!((f.runs[1].size - 10.0).abs() < 1e-9, "Tf 20 at half scale");
    assert_eq!(f.runs[1].fill, Some([0.0, 0.0, 0.0]), "CMYK black");
}

#[test]
fn text_in_a_composite_font_is_read_through_its_to_unicode_cmap() {
    let AppearanceState::Read(f) =
        appearance_of("BT /F3 10 Tf <0050 01A1 0003 0050> Tj ET", IMAGE_WITH_SMASK)
    else {
        panic!("read")
    };
    assert!(f.complete);
    assert!(f.runs[0].composite);
    assert_eq!(f.text(), "Sở S");
    assert_eq!(
        f.runs[0].base_font.as_deref(),
        Some("ABCDEF+TimesNewRomanPSMT")
    );
    let AppearanceState::Read(f) =
        appearance_of("BT /F3 10 Tf <0050 7777> Tj ET", IMAGE_WITH_SMASK)
    else {
        panic!("read")
    };
    assert!(!f.complete, "an unmapped code");
    assert_eq!(f.text(), "S\u{FFFD}");
}

#[test]
fn appearances_stop_at_their_limits_and_bad_content_is_unreadable() {
    let many = "0 g ".repeat(MAX_OPERATIONS + 10);
    let AppearanceState::Read(f) = appearance_of(&many, IMAGE_WITH_SMASK) else {
        panic!("read")
    };
    assert!(!f.complete);
    let long = format!("BT /F1 10 Tf ({}) Tj ET", "a".repeat(MAX_TEXT_CHARS + 5));
    let AppearanceState::Read(f) = appearance_of(&long, IMAGE_WITH_SMASK) else {
        panic!("read")
    };
    assert!(!f.complete);
    assert_eq!(f.text().chars().count(), MAX_TEXT_CHARS);
    assert!(matches!(
        appearance_of("BT (unterminated Tj ET", IMAGE_WITH_SMASK),
        AppearanceState::Unreadable(_)
    ));
    assert!(matches!(
        appearance_of("BI /W 1 ID xxxx", IMAGE_WITH_SMASK),
        AppearanceState::Unreadable(_)
    ));
}

#[test]
fn signatures_are_ordered_and_coverage_is_read_from_the_byte_ranges() {
    // Two signatures in one revision, both ending at the end of the file: neither's first part
    // reaches the end of the other, so neither covers the other.
    let bytes = pdf(
        0,
        IMAGE_WITH_SMASK,
        &[
            Sig {
                name: "a",
                rect: "0 0 10 10",
                content: "",
                m: M_VN,
            },
            Sig {
                name: "b",
                rect: "0 0 0 0",
                content: "",
                m: "20260305",
            },
        ],
    );
    let doc = Document::parse(&bytes).expect("parses");
    let facts = gather(&doc).expect("facts");
    assert_eq!(facts.signatures.len(), 2);
    assert_eq!(facts.signatures[0].covers_previous, Some(true));
    assert_eq!(facts.signatures[1].covers_previous, Some(false));
    let b = facts.signatures.iter().find(|s| s.field == "b").expect("b");
    assert_eq!(b.appearance, AppearanceState::Invisible);
    assert_eq!(b.widget, None);
    assert!(matches!(b.times.pdf_m, Some(Err(_))));
}

// ---------------------------------------------------------------------------------------------
// The rules, on facts.

fn vn(hour: u8, minute: u8, second: u8) -> Instant {
    let local = LocalTime {
        year: 2026,
        month: 3,
        day: 5,
        hour,
        minute,
        second,
    };
    Instant::from_local(local, 420).expect("valid")
}

fn text_appearance(
    text: &str,
    font: &str,
    size: f64,
    fill: [f64; 3],
    image: bool,
) -> AppearanceState {
    AppearanceState::Read(AppearanceFacts {
        images: if image {
            vec![content::ImageFact {
                width: Some(300),
                height: Some(150),
                transparent: true,
                inline: false,
            }]
        } else {
            Vec::new()
        },
        runs: vec![content::TextRun {
            text: text.to_owned(),
            base_font: Some(font.to_owned()),
            composite: false,
            size,
            fill: Some(fill),
        }],
        complete: true,
    })
}

fn sig(field: &str, class: SignerClass, revision: usize, rect: [f64; 4]) -> SignatureFacts {
    SignatureFacts {
        field: field.to_owned(),
        revision: Some(revision),
        covers_previous: Some(true),
        name: None,
        doc_mdp: None,
        widget: Some(Geometry {
            page: 0,
            rect,
            page_box: [0.0, 0.0, 595.0, 842.0],
            rotate: 0,
        }),
        appearance: text_appearance("", "Helvetica", 8.0, [0.0, 0.0, 1.0], true),
        times: SigningTimes {
            timestamp: Some(vn(9, 30, 20)),
            cms_signing_time: None,
            pdf_m: Some(parse_pdf_date(M_VN)),
        },
        signer_class: class,
        signer_name: None,
        has_timestamp: Some(true),
        later_changes: Some(Vec::new()),
    }
}

const PERSON: [f64; 4] = [380.0, 175.0, 500.0, 245.0];
const SEAL: [f64; 4] = [320.0, 160.0, 420.0, 260.0];

/// The compliant issued document: the person, a form fill (revision 1), the organisation.
fn issued() -> DocumentFacts {
    let mut p = sig("chu_ky_1", SignerClass::Person, 0, PERSON);
    p.later_changes = Some(vec![
        LaterChange {
            revision: 1,
            allowed: true,
        },
        LaterChange {
            revision: 2,
            allowed: true,
        },
    ]);
    let o = sig("chu_ky_2", SignerClass::Organisation, 2, SEAL);
    DocumentFacts {
        signatures: vec![p, o],
        revisions: 3,
    }
}

fn run(facts: &DocumentFacts, role: Decree30Role) -> FormatReport {
    check(
        facts,
        &Decree30Options {
            role,
            info_line: false,
        },
    )
}

fn codes(r: &FormatReport) -> Vec<(&str, u8)> {
    r.findings
        .iter()
        .map(|f| (f.finding.code.as_str(), f.row))
        .collect()
}

#[test]
fn a_compliant_issued_document_passes_its_machine_rules_and_lists_the_manual_ones() {
    let r = run(&issued(), Decree30Role::Document);
    assert_eq!(codes(&r), []);
    assert_eq!(r.verdict, FormatVerdict::MachineChecksPassed);
    assert_eq!(r.profile, "decree30_2020");
    let manual: Vec<(&str, ManualReason)> = r
        .manual_checks
        .iter()
        .map(|m| (m.code.as_str(), m.reason))
        .collect();
    for expected in [
        ("decree30.check_person_image", ManualReason::PersonOnly),
        ("decree30.check_person_position", ManualReason::PersonOnly),
        ("decree30.check_seal_image", ManualReason::PersonOnly),
        ("decree30.check_seal_overlap", ManualReason::PersonOnly),
        (
            "decree30.check_organisation_info",
            ManualReason::Unconfirmed,
        ),
        ("decree30.check_number_and_date", ManualReason::PersonOnly),
    ] {
        assert!(manual.contains(&expected), "{expected:?} in {manual:?}");
    }
    assert!(r
        .manual_checks
        .iter()
        .all(|m| !m.vi.is_empty() && !m.en.is_empty()));
}

#[test]
fn missing_facts_are_never_passed() {
    let mut facts = issued();
    for s in &mut facts.signatures {
        s.signer_class = SignerClass::Unknown;
        s.has_timestamp = None;
        s.later_changes = None;
    }
    facts.signatures[1].revision = Some(1);
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), []);
    assert_eq!(r.verdict, FormatVerdict::Indeterminate);
    let missing: Vec<&str> = r
        .manual_checks
        .iter()
        .filter(|m| m.reason == ManualReason::MissingFact)
        .map(|m| m.code.as_str())
        .collect();
    assert!(missing.contains(&"decree30.unknown_signer_class"));
    assert!(missing.contains(&"decree30.unknown_timestamp"));
    // Classes unknown: sig#P and sig#O are not identified, so row 5 is not reached; the
    // classification is what is missing.
    let mut facts = issued();
    facts.signatures[0].later_changes = None;
    facts.signatures[1].revision = Some(1);
    facts.signatures[1].later_changes = None;
    let r = run(&facts, Decree30Role::Document);
    let rows: Vec<(&str, u8)> = r
        .manual_checks
        .iter()
        .filter(|m| m.reason == ManualReason::MissingFact)
        .map(|m| (m.code.as_str(), m.row))
        .collect();
    assert_eq!(
        rows,
        [
            ("decree30.unknown_changes", 5),
            ("decree30.unknown_changes", 13)
        ]
    );
    assert_eq!(r.verdict, FormatVerdict::Indeterminate);
}

#[test]
fn row_1_needs_the_person_and_the_organisation() {
    let mut facts = issued();
    facts.signatures.truncate(1);
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.organisation_signature_missing", 1)]);
    assert_eq!(r.verdict, FormatVerdict::Failed);
    facts.signatures[0].signer_class = SignerClass::Unknown;
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.signatures_missing", 1)]);
    let r = run(&DocumentFacts::default(), Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.signatures_missing", 1)]);
    let mut facts = issued();
    facts.signatures[0].signer_class = SignerClass::Organisation;
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.person_signature_missing", 1)]);
}

#[test]
fn row_4_the_organisation_signs_after_and_over_the_person() {
    let mut facts = issued();
    facts.signatures.swap(0, 1);
    let r = run(&facts, Decree30Role::Document);
    assert!(codes(&r).contains(&("decree30.organisation_before_person", 4)));
    let mut facts = issued();
    facts.signatures[1].covers_previous = Some(false);
    facts.signatures[1].times.timestamp = Some(vn(9, 0, 0));
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(
        codes(&r),
        [
            ("decree30.organisation_does_not_cover_person", 4),
            ("decree30.time_order", 4)
        ]
    );
    assert!(r.findings[1]
        .finding
        .vi
        .contains("2026-03-05T09:30:20+07:00"));
}

#[test]
fn row_5_and_13_changes_between_and_after_the_signatures() {
    let mut facts = issued();
    facts.signatures[0].later_changes = Some(vec![
        LaterChange {
            revision: 1,
            allowed: false,
        },
        LaterChange {
            revision: 3,
            allowed: false,
        },
    ]);
    facts.signatures[1].later_changes = Some(vec![LaterChange {
        revision: 3,
        allowed: false,
    }]);
    facts.revisions = 4;
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(
        codes(&r),
        [
            ("decree30.changes_between_signatures", 5),
            ("decree30.changed_after_organisation", 13)
        ]
    );
    assert!(r.findings[0].finding.en.contains("revision 1"));
    assert!(!r.findings[0].finding.en.contains('3'));
    let mut facts = issued();
    facts.signatures[0].doc_mdp = Some(1);
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.person_certified_no_changes", 5)]);
}

#[test]
fn row_6_times_in_vietnam_time_and_the_time_shown() {
    let mut facts = issued();
    facts.signatures[0].times.pdf_m = Some(parse_pdf_date("D:20260305023015Z"));
    facts.signatures[1].times.pdf_m = Some(parse_pdf_date("D:2026030509301"));
    facts.signatures[1].appearance = text_appearance(
        "SO TU PHAP 2026-03-05 02:30:15",
        "Helvetica",
        8.0,
        [1.0, 0.0, 0.0],
        true,
    );
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(
        codes(&r),
        [
            ("decree30.m_not_vietnam_time", 6),
            ("decree30.m_malformed", 6),
            ("decree30.shown_time_differs", 6)
        ]
    );
    let mut facts = issued();
    facts.signatures[1].appearance = text_appearance(
        "2026-03-05T02:30:20Z",
        "Helvetica",
        8.0,
        [1.0, 0.0, 0.0],
        true,
    );
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.shown_time_not_vietnam_time", 6)]);
}

#[test]
fn rows_7_to_10_appearances_and_geometry() {
    let mut facts = issued();
    facts.signatures[0].appearance = AppearanceState::Read(AppearanceFacts {
        images: vec![content::ImageFact {
            width: Some(3),
            height: Some(3),
            transparent: false,
            inline: false,
        }],
        runs: Vec::new(),
        complete: true,
    });
    facts.signatures[1].appearance = AppearanceState::Invisible;
    facts.signatures[1].widget = None;
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(
        codes(&r),
        [
            ("decree30.image_not_transparent", 7),
            ("decree30.signature_not_visible", 9)
        ]
    );
    let mut facts = issued();
    facts.signatures[0].widget = Some(Geometry {
        rect: [60.0, 690.0, 180.0, 730.0],
        ..facts.signatures[0].widget.expect("widget")
    });
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(
        codes(&r),
        [
            ("decree30.seal_not_over_signature", 10),
            ("decree30.person_outside_signer_column", 8)
        ]
    );
    // The seal on the right half of the signature, and one covering most of it.
    for seal in [[450.0, 160.0, 550.0, 260.0], [370.0, 160.0, 470.0, 260.0]] {
        let mut facts = issued();
        facts.signatures[1].widget = Some(Geometry {
            rect: seal,
            ..facts.signatures[1].widget.expect("widget")
        });
        let r = run(&facts, Decree30Role::Document);
        assert_eq!(codes(&r), [("decree30.seal_overlap", 10)], "{seal:?}");
    }
    let mut facts = issued();
    facts.signatures[1].appearance = AppearanceState::Unreadable(PdfError::NoCatalog);
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), []);
    assert_eq!(r.verdict, FormatVerdict::Indeterminate);
    assert!(r
        .manual_checks
        .iter()
        .any(|m| m.code == "decree30.unknown_appearance" && m.row == 9));
}

#[test]
fn row_11_when_switched_on_and_row_2_the_name() {
    let options = Decree30Options {
        role: Decree30Role::Document,
        info_line: true,
    };
    let mut facts = issued();
    facts.signatures[1].signer_name = Some("SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI".to_owned());
    let r = check(&facts, &options);
    assert_eq!(codes(&r), [("decree30.organisation_info_missing", 11)]);
    facts.signatures[1].appearance = text_appearance(
        "Sở Tư pháp 05/03/2026 09:30:15",
        "Helvetica",
        8.0,
        [1.0, 0.0, 0.0],
        true,
    );
    assert_eq!(codes(&check(&facts, &options)), []);
    facts.signatures[0].name = Some("Tran Thi Binh".to_owned());
    facts.signatures[0].signer_name = Some("NGUYỄN VĂN AN".to_owned());
    assert_eq!(
        codes(&check(&facts, &options)),
        [("decree30.name_mismatch", 2)]
    );
    facts.signatures[0].name = Some("Nguyen Van An".to_owned());
    assert_eq!(codes(&check(&facts, &options)), []);
}

/// The organisation's information-only signature on an attachment or copy.
fn info(text: &str) -> DocumentFacts {
    let mut o = sig(
        "chu_ky_1",
        SignerClass::Organisation,
        0,
        [300.0, 812.0, 590.0, 838.0],
    );
    o.appearance = text_appearance(text, "TimesNewRomanPSMT", 10.0, [0.0, 0.0, 0.0], false);
    o.signer_name = Some("SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI".to_owned());
    DocumentFacts {
        signatures: vec![o],
        revisions: 1,
    }
}

#[test]
fn rows_12_and_14_attachments_and_copies() {
    let r = run(
        &info("123/QD-STP 2026-03-05T09:30:15+07:00"),
        Decree30Role::Attachment,
    );
    assert_eq!(codes(&r), []);
    assert_eq!(r.verdict, FormatVerdict::MachineChecksPassed);
    let r = run(
        &info("SAO Y SO TU PHAP HA NOI 2026-03-05T09:30:15+07:00"),
        Decree30Role::Copy,
    );
    assert_eq!(codes(&r), []);
    assert!(r
        .manual_checks
        .iter()
        .any(|m| m.code == "decree30.check_scan"));

    let mut facts = info("123/QD-STP 2026-03-05T09:30:15+07:00");
    facts.signatures[0].widget = Some(Geometry {
        rect: [40.0, 40.0, 330.0, 66.0],
        ..facts.signatures[0].widget.expect("widget")
    });
    facts.signatures[0].appearance = text_appearance(
        "123/QD-STP 2026-03-05T09:30:15+07:00",
        "Helvetica",
        8.0,
        [1.0, 0.0, 0.0],
        true,
    );
    let r = run(&facts, Decree30Role::Attachment);
    assert_eq!(
        codes(&r),
        [
            ("decree30.info_position", 12),
            ("decree30.info_has_image", 12),
            ("decree30.info_font", 12),
            ("decree30.info_colour", 12)
        ]
    );
    let r = run(&info("SO TU PHAP 09:30:15"), Decree30Role::Attachment);
    assert_eq!(
        codes(&r),
        [
            ("decree30.info_time_missing", 12),
            ("decree30.info_number_missing", 12)
        ]
    );
    let r = run(&info("UBND 2026-03-05T09:30:15+07:00"), Decree30Role::Copy);
    assert_eq!(
        codes(&r),
        [
            ("decree30.copy_type_missing", 14),
            ("decree30.copy_organisation_missing", 14)
        ]
    );
    let mut facts = info("");
    facts.signatures[0].signer_class = SignerClass::Person;
    let r = run(&facts, Decree30Role::Copy);
    assert_eq!(codes(&r), [("decree30.organisation_signature_missing", 14)]);
    let mut facts = info("");
    facts.signatures[0].appearance = AppearanceState::NoStream;
    let r = run(&facts, Decree30Role::Attachment);
    assert_eq!(codes(&r), [("decree30.signature_not_visible", 12)]);
}

#[test]
fn row_18_the_timestamp() {
    let mut facts = issued();
    facts.signatures[0].has_timestamp = Some(false);
    let r = run(&facts, Decree30Role::Document);
    assert_eq!(codes(&r), [("decree30.no_timestamp", 18)]);
    assert_eq!(r.findings[0].finding.severity, Severity::Warning);
    assert_eq!(r.findings[0].finding.path, "/signatures/chu_ky_1");
    assert_eq!(r.findings[0].signature.as_deref(), Some("chu_ky_1"));
    assert_eq!(r.verdict, FormatVerdict::MachineChecksPassed, "a warning");
}

#[test]
fn every_code_is_in_the_catalog_and_every_catalog_code_is_used() {
    for (code, row, _) in CODES {
        let e = catalog::entry(code);
        assert!(*row > 0 && *row <= 19, "{code}");
        assert!(
            e.rule.contains("row") || e.rule.contains("§"),
            "{code}: {}",
            e.rule
        );
    }
    let listed: Vec<&str> = catalog::entries()
        .filter(|e| e.code.starts_with("decree30."))
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(listed.len(), CODES.len());
    for code in listed {
        assert!(
            CODES.iter().any(|(c, _, _)| *c == code),
            "{code} is in the catalog but no rule uses it"
        );
        let source = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/signature/format/rules.rs"
        ))
        .expect("rules source");
        assert!(
            source.contains(&format!("\"{code}\"")),
            "{code} is never reported"
        );
    }
}

#[test]
fn format_reports_serialize_with_stable_names() {
    let mut facts = issued();
    facts.signatures[0].has_timestamp = Some(false);
    let r = run(&facts, Decree30Role::Document);
    let v = serde_json::to_value(&r).expect("serializes");
    assert_eq!(v["profile"], "decree30_2020");
    assert_eq!(v["role"], "document");
    assert_eq!(v["verdict"], "machine_checks_passed");
    let f = &v["findings"][0];
    for key in [
        "code",
        "severity",
        "path",
        "vi",
        "en",
        "rule",
        "row",
        "level",
        "signature",
    ] {
        assert!(f.get(key).is_some(), "finding has {key}: {f}");
    }
    assert_eq!(f["level"], "automatic");
    let m = &v["manual_checks"][0];
    for key in [
        "code",
        "row",
        "level",
        "reason",
        "signature",
        "vi",
        "en",
        "rule",
    ] {
        assert!(m.get(key).is_some(), "manual check has {key}: {m}");
    }
    let back: FormatReport = serde_json::from_value(v).expect("reads back");
    assert_eq!(back, r);
}

const TOKENS: &[&str] = &[
    "q",
    "Q",
    "BT",
    "ET",
    "/F1",
    "/F2",
    "/F3",
    "/F9",
    "10",
    "-3.5",
    "Tf",
    "(a)",
    "(2026-03-05T09:30:15+07:00)",
    "<41>",
    "[",
    "]",
    "Tj",
    "TJ",
    "'",
    "\"",
    "/Im1",
    "/Im9",
    "Do",
    "BI",
    "/W",
    "ID",
    "EI",
    "cm",
    "1",
    "0",
    "rg",
    "g",
    "k",
    "sc",
    "scn",
    "cs",
    "/DeviceRGB",
    "<<",
    ">>",
    "Tm",
    "re",
    "f",
    "%c\n",
    ")",
    "{",
    "1 0 R",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any appearance content gives facts or a typed error, never a panic, and the rules run
    /// on whatever was read.
    #[test]
    fn any_appearance_content_gives_facts_or_a_typed_error(
        picks in proptest::collection::vec(0..TOKENS.len(), 0..60)
    ) {
        let content: Vec<&str> = picks.iter().map(|i| TOKENS[*i]).collect();
        let state = appearance_of(&content.join(" "), IMAGE_WITH_SMASK);
        if let AppearanceState::Read(f) = &state {
            proptest::prop_assert!(f.text().chars().count() <= MAX_TEXT_CHARS + f.runs.len());
        }
        let mut facts = issued();
        facts.signatures[1].appearance = state;
        let _ = run(&facts, Decree30Role::Copy);
        let _ = run(&facts, Decree30Role::Document);
    }
}
