//! Properties of the model and of validation on arbitrary dossiers: JSON round trips without
//! loss, and `forms::validate` never panics and always reports consistently.

use motcua_core::model::{
    Agency, Applicant, ApplicantKind, Attachment, AttachmentRules, AuthorityLevel, Channel,
    Circular, Condition, Dossier, Event, EventType, Extensions, Fee, FeeKind, FormRef, Procedure,
    ProcessingTime, Representative, RepresentativeRole, RequiredDocument, Sex, TimeUnit, Timestamp,
};
use motcua_core::{forms, Date};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

/// Short text, with Vietnamese letters and the characters JSON escapes.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ăâđêôơưÁÀẢÃẠệọ\"\\\\/~.@\\-]{0,12}"
}

/// Identifier-like text: digits, sometimes with separators, so that some are valid.
fn id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{9,13}",
        "[0-9 .\\-]{0,14}",
        select(vec!["079195004321".to_owned(), "0314409058".to_owned()])
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..2100, 1u8..=12, 1u8..=28)
        .prop_map(|(y, m, d)| Date::new(y, m, d).expect("day 1-28 exists"))
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    let offset = prop_oneof![
        Just("Z".to_owned()),
        (prop::bool::ANY, 0u8..=23, 0u8..=59)
            .prop_filter("-00:00 is not an offset", |(neg, h, m)| !(*neg
                && *h == 0
                && *m == 0))
            .prop_map(|(neg, h, m)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' })),
    ];
    let fraction =
        option::of("[0-9]{1,9}").prop_map(|f| f.map(|f| format!(".{f}")).unwrap_or_default());
    (date(), 0u8..=23, 0u8..=59, 0u8..=59, fraction, offset).prop_map(|(d, h, mi, s, f, o)| {
        format!("{d}T{h:02}:{mi:02}:{s:02}{f}{o}")
            .parse()
            .expect("generated timestamps are valid")
    })
}

fn extensions() -> impl Strategy<Value = Option<Extensions>> {
    option::of(vec(
        (
            text(),
            prop_oneof![
                text().prop_map(Into::into),
                any::<i64>().prop_map(Into::into),
                any::<bool>().prop_map(Into::into)
            ],
        ),
        0..3,
    ))
    .prop_map(|o| o.map(|pairs| pairs.into_iter().collect()))
}

fn applicant() -> impl Strategy<Value = Applicant> {
    (
        select(vec![ApplicantKind::Citizen, ApplicantKind::Organisation]),
        text(),
        (
            option::of(id_text()),
            option::of(id_text()),
            option::of(id_text()),
        ),
        (
            option::of(date()),
            option::of(select(vec![Sex::Male, Sex::Female])),
        ),
        (
            option::of(id_text()),
            option::of(text()),
            option::of(text()),
        ),
        extensions(),
    )
        .prop_map(
            |(
                kind,
                name,
                (personal_id, old_id, tax_code),
                (date_of_birth, sex),
                (phone, email, address),
                extensions,
            )| {
                Applicant {
                    kind,
                    name,
                    personal_id,
                    old_id,
                    tax_code,
                    date_of_birth,
                    sex,
                    phone,
                    email,
                    address,
                    extensions,
                }
            },
        )
}

fn representative() -> impl Strategy<Value = Representative> {
    (
        select(vec![
            RepresentativeRole::Legal,
            RepresentativeRole::Authorised,
        ]),
        text(),
        (option::of(id_text()), option::of(id_text())),
        (
            option::of(date()),
            option::of(select(vec![Sex::Male, Sex::Female])),
        ),
        (
            option::of(id_text()),
            option::of(text()),
            option::of(text()),
            option::of(text()),
        ),
        extensions(),
    )
        .prop_map(
            |(
                role,
                name,
                (personal_id, old_id),
                (date_of_birth, sex),
                (phone, email, address, authorisation),
                extensions,
            )| {
                Representative {
                    role,
                    name,
                    personal_id,
                    old_id,
                    date_of_birth,
                    sex,
                    phone,
                    email,
                    address,
                    authorisation,
                    extensions,
                }
            },
        )
}

fn attachment() -> impl Strategy<Value = Attachment> {
    let sha = prop_oneof!["[0-9a-f]{64}", "[0-9A-Fa-z]{0,66}"];
    let doc = option::of(select(vec![
        "a".to_owned(),
        "b".to_owned(),
        "c".to_owned(),
        "zz".to_owned(),
    ]));
    let media = select(vec![
        "application/pdf",
        "image/PNG",
        "text/plain; charset=utf-8",
        "pdf",
        "",
    ])
    .prop_map(str::to_owned);
    (text(), media, any::<u64>(), sha, doc, extensions()).prop_map(
        |(name, media_type, size, sha256, satisfies, extensions)| Attachment {
            name,
            media_type,
            size,
            sha256,
            satisfies,
            extensions,
        },
    )
}

fn event() -> impl Strategy<Value = Event> {
    let kinds = EventType::ALL.to_vec();
    let form = option::of(
        (
            select(vec![Circular::Tt01_2018, Circular::Tt03_2025]),
            any::<u8>(),
        )
            .prop_map(|(circular, number)| FormRef { circular, number }),
    );
    (
        select(kinds),
        timestamp(),
        option::of(text()),
        form,
        option::of(timestamp()),
        option::of(text()),
        extensions(),
    )
        .prop_map(|(kind, at, actor, form, due_at, note, extensions)| Event {
            kind,
            at,
            actor,
            form,
            due_at,
            note,
            extensions,
        })
}

fn agency() -> impl Strategy<Value = Agency> {
    (prop_oneof!["000\\.00\\.[0-9]{2}\\.H29", text()], text())
        .prop_map(|(code, name)| Agency { code, name })
}

fn channel() -> impl Strategy<Value = Channel> {
    select(vec![Channel::InPerson, Channel::Post, Channel::Online])
}

fn dossier() -> impl Strategy<Value = Dossier> {
    (
        (
            option::of(text()),
            prop_oneof![Just("1.000894".to_owned()), text()],
        ),
        (option::of(agency()), option::of(agency())),
        (channel(), timestamp(), option::of(channel())),
        (applicant(), option::of(representative())),
        (vec(attachment(), 0..6), vec(event(), 0..5)),
        extensions(),
    )
        .prop_map(
            |(
                (code, procedure_code),
                (receiving_agency, processing_agency),
                (channel, submitted_at, result_channel),
                (applicant, representative),
                (attachments, events),
                extensions,
            )| Dossier {
                code,
                procedure_code,
                receiving_agency,
                processing_agency,
                channel,
                submitted_at,
                result_channel,
                applicant,
                representative,
                attachments,
                events,
                extensions,
            },
        )
}

fn procedure() -> impl Strategy<Value = Procedure> {
    let conditions = vec(
        select(vec![
            Condition::ApplicantCitizen,
            Condition::ApplicantOrganisation,
            Condition::Representative,
            Condition::AuthorisedRepresentative,
            Condition::ChannelInPerson,
            Condition::ChannelPost,
            Condition::ChannelOnline,
        ]),
        0..3,
    );
    let document = (
        select(vec!["a", "b", "c"]),
        text(),
        conditions,
        any::<bool>(),
    )
        .prop_map(|(id, name, required_when, optional)| RequiredDocument {
            id: id.to_owned(),
            name,
            required_when,
            optional,
        });
    let rules = (
        any::<u64>(),
        any::<u32>(),
        vec(
            select(vec!["application/pdf", "image/png", "x"]).prop_map(str::to_owned),
            0..3,
        ),
    )
        .prop_map(|(max_file_bytes, max_files, media_types)| AttachmentRules {
            max_file_bytes,
            max_files,
            media_types,
        });
    let fee = (
        text(),
        select(vec![FeeKind::Fee, FeeKind::Charge]),
        any::<u64>(),
    )
        .prop_map(|(name, kind, amount_vnd)| Fee {
            name,
            kind,
            amount_vnd,
        });
    (
        (prop_oneof![Just("1.000894".to_owned()), text()], text()),
        select(vec![
            AuthorityLevel::Central,
            AuthorityLevel::Province,
            AuthorityLevel::District,
            AuthorityLevel::Commune,
        ]),
        vec(
            select(vec![ApplicantKind::Citizen, ApplicantKind::Organisation]),
            0..2,
        ),
        vec(document, 0..4),
        (
            any::<u32>(),
            select(vec![
                TimeUnit::WorkingDays,
                TimeUnit::CalendarDays,
                TimeUnit::Hours,
            ]),
        ),
        (vec(fee, 0..2), rules, vec(text(), 0..2), extensions()),
    )
        .prop_map(
            |(
                (code, name),
                level,
                applicant_kinds,
                documents,
                (amount, unit),
                (fees, attachment_rules, legal_basis, extensions),
            )| Procedure {
                code,
                name,
                level,
                applicant_kinds,
                documents,
                processing_time: ProcessingTime { amount, unit },
                fees,
                attachment_rules,
                legal_basis,
                extensions,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn dossier_json_round_trips(d in dossier()) {
        let text = serde_json::to_string(&d).expect("a dossier serializes");
        prop_assert_eq!(Dossier::from_json(&text), Ok(d));
    }

    #[test]
    fn procedure_json_round_trips(p in procedure()) {
        let text = serde_json::to_string(&p).expect("a procedure serializes");
        let back: Procedure = serde_json::from_str(&text).expect("a serialized procedure parses");
        prop_assert_eq!(back, p);
    }

    #[test]
    fn validate_never_panics_and_is_consistent(d in dossier(), p in procedure(), today in date()) {
        let report = forms::validate(&d, &p, today);
        prop_assert_eq!(report.valid, report.errors.is_empty());
        for f in report.errors.iter().chain(&report.warnings) {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'), "{} has path {:?}", f.code, f.path);
            prop_assert!(!f.vi.is_empty() && !f.en.is_empty() && !f.rule.is_empty());
        }
        // Validating twice gives the same report: no hidden state.
        prop_assert_eq!(forms::validate(&d, &p, today), report);
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = Dossier::from_json(&s);
        let _ = Procedure::from_json(&s);
    }
}
