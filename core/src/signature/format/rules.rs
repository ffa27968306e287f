//! The Decree 30/2020 rules over [`DocumentFacts`], row by row of the machine checklist
//! (signature-format.md §6; readings in spec/signature/format.md).

use super::text::{contains_words, copy_type, fold, has_number_symbol, shows_name};
use super::time::{shown_times, VIETNAM_OFFSET_MINUTES};
use super::{
    AppearanceState, Collector, Decree30Options, Decree30Role, DocumentFacts, FormatReport,
    ManualReason, SignatureFacts, SignerClass,
};

/// Widest gap, in seconds, between the time an appearance shows and the signature's time
/// (signature-format.md §6 row 6: "to within a minute").
const SHOWN_TIME_TOLERANCE_SECONDS: i64 = 60;
/// The part of the person's signature the seal should cover, from the left (Appendix I Part I
/// Section II item 8 point a: "khoảng 1/3"), as the checklist's band around 1/3.
const SEAL_OVERLAP_MIN: f64 = 0.2;
/// See [`SEAL_OVERLAP_MIN`].
const SEAL_OVERLAP_MAX: f64 = 0.5;
/// Text size of the information line (item 8 point b; Part II Section I item 3: "cỡ chữ 10"),
/// with half a point for rounding in writers.
const INFO_SIZE: (f64, f64) = (9.5, 10.5);

/// Applies the Decree 30 profile to `facts`: every machine-checkable rule of the role, each rule
/// a person must check listed with its reason.
pub fn check(facts: &DocumentFacts, options: &Decree30Options) -> FormatReport {
    let mut c = Collector::new(options.role);
    match options.role {
        Decree30Role::Document => document(&mut c, facts, options),
        Decree30Role::Attachment | Decree30Role::Copy => {
            info_signature(&mut c, facts, options.role)
        }
    }
    for s in &facts.signatures {
        signer_name(&mut c, s);
        times(&mut c, s);
        match s.has_timestamp {
            Some(true) => {}
            Some(false) => c.finding("decree30.no_timestamp", None, Some(&s.field), &[]),
            None => c.manual(
                "decree30.unknown_timestamp",
                None,
                ManualReason::MissingFact,
                Some(&s.field),
                &[],
            ),
        }
    }
    c.finish()
}

fn is(s: &SignatureFacts, class: SignerClass) -> bool {
    s.signer_class == class
}

/// A signer the certificate stage could not class as a person or an organisation leaves every
/// row that needs the class to a person: one manual check per such signature.
fn unknown_signers(c: &mut Collector, sigs: &[SignatureFacts]) {
    for s in sigs.iter().filter(|s| is(s, SignerClass::Unknown)) {
        c.manual(
            "decree30.unknown_signer_class",
            None,
            ManualReason::MissingFact,
            Some(&s.field),
            &[],
        );
    }
}

/// Rows 1–11 and 13: an issued document.
fn document(c: &mut Collector, facts: &DocumentFacts, options: &Decree30Options) {
    let sigs = &facts.signatures;
    unknown_signers(c, sigs);
    let person = sigs.iter().position(|s| is(s, SignerClass::Person));
    let organisation = sigs
        .iter()
        .enumerate()
        .position(|(i, s)| is(s, SignerClass::Organisation) && person.is_none_or(|p| i > p))
        .or_else(|| sigs.iter().rposition(|s| is(s, SignerClass::Organisation)));
    let unknown = sigs.iter().any(|s| is(s, SignerClass::Unknown));

    // Row 1 (Art. 5 cl. 1; Art. 8 cl. 2 g–h).
    if sigs.len() < 2 && (sigs.is_empty() || unknown) {
        c.finding(
            "decree30.signatures_missing",
            None,
            None,
            &[("count", sigs.len().to_string())],
        );
    } else {
        if person.is_none() && !unknown {
            c.finding("decree30.person_signature_missing", None, None, &[]);
        }
        if organisation.is_none() && !unknown {
            c.finding("decree30.organisation_signature_missing", None, None, &[]);
        }
    }

    let p = person.and_then(|i| sigs.get(i));
    let o = organisation.and_then(|i| sigs.get(i));
    if let (Some(pi), Some(oi), Some(p), Some(o)) = (person, organisation, p, o) {
        // Row 4 (Art. 32 cl. 2 d; Art. 14).
        if oi < pi {
            c.finding(
                "decree30.organisation_before_person",
                None,
                Some(&o.field),
                &[("person", p.field.clone())],
            );
        } else {
            if o.covers_previous != Some(true) {
                c.finding(
                    "decree30.organisation_does_not_cover_person",
                    None,
                    Some(&o.field),
                    &[("person", p.field.clone())],
                );
            }
            if let (Some((tp, _)), Some((to, _))) = (p.times.best(), o.times.best()) {
                if tp.unix > to.unix {
                    c.finding(
                        "decree30.time_order",
                        None,
                        Some(&o.field),
                        &[
                            ("person_time", tp.to_rfc3339_vietnam()),
                            ("organisation_time", to.to_rfc3339_vietnam()),
                        ],
                    );
                }
            }
            // Row 5 (Art. 21 cl. 2 a; signature-format.md §3).
            if p.doc_mdp == Some(1) {
                c.finding(
                    "decree30.person_certified_no_changes",
                    None,
                    Some(&p.field),
                    &[],
                );
            }
            match &p.later_changes {
                None => c.manual(
                    "decree30.unknown_changes",
                    None,
                    ManualReason::MissingFact,
                    Some(&p.field),
                    &[],
                ),
                Some(changes) => {
                    let bad: Vec<String> = changes
                        .iter()
                        .filter(|ch| !ch.allowed && o.revision.is_none_or(|r| ch.revision <= r))
                        .map(|ch| ch.revision.to_string())
                        .collect();
                    if !bad.is_empty() {
                        c.finding(
                            "decree30.changes_between_signatures",
                            None,
                            Some(&p.field),
                            &[("revisions", bad.join(", "))],
                        );
                    }
                }
            }
        }
        // Row 10 (item 8 point a; mirrors Art. 33 cl. 1 b).
        if let (Some(gp), Some(go)) = (p.widget, o.widget) {
            let (pr, _, _) = gp.displayed();
            let (or, _, _) = go.displayed();
            let horizontal = pr[2].min(or[2]) - pr[0].max(or[0]);
            let vertical = pr[3].min(or[3]) - pr[1].max(or[1]);
            if gp.page != go.page || horizontal <= 0.0 || vertical <= 0.0 {
                c.finding(
                    "decree30.seal_not_over_signature",
                    None,
                    Some(&o.field),
                    &[("person", p.field.clone())],
                );
            } else {
                let fraction = horizontal / (pr[2] - pr[0]);
                if or[0] >= pr[0] || !(SEAL_OVERLAP_MIN..=SEAL_OVERLAP_MAX).contains(&fraction) {
                    c.finding(
                        "decree30.seal_overlap",
                        None,
                        Some(&o.field),
                        &[("percent", format!("{:.0}", fraction * 100.0))],
                    );
                }
            }
        }
    }
    if let Some(p) = p {
        // Row 7 (item 7 point d).
        shown(c, p, 7);
        c.manual(
            "decree30.check_person_image",
            None,
            ManualReason::PersonOnly,
            Some(&p.field),
            &[],
        );
        // Row 8 (item 7 point d): the signer column is the right half of the page.
        if let Some(g) = p.widget {
            let (r, w, _) = g.displayed();
            if (r[0] + r[2]) / 2.0 < w / 2.0 {
                c.finding(
                    "decree30.person_outside_signer_column",
                    None,
                    Some(&p.field),
                    &[],
                );
            }
        }
        c.manual(
            "decree30.check_person_position",
            None,
            ManualReason::PersonOnly,
            Some(&p.field),
            &[],
        );
    }
    if let Some(o) = o {
        // Row 9 (item 8 point a).
        shown(c, o, 9);
        c.manual(
            "decree30.check_seal_image",
            None,
            ManualReason::PersonOnly,
            Some(&o.field),
            &[],
        );
        if p.is_some() {
            c.manual(
                "decree30.check_seal_overlap",
                None,
                ManualReason::PersonOnly,
                Some(&o.field),
                &[],
            );
        }
        // Row 11 (Circular 01/2019/TT-BNV, UNCONFIRMED).
        if options.info_line {
            organisation_info(c, o);
        } else {
            c.manual(
                "decree30.check_organisation_info",
                None,
                ManualReason::Unconfirmed,
                Some(&o.field),
                &[],
            );
        }
        // Row 13 (item 8 point b: an attachment in the same file is covered by the organisation's
        // one signature, so that signature must cover the whole file).
        let last = o.revision.is_some() && o.revision == facts.revisions.checked_sub(1);
        if !last {
            match &o.later_changes {
                None => c.manual(
                    "decree30.unknown_changes",
                    Some(13),
                    ManualReason::MissingFact,
                    Some(&o.field),
                    &[],
                ),
                Some(changes) => {
                    let bad: Vec<String> = changes
                        .iter()
                        .filter(|ch| !ch.allowed)
                        .map(|ch| ch.revision.to_string())
                        .collect();
                    if !bad.is_empty() {
                        c.finding(
                            "decree30.changed_after_organisation",
                            None,
                            Some(&o.field),
                            &[("revisions", bad.join(", "))],
                        );
                    }
                }
            }
        }
    }
    c.manual(
        "decree30.check_number_and_date",
        None,
        ManualReason::PersonOnly,
        None,
        &[],
    );
}

/// Rows 7 and 9: the widget shows something, and its raster images are transparent.
fn shown(c: &mut Collector, s: &SignatureFacts, row: u8) {
    match &s.appearance {
        AppearanceState::Invisible | AppearanceState::NoStream => c.finding(
            "decree30.signature_not_visible",
            Some(row),
            Some(&s.field),
            &[],
        ),
        AppearanceState::Unreadable(e) => c.manual(
            "decree30.unknown_appearance",
            Some(row),
            ManualReason::MissingFact,
            Some(&s.field),
            &[("what", e.to_string())],
        ),
        AppearanceState::Read(f) => {
            if f.images.iter().any(|i| !i.transparent) {
                c.finding(
                    "decree30.image_not_transparent",
                    Some(row),
                    Some(&s.field),
                    &[],
                );
            }
        }
    }
}

/// Row 11, when switched on: the organisation's name and the time shown.
fn organisation_info(c: &mut Collector, o: &SignatureFacts) {
    let AppearanceState::Read(f) = &o.appearance else {
        if let AppearanceState::Unreadable(e) = &o.appearance {
            c.manual(
                "decree30.unknown_appearance",
                Some(11),
                ManualReason::MissingFact,
                Some(&o.field),
                &[("what", e.to_string())],
            );
        }
        return;
    };
    let text = f.text();
    if text.trim().is_empty() && !f.complete {
        c.manual(
            "decree30.unknown_appearance",
            Some(11),
            ManualReason::MissingFact,
            Some(&o.field),
            &[("what", "text in a composite font".to_owned())],
        );
        return;
    }
    let has_time = !shown_times(&text).is_empty();
    match &o.signer_name {
        Some(name) => {
            if !has_time || !shows_name(&text, name) {
                c.finding(
                    "decree30.organisation_info_missing",
                    None,
                    Some(&o.field),
                    &[],
                );
            }
        }
        None => {
            if !has_time {
                c.finding(
                    "decree30.organisation_info_missing",
                    None,
                    Some(&o.field),
                    &[],
                );
            }
            c.manual(
                "decree30.unknown_signer_name",
                Some(11),
                ManualReason::MissingFact,
                Some(&o.field),
                &[],
            );
        }
    }
}

/// Rows 12 and 14: the organisation's text-only signature on an attachment or a copy.
fn info_signature(c: &mut Collector, facts: &DocumentFacts, role: Decree30Role) {
    let sigs = &facts.signatures;
    unknown_signers(c, sigs);
    let target = sigs
        .iter()
        .find(|s| is(s, SignerClass::Organisation))
        .or_else(|| sigs.iter().find(|s| is(s, SignerClass::Unknown)));
    let row = if role == Decree30Role::Copy { 14 } else { 12 };
    if !sigs.iter().any(|s| is(s, SignerClass::Organisation))
        && !sigs.iter().any(|s| is(s, SignerClass::Unknown))
    {
        c.finding(
            "decree30.organisation_signature_missing",
            Some(row),
            None,
            &[],
        );
    }
    c.manual(
        "decree30.check_typography",
        None,
        ManualReason::PersonOnly,
        None,
        &[],
    );
    if role == Decree30Role::Copy {
        c.manual(
            "decree30.check_scan",
            None,
            ManualReason::PersonOnly,
            None,
            &[],
        );
    } else {
        c.manual(
            "decree30.check_number_and_date",
            Some(12),
            ManualReason::PersonOnly,
            None,
            &[],
        );
    }
    let Some(s) = target else { return };
    let field = Some(s.field.as_str());
    if let Some(g) = s.widget {
        let (r, w, h) = g.displayed();
        if g.page != 0 || r[0] < 0.5 * w || r[1] < 0.75 * h {
            c.finding("decree30.info_position", None, field, &[]);
        }
    }
    let f = match &s.appearance {
        AppearanceState::Invisible | AppearanceState::NoStream => {
            c.finding("decree30.signature_not_visible", Some(row), field, &[]);
            return;
        }
        AppearanceState::Unreadable(e) => {
            c.manual(
                "decree30.unknown_appearance",
                Some(row),
                ManualReason::MissingFact,
                field,
                &[("what", e.to_string())],
            );
            return;
        }
        AppearanceState::Read(f) => f,
    };
    if !f.images.is_empty() {
        c.finding("decree30.info_has_image", None, field, &[]);
    }
    let text = f.text();
    if text.trim().is_empty() {
        if f.complete {
            c.finding("decree30.info_text_missing", None, field, &[]);
        } else {
            c.manual(
                "decree30.unknown_appearance",
                Some(row),
                ManualReason::MissingFact,
                field,
                &[("what", "text in a composite font".to_owned())],
            );
        }
        return;
    }
    if !f.complete {
        c.manual(
            "decree30.unknown_appearance",
            Some(row),
            ManualReason::MissingFact,
            field,
            &[("what", "text past the limits".to_owned())],
        );
    }
    let runs: Vec<_> = f
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let bad_font = runs.iter().find(|r| {
        // Times New Roman under any of its PostScript names (TimesNewRomanPSMT, Times-Roman,
        // a subset prefix), upright ("kiểu chữ đứng"): not italic or oblique.
        let times = r.base_font.as_deref().is_some_and(|b| {
            let b = fold(b).replace(' ', "");
            b.contains("times") && !b.contains("italic") && !b.contains("oblique")
        });
        !times || !(INFO_SIZE.0..=INFO_SIZE.1).contains(&r.size)
    });
    if let Some(r) = bad_font {
        c.finding(
            "decree30.info_font",
            None,
            field,
            &[
                (
                    "font",
                    r.base_font.clone().unwrap_or_else(|| "?".to_owned()),
                ),
                ("size", format!("{:.1}", r.size)),
            ],
        );
    }
    let black = |rgb: Option<[f64; 3]>| rgb.is_some_and(|c| c.iter().all(|v| v.abs() <= 0.05));
    if runs.iter().any(|r| !black(r.fill)) {
        c.finding("decree30.info_colour", None, field, &[]);
    }
    let times = shown_times(&text);
    if !times
        .iter()
        .any(|t| t.offset_minutes == Some(VIETNAM_OFFSET_MINUTES))
    {
        c.finding("decree30.info_time_missing", None, field, &[]);
    }
    match role {
        Decree30Role::Attachment => {
            if !has_number_symbol(&text) {
                c.finding("decree30.info_number_missing", None, field, &[]);
            }
        }
        Decree30Role::Copy => {
            if copy_type(&text).is_none() {
                c.finding("decree30.copy_type_missing", None, field, &[]);
            }
            match &s.signer_name {
                Some(name) => {
                    if !shows_name(&text, name) {
                        c.finding("decree30.copy_organisation_missing", None, field, &[]);
                    }
                }
                None => c.manual(
                    "decree30.unknown_signer_name",
                    None,
                    ManualReason::MissingFact,
                    field,
                    &[],
                ),
            }
        }
        Decree30Role::Document => {}
    }
}

/// Row 2: `/Name`, when written, names the certificate's holder.
fn signer_name(c: &mut Collector, s: &SignatureFacts) {
    let (Some(name), Some(holder)) = (&s.name, &s.signer_name) else {
        return;
    };
    if fold(name).is_empty() {
        return;
    }
    if !contains_words(holder, name) && !contains_words(name, holder) {
        c.finding(
            "decree30.name_mismatch",
            None,
            Some(&s.field),
            &[("name", name.clone()), ("holder", holder.clone())],
        );
    }
}

/// Row 6: `/M` and the times shown are in Vietnam time, and a time shown is the signing time.
fn times(c: &mut Collector, s: &SignatureFacts) {
    let field = Some(s.field.as_str());
    match &s.times.pdf_m {
        Some(Err(e)) => c.finding(
            "decree30.m_malformed",
            None,
            field,
            &[("what", e.to_string())],
        ),
        Some(Ok(d)) if d.offset_minutes != Some(VIETNAM_OFFSET_MINUTES) => {
            c.finding("decree30.m_not_vietnam_time", None, field, &[]);
        }
        _ => {}
    }
    let AppearanceState::Read(f) = &s.appearance else {
        return;
    };
    let machine = s.times.best();
    for t in shown_times(&f.text()) {
        if t.offset_minutes
            .is_some_and(|o| o != VIETNAM_OFFSET_MINUTES)
        {
            c.finding("decree30.shown_time_not_vietnam_time", None, field, &[]);
        }
        if let (Some(shown), Some((m, _))) = (t.instant(), machine) {
            if (shown.unix - m.unix).abs() > SHOWN_TIME_TOLERANCE_SECONDS {
                c.finding(
                    "decree30.shown_time_differs",
                    None,
                    field,
                    &[
                        ("shown", shown.to_rfc3339_vietnam()),
                        ("signed", m.to_rfc3339_vietnam()),
                    ],
                );
            }
        }
    }
}
