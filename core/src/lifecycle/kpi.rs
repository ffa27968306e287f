//! The indicators provinces are judged on, computed from a replayed log: how many dossiers were
//! handled early, on time or late, the on-time rate, and the share submitted online, overall and
//! by receiving agency, by procedure and by month of receipt.
//!
//! Decision 766/QĐ-TTg (2022), indicator 2.1, counts a dossier on time when processing ended no
//! later than its appointment (`NgayKetThucXuLy ≤ NgayHenTra`). Here the end and the appointment
//! are those of the replay: the legal due date (restarted after a supplement, Decree 61/2018
//! Art. 19(4), and moved by the apology slip, Art. 19(9)), not the 766 formula's own subtraction
//! of supplement time; see `spec/lifecycle/README.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::replay::{DossierReplay, Replay, Timeliness};
use crate::calendar::due::LocalTime;
use crate::model::Channel;

/// Counts over a group of dossiers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counts {
    /// Dossiers in the group.
    pub dossiers: usize,
    /// Dossiers received (the clock started).
    pub received: usize,
    /// Finished before the due date.
    pub early: usize,
    /// Finished on the due date.
    pub on_time: usize,
    /// Finished after the due time.
    pub late: usize,
    /// Received and not finished.
    pub pending: usize,
    /// Never received, or stopped.
    pub not_applicable: usize,
    /// Submitted online.
    pub online: usize,
    /// Dossiers whose channel is known.
    pub with_channel: usize,
    /// (early + on time) / (early + on time + late); `None` when nothing was finished.
    pub on_time_rate: Option<f64>,
    /// online / dossiers whose channel is known; `None` when no channel is known.
    pub online_share: Option<f64>,
}

impl Counts {
    fn add(&mut self, d: &DossierReplay) {
        self.dossiers += 1;
        self.received += usize::from(d.received_at.is_some());
        match d.timeliness {
            Timeliness::Early => self.early += 1,
            Timeliness::OnTime => self.on_time += 1,
            Timeliness::Late => self.late += 1,
            Timeliness::Pending => self.pending += 1,
            Timeliness::NotApplicable => self.not_applicable += 1,
        }
        self.with_channel += usize::from(d.channel.is_some());
        self.online += usize::from(d.channel == Some(Channel::Online));
    }

    fn close(mut self) -> Self {
        let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
        let judged = self.early + self.on_time + self.late;
        self.on_time_rate = ratio(self.early + self.on_time, judged);
        self.online_share = ratio(self.online, self.with_channel);
        self
    }
}

/// The indicators of a log.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Kpi {
    /// Every dossier.
    pub overall: Counts,
    /// By receiving agency (`"—"` when the log does not name it).
    pub by_agency: BTreeMap<String, Counts>,
    /// By procedure code (`"—"` when the log does not name it).
    pub by_procedure: BTreeMap<String, Counts>,
    /// By month of receipt in Vietnam, `YYYY-MM`; dossiers never received are not in it.
    pub by_month: BTreeMap<String, Counts>,
}

/// The indicators of the replayed dossiers.
pub fn kpi(replay: &Replay) -> Kpi {
    let mut overall = Counts::default();
    let mut by_agency: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_procedure: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_month: BTreeMap<String, Counts> = BTreeMap::new();
    let unnamed = || "—".to_owned();
    for d in &replay.dossiers {
        overall.add(d);
        by_agency
            .entry(d.agency.clone().unwrap_or_else(unnamed))
            .or_default()
            .add(d);
        by_procedure
            .entry(d.procedure.clone().unwrap_or_else(unnamed))
            .or_default()
            .add(d);
        let month = d
            .received_at
            .as_ref()
            .and_then(|t| LocalTime::from_timestamp(t).ok())
            .map(|t| t.date.to_string().get(..7).unwrap_or_default().to_owned());
        if let Some(month) = month {
            by_month.entry(month).or_default().add(d);
        }
    }
    let close = |m: BTreeMap<String, Counts>| m.into_iter().map(|(k, c)| (k, c.close())).collect();
    Kpi {
        overall: overall.close(),
        by_agency: close(by_agency),
        by_procedure: close(by_procedure),
        by_month: close(by_month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::due::Policy;

    #[test]
    fn the_example_log_counted_by_hand() {
        let log = include_str!("../../../examples/lifecycle-log.jsonl");
        let kpi = kpi(&super::super::replay(log, &Policy::default()).expect("replays"));
        // Early (returned), on time (result ready), refused at receipt; one of three online.
        let o = &kpi.overall;
        assert_eq!(
            (o.dossiers, o.received, o.early, o.on_time, o.late),
            (3, 2, 1, 1, 0)
        );
        assert_eq!((o.not_applicable, o.online, o.with_channel), (1, 1, 3));
        assert_eq!(o.on_time_rate, Some(1.0));
        assert_eq!(
            kpi.by_month.keys().collect::<Vec<_>>(),
            ["2025-06", "2025-07"]
        );
        assert_eq!(
            kpi.by_agency.keys().collect::<Vec<_>>(),
            ["000.00.01.H26", "G01.01", "H26.15"]
        );
        let p = &kpi.by_procedure["1.001612"];
        assert_eq!((p.dossiers, p.early, p.not_applicable), (2, 1, 1));
    }
}
