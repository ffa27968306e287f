//! What a valid identifier says ([`IdInfo`]), as `label: value` pairs in the chosen language.
//!
//! The values come from the core (province names, carriers, dates); only the labels and the
//! names of the core's enumerations are words of the CLI, kept in [`crate::labels`].

use motcua_core::ids::{
    AgencyGroup, DossierPattern, IdInfo, PersonalIdInfo, PhoneLine, Sex, TaxCodeForm,
};

use crate::labels::{InfoLabels, Labels};

/// `info` on one line: `label: value; label: value; …`.
pub(crate) fn describe(info: &IdInfo, labels: &Labels) -> String {
    let mut facts = Vec::new();
    collect(info, labels.info, &mut facts);
    facts
        .iter()
        .map(|(label, value)| format!("{label}: {value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

type Facts = Vec<(&'static str, String)>;

fn collect(info: &IdInfo, l: &InfoLabels, facts: &mut Facts) {
    match info {
        IdInfo::PersonalId(p) => personal_id(p, l, facts),
        IdInfo::OldId(o) => {
            facts.push((l.valid_until_at_latest, o.valid_until_at_latest.to_string()))
        }
        IdInfo::TaxCode(t) => {
            let form = match t.form {
                TaxCodeForm::Main => l.tax_form_main,
                TaxCodeForm::DependentUnit => l.tax_form_dependent_unit,
                TaxCodeForm::PersonalId => l.tax_form_personal_id,
            };
            facts.push((l.tax_form, form.to_owned()));
            optional(facts, l.head_office, t.head_office.as_deref());
            optional(facts, l.branch, t.branch.as_deref());
            if let Some(p) = &t.personal_id {
                personal_id(p, l, facts);
            }
        }
        IdInfo::AgencyCode(a) => {
            let level1 = match &a.level1_name {
                Some(name) => format!("{} ({name})", a.level1),
                None => a.level1.clone(),
            };
            facts.push((l.level1, level1));
            if let Some(group) = a.group {
                let group = match group {
                    AgencyGroup::Government => l.group_government,
                    AgencyGroup::Province => l.group_province,
                };
                facts.push((l.group, group.to_owned()));
            }
            facts.push((l.level, a.level.to_string()));
        }
        IdInfo::ProcedureCode(p) => {
            facts.push((l.national_code, p.national.clone()));
            optional(facts, l.publishing_agency, p.agency.as_deref());
            optional(facts, l.online_service, p.service.as_deref());
        }
        IdInfo::DossierCode(d) => {
            let pattern = match d.pattern {
                DossierPattern::Circular01Of2018 => l.pattern_circular_01_2018,
                DossierPattern::Circular03Of2025 => l.pattern_circular_03_2025,
                DossierPattern::PortalObserved => l.pattern_portal_observed,
            };
            facts.push((l.pattern, pattern.to_owned()));
            facts.push((l.agency, d.agency.clone()));
            facts.push((l.received_on, d.date.to_string()));
            facts.push((l.sequence, d.sequence.clone()));
            optional(facts, l.system, d.system.as_deref());
        }
        IdInfo::Phone(p) => {
            let line = match p.line {
                PhoneLine::Mobile => l.mobile,
                PhoneLine::Landline => l.landline,
            };
            facts.push((l.line, line.to_owned()));
            facts.push((l.national_form, p.national.clone()));
            facts.push((l.prefix, p.prefix.clone()));
            optional(facts, l.carrier, p.carrier.as_deref());
            optional(facts, l.area, p.province.as_deref());
        }
    }
}

fn personal_id(p: &PersonalIdInfo, l: &InfoLabels, facts: &mut Facts) {
    facts.push((
        l.birth_registered_in,
        format!("{} ({})", p.province, p.province_code),
    ));
    let sex = match p.sex {
        Sex::Male => l.male,
        Sex::Female => l.female,
    };
    facts.push((l.sex, sex.to_owned()));
    facts.push((l.birth_year, p.birth_year.to_string()));
}

fn optional(facts: &mut Facts, label: &'static str, value: Option<&str>) {
    if let Some(value) = value {
        facts.push((label, value.to_owned()));
    }
}
