//! The National Public Service Portal's dossier status codes (`TrangThaiHoSo` 1–10), as data in
//! `spec/lifecycle/national-status.json`: the code each state of the machine is synchronised as,
//! and the states a code can stand for.
//!
//! The codes are those of the production sync integrations (status-codes.md §1); the official
//! specification was not available. A code outside 1–10 is kept as it is ([`NationalStatus`] is
//! an integer), so a foreign log never loses one; it stands for no state.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::machine::State;

const SOURCE: &str = include_str!("../../../spec/lifecycle/national-status.json");

/// A dossier status code of the National Public Service Portal (`TrangThaiHoSo`).
///
/// Written as a number; read from a number or from a string of digits, since sync payloads use
/// both (`"TrangThai": 5`, `TrangThaiHoSoId == "2"`; status-codes.md §1). Its JSON Schema is
/// the one of what is written (`NationalStatus`, an integer), for the results; a field read from
/// another system's log takes `#[schemars(with = "NationalStatusInput")]` for what is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "StatusText", into = "u16")]
pub struct NationalStatus(pub u16);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for NationalStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NationalStatus".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A dossier status code of the National Public Service Portal (`TrangThaiHoSo`), as written in results: a number, 1 to 10 for the codes the portal lists.",
            "type": "integer",
            "format": "uint16",
            "minimum": 0,
            "maximum": 65535
        })
    }
}

/// A National Public Service Portal status code as read from another system's log: a number, or
/// a string of digits (sync payloads use both: `"TrangThai": 5`, `TrangThaiHoSoId == "2"`;
/// status-codes.md §1).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "NationalStatusInput"))]
#[serde(untagged)]
pub(super) enum StatusText {
    /// `5`.
    Number(u16),
    /// `"5"`.
    Digits(String),
}

impl TryFrom<StatusText> for NationalStatus {
    type Error = String;

    fn try_from(raw: StatusText) -> Result<Self, Self::Error> {
        match raw {
            StatusText::Number(n) => Ok(Self(n)),
            StatusText::Digits(text) => match text.parse() {
                Ok(n) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(Self(n)),
                _ => Err(format!(
                    "status code {text:?} is not a number from 0 to 65535"
                )),
            },
        }
    }
}

impl From<NationalStatus> for u16 {
    fn from(status: NationalStatus) -> Self {
        status.0
    }
}

impl NationalStatus {
    /// 1 "Mới đăng ký".
    pub const NEWLY_REGISTERED: Self = Self(1);
    /// 2 "Được tiếp nhận".
    pub const RECEIVED: Self = Self(2);
    /// 3 "Không được tiếp nhận".
    pub const NOT_RECEIVED: Self = Self(3);
    /// 4 "Đang xử lý".
    pub const PROCESSING: Self = Self(4);
    /// 5 "Yêu cầu bổ sung giấy tờ".
    pub const SUPPLEMENT_REQUESTED: Self = Self(5);
    /// 6 "Yêu cầu thực hiện nghĩa vụ tài chính".
    pub const FINANCIAL_OBLIGATIONS: Self = Self(6);
    /// 7 "Công dân yêu cầu rút hồ sơ".
    pub const WITHDRAWAL_REQUESTED: Self = Self(7);
    /// 8 "Dừng xử lý".
    pub const STOPPED: Self = Self(8);
    /// 9 "Đã xử lý xong".
    pub const PROCESSED: Self = Self(9);
    /// 10 "Đã trả kết quả".
    pub const RETURNED: Self = Self(10);

    /// The code's description, `None` for a code the portal's lists do not have.
    pub fn describe(self) -> Option<&'static CodeDef> {
        table().codes.iter().find(|c| c.code == self)
    }

    /// The states of the machine this code can stand for (empty for an unknown code).
    pub fn states(self) -> &'static [State] {
        table()
            .inverse
            .iter()
            .find(|(code, _)| *code == self)
            .map_or(&[], |(_, states)| states.as_slice())
    }
}

/// One status code as described in the data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeDef {
    /// The code.
    pub code: NationalStatus,
    /// Its name on the portal, in Vietnamese (exact).
    pub vi: String,
    /// Its name in English.
    pub en: String,
    /// Whether no status follows it.
    pub terminal: bool,
}

/// The status a state is synchronised as.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateCode {
    state: State,
    code: Option<NationalStatus>,
    status: String,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    source: String,
    codes: Vec<CodeDef>,
    states: Vec<StateCode>,
}

struct Table {
    source: String,
    codes: Vec<CodeDef>,
    states: Vec<StateCode>,
    inverse: Vec<(NationalStatus, Vec<State>)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The file is checked by the unit tests below; a broken mapping cannot be released.
        let file: File = serde_json::from_str(SOURCE)
            .unwrap_or_else(|e| panic!("spec/lifecycle/national-status.json is invalid: {e}"));
        let inverse = file
            .codes
            .iter()
            .map(|c| {
                let states = file
                    .states
                    .iter()
                    .filter(|s| s.code == Some(c.code))
                    .map(|s| s.state)
                    .collect();
                (c.code, states)
            })
            .collect();
        Table {
            source: file.source,
            codes: file.codes,
            states: file.states,
            inverse,
        }
    })
}

/// Where the codes come from, and how sure that source is.
pub fn national_source() -> &'static str {
    &table().source
}

/// The portal status `state` is synchronised as; `None` before submission.
pub fn status_of(state: State) -> Option<NationalStatus> {
    table()
        .states
        .iter()
        .find(|s| s.state == state)
        .and_then(|s| s.code)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::lifecycle::machine;

    #[test]
    fn every_state_has_one_entry_and_every_code_a_state() {
        let file: File = serde_json::from_str(SOURCE).expect("national-status.json");
        assert!(national_source().contains("status-codes.md"));
        let machine_states: BTreeSet<State> = machine::all()
            .iter()
            .flat_map(|r| r.states.iter().map(|s| s.id))
            .collect();
        let mapped: Vec<State> = file.states.iter().map(|s| s.state).collect();
        assert_eq!(
            mapped.len(),
            machine_states.len(),
            "a state twice or missing"
        );
        assert_eq!(mapped.into_iter().collect::<BTreeSet<_>>(), machine_states);
        for s in &file.states {
            assert!(["SOLID", "READING", "UNCONFIRMED"].contains(&s.status.as_str()));
            assert!(!s.note.is_empty());
        }
        let codes: Vec<u16> = file.codes.iter().map(|c| c.code.0).collect();
        assert_eq!(codes, (1..=10).collect::<Vec<_>>());
        for c in &file.codes {
            assert!(
                !c.code.states().is_empty(),
                "code {} stands for no state",
                c.code.0
            );
        }
        assert!(NationalStatus(11).states().is_empty() && NationalStatus(11).describe().is_none());
    }

    #[test]
    fn terminal_codes_are_terminal_states_and_the_mapping_round_trips() {
        for rules in machine::all() {
            for s in &rules.states {
                let Some(code) = status_of(s.id) else {
                    assert_eq!(s.id, rules.initial);
                    continue;
                };
                let def = code.describe().expect("a mapped code is described");
                assert_eq!(def.terminal, s.terminal, "{:?} and code {}", s.id, code.0);
                assert!(code.states().contains(&s.id));
            }
        }
        assert_eq!(
            NationalStatus::SUPPLEMENT_REQUESTED.states(),
            [State::SupplementAtReceipt, State::SupplementInProcessing]
        );
        assert_eq!(
            status_of(State::InterAgency),
            Some(NationalStatus::PROCESSING)
        );
        assert_eq!(
            status_of(State::ResultReady),
            Some(NationalStatus::PROCESSED)
        );
    }

    #[test]
    fn codes_are_read_from_numbers_and_digits() {
        let read = |json: &str| serde_json::from_str::<NationalStatus>(json).ok();
        assert_eq!(read("5"), Some(NationalStatus(5)));
        assert_eq!(read("\"10\""), Some(NationalStatus::RETURNED));
        assert_eq!(read("\"+5\""), None);
        assert_eq!(read("\"x\""), None);
        assert_eq!(read("70000"), None);
        assert_eq!(
            serde_json::to_string(&NationalStatus(7)).ok().as_deref(),
            Some("7")
        );
    }

    #[test]
    fn named_codes_match_the_data() {
        let named = [
            (NationalStatus::NEWLY_REGISTERED, "Mới đăng ký"),
            (NationalStatus::RECEIVED, "Được tiếp nhận"),
            (NationalStatus::NOT_RECEIVED, "Không được tiếp nhận"),
            (NationalStatus::PROCESSING, "Đang xử lý"),
            (
                NationalStatus::SUPPLEMENT_REQUESTED,
                "Yêu cầu bổ sung giấy tờ",
            ),
            (
                NationalStatus::FINANCIAL_OBLIGATIONS,
                "Yêu cầu thực hiện nghĩa vụ tài chính",
            ),
            (
                NationalStatus::WITHDRAWAL_REQUESTED,
                "Công dân yêu cầu rút hồ sơ",
            ),
            (NationalStatus::STOPPED, "Dừng xử lý"),
            (NationalStatus::PROCESSED, "Đã xử lý xong"),
            (NationalStatus::RETURNED, "Đã trả kết quả"),
        ];
        for (code, vi) in named {
            assert_eq!(code.describe().map(|c| c.vi.as_str()), Some(vi));
        }
    }
}
