//! Checks of the dossier's dates and history.

use super::{Findings, FormsError};
use crate::finding::pointer;
use crate::model::{Circular, Dossier, EventType};
use crate::Date;

/// Checks timestamps against today and each other, appointments, the single re-appointment,
/// and the forms cited by events.
pub(super) fn events(dossier: &Dossier, today: Date, out: &mut Findings) {
    if dossier.submitted_at.date() > today {
        out.push(
            FormsError::TimestampFuture(dossier.submitted_at.date()),
            "/submitted_at".to_owned(),
        );
    }
    let mut previous = dossier.submitted_at.unix_nanos();
    let mut apologies = 0usize;
    for (i, event) in dossier.events.iter().enumerate() {
        let at = pointer("/events", &i.to_string());
        // Compared on the date written in the event's own offset, as printed on the forms.
        if event.at.date() > today {
            out.push(
                FormsError::TimestampFuture(event.at.date()),
                pointer(&at, "at"),
            );
        }
        let nanos = event.at.unix_nanos();
        if nanos < previous {
            out.push(FormsError::EventsOutOfOrder, pointer(&at, "at"));
        }
        previous = previous.max(nanos);
        if event.due_at.is_some_and(|due| due.unix_nanos() < nanos) {
            out.push(FormsError::DueBeforeEvent, pointer(&at, "due_at"));
        }
        // Decree 61/2018 Art. 19(9): "Việc hẹn lại ngày trả kết quả được thực hiện không quá
        // một lần" (restated by provinces and by Decree 297/2025 Art. 6(5) after 01/7/2025).
        if event.kind == EventType::ApologyIssued {
            apologies += 1;
            if apologies == 2 {
                out.push(FormsError::ApologyRepeated, at.clone());
            }
        }
        if let Some(form) = event.form {
            let at = pointer(&at, "form");
            if form.number == 0 || form.number > form.circular.form_count() {
                let e = FormsError::FormUnknown {
                    circular: circular_name(form.circular),
                    number: form.number,
                };
                out.push(e, pointer(&at, "number"));
            } else if form.circular.prescribed_form(event.kind) != Some(form.number) {
                let expected = match form.circular.prescribed_form(event.kind) {
                    Some(n) => format!("{n:02}"),
                    None => "—".to_owned(),
                };
                out.push(
                    FormsError::FormMismatch {
                        number: form.number,
                        expected,
                    },
                    at,
                );
            }
        }
    }
}

/// The circular's number as written in law.
fn circular_name(c: Circular) -> &'static str {
    match c {
        Circular::Tt01_2018 => "01/2018/TT-VPCP",
        Circular::Tt03_2025 => "03/2025/TT-VPCP",
    }
}
