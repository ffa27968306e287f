//! End-to-end tests of `motcua verify`: the bundled signed examples (made by `motcua-forge`, see
//! examples/README.md) must keep verifying as documented, so they cannot rot; JSON lines, exit
//! codes and unreadable inputs.

mod common;
#[path = "common/examples.rs"]
mod examples;
#[path = "common/text.rs"]
mod text;

use examples::{AT, DATA, DECISION, OVERLAID, P7S, ROOT};
use text::{json_lines, motcua};

#[test]
fn the_signed_examples_verify_as_documented() {
    let (code, out, err) = motcua(
        &[
            "verify",
            DECISION,
            "--trust",
            ROOT,
            "--at",
            AT,
            "--profile",
            "decree30",
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("✓ "), "{out}");
    assert!(out.contains("đạt — TOTAL_PASSED"), "{out}");
    assert!(
        out.contains("người ký: \"NGUYỄN VĂN AN\" (cá nhân)"),
        "{out}"
    );
    assert!(out.contains("đạt các kiểm tra tự động"), "{out}");

    let (code, out, _) = motcua(&["verify", OVERLAID, "--trust", ROOT, "--at", AT], "");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("TOTAL_FAILED"), "{out}");
    assert!(
        out.contains("có sửa đổi KHÔNG được phép sau khi ký"),
        "{out}"
    );

    let (code, out, err) = motcua(
        &[
            "--lang",
            "en",
            "verify",
            P7S,
            "--content",
            DATA,
            "--trust",
            ROOT,
            "--at",
            AT,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("passes — TOTAL_PASSED"), "{out}");
    assert!(
        out.contains("signing time: 2026-03-05T09:30:20+07:00 (timestamp)"),
        "{out}"
    );
}

/// The decision's signatures carry CRLs current on 2026-03-05; three months later they no
/// longer tell the status (the issuing CA's was issued before signing and has expired): by
/// default INDETERMINATE/TRY_LATER, a pass only when the caller accepts an unknown status.
#[test]
fn outdated_revocation_data_is_try_later_unless_accepted() {
    let later = "2026-06-05T02:30:15Z";
    let (code, out, err) = motcua(
        &["verify", DECISION, "--trust", ROOT, "--at", later, "--json"],
        "",
    );
    assert_eq!(code, 1, "{out}{err}");
    let reports = json_lines(&out);
    for s in reports[0]["signatures"].as_array().expect("signatures") {
        assert_eq!(s["sub_indication"], "TRY_LATER", "{s}");
    }
    let (code, out, err) = motcua(
        &[
            "verify",
            DECISION,
            "--trust",
            ROOT,
            "--at",
            later,
            "--revocation",
            "accept-unknown",
        ],
        "",
    );
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, _) = motcua(
        &[
            "verify",
            DECISION,
            "--trust",
            ROOT,
            "--at",
            AT,
            "--revocation",
            "never",
        ],
        "",
    );
    assert_eq!(code, 2);
}

#[test]
fn json_is_one_report_per_file_per_line() {
    let (code, out, _) = motcua(
        &[
            "verify", DECISION, OVERLAID, P7S, "--trust", ROOT, "--at", AT, "--json",
        ],
        "",
    );
    assert_eq!(code, 1);
    let reports = json_lines(&out);
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0]["file"], DECISION);
    assert_eq!(reports[0]["indication"], "TOTAL_PASSED");
    assert_eq!(reports[0]["signatures"].as_array().map(Vec::len), Some(2));
    assert_eq!(reports[0]["format"], serde_json::Value::Null);
    assert_eq!(reports[1]["indication"], "TOTAL_FAILED");
    assert_eq!(
        reports[1]["signatures"][0]["modified_after_signing"]["status"],
        "disallowed"
    );
    // A detached signature without --content: its data is not found.
    assert_eq!(reports[2]["indication"], "INDETERMINATE");
    assert_eq!(
        reports[2]["signatures"][0]["sub_indication"],
        "SIGNED_DATA_NOT_FOUND"
    );
}

#[test]
fn nothing_passes_without_a_trust_anchor() {
    let (code, out, _) = motcua(&["verify", DECISION, "--at", AT, "--json"], "");
    assert_eq!(code, 1);
    let r = &json_lines(&out)[0];
    assert_eq!(r["indication"], "INDETERMINATE");
    assert_eq!(
        r["signatures"][0]["sub_indication"],
        "NO_CERTIFICATE_CHAIN_FOUND"
    );
}

#[test]
fn unreadable_inputs_exit_2_and_the_others_are_still_verified() {
    let (code, out, err) = motcua(
        &[
            "verify",
            DATA,
            "/no/such/file.pdf",
            DECISION,
            "--trust",
            ROOT,
            "--at",
            AT,
            "--json",
        ],
        "",
    );
    assert_eq!(code, 2, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0]["input_error"]["code"], "verify.unrecognised_input");
    assert_eq!(lines[1]["indication"], "TOTAL_PASSED");
    assert!(err.contains("verify.unrecognised_input"), "{err}");
    assert!(err.contains("không tìm thấy tệp"), "{err}");
    // A trust anchor that is not a certificate is unusable input too.
    let (code, _, err) = motcua(&["verify", DECISION, "--trust", DATA], "");
    assert_eq!(code, 2);
    assert!(err.contains("certificate.bad_pem"), "{err}");
}
