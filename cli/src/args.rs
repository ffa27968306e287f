//! The command line: subcommands, options and their help texts.
//!
//! Identifier kinds are parsed with [`IdKind`]'s own `FromStr` and listed from [`IdKind::ALL`],
//! so the CLI holds no second list of kinds.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Parser, Subcommand, ValueEnum};
use motcua_core::ids::IdKind;
use motcua_core::{Date, Lang};

/// Checks identifiers and dossiers of Vietnamese one-stop-shop ("bộ phận một cửa") systems.
///
/// Exit status: 0 when everything checked is valid, 1 when something is invalid, 2 when the
/// command line is wrong or an input cannot be read.
#[derive(Debug, Parser)]
#[command(name = "motcua", version, about, long_about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Language of the messages: vi (Vietnamese) or en (English).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,

    /// Check as if today were this date, instead of today's date in Vietnam (UTC+7).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub(crate) today: Option<Date>,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The language option, mapped onto the core's [`Lang`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// Vietnamese (tiếng Việt).
    Vi,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        }
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check identifiers: personal ID numbers, tax codes, agency codes, phone numbers and more.
    #[command(long_about = "Check identifiers and tell what they say.\n\n\
                      Each value gets one line: ✓ or ✗, the value written the standard way and \
                      what the value tells (province, year of birth, …), then each problem found, \
                      with its code.\n\n\
                      Examples:\n  motcua id tax-code 0100233488 0100233480\n  \
                      motcua id phone - < phones.txt")]
    Id(IdArgs),
    /// Work with dossiers (hồ sơ) of administrative procedures.
    #[command(subcommand)]
    Dossier(DossierCommand),
}

/// Arguments of `motcua id`.
#[derive(Debug, Args)]
pub(crate) struct IdArgs {
    /// What kind of identifier the values are.
    #[arg(value_parser = KindParser)]
    pub(crate) kind: IdKind,

    /// The values to check. A single `-` reads one value per line from standard input
    /// (blank lines are skipped). Put values that begin with `-` after `--`.
    #[arg(required = true, value_name = "VALUE")]
    pub(crate) values: Vec<String>,

    /// Print one JSON object per value, each on its own line, instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Subcommands of `motcua dossier`.
#[derive(Debug, Subcommand)]
pub(crate) enum DossierCommand {
    /// Check a dossier against the procedure it is filed under.
    #[command(
        long_about = "Check a dossier (a JSON file) against the procedure it is filed under \
                      (another JSON file): required fields, attachments, identifiers and dates.\n\n\
                      Every problem is listed with its code, the JSON pointer of the field and \
                      a message.\n\n\
                      Example: motcua dossier validate hoso.json --procedure thutuc.json"
    )]
    Validate(ValidateArgs),
}

/// Arguments of `motcua dossier validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    /// The dossier to check, a JSON file.
    #[arg(value_name = "DOSSIER.json")]
    pub(crate) dossier: PathBuf,

    /// The procedure the dossier is filed under, a JSON file.
    #[arg(long, value_name = "PROCEDURE.json")]
    pub(crate) procedure: PathBuf,

    /// Print the result as one JSON object instead of text: the report ({"valid", "errors",
    /// "warnings"}), or {"file", "input_error"} for each file that is not the JSON expected.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Parses an identifier kind with [`IdKind`]'s `FromStr`, offering [`IdKind::ALL`] in help and
/// in the usage error.
#[derive(Debug, Clone, Copy)]
struct KindParser;

impl TypedValueParser for KindParser {
    type Value = IdKind;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<IdKind, clap::Error> {
        let text = value.to_string_lossy();
        text.parse::<IdKind>().map_err(|_| {
            let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                err.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            err.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.into_owned()),
            );
            err.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(IdKind::ALL.iter().map(|k| k.as_str().to_owned()).collect()),
            );
            err
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            IdKind::ALL
                .iter()
                .map(|&k| PossibleValue::new(k.as_str()).help(kind_help(k))),
        ))
    }
}

/// What each kind of identifier is, in plain words, for `motcua id --help`.
fn kind_help(kind: IdKind) -> &'static str {
    match kind {
        IdKind::PersonalId => {
            "12-digit personal identification number (số định danh cá nhân, CCCD)"
        }
        IdKind::OldId => "9-digit identity card number of the old CMND card (chứng minh nhân dân)",
        IdKind::TaxCode => {
            "tax code (mã số thuế): 10 digits, 13 for a branch (0312687878-001), or a personal ID"
        }
        IdKind::AgencyCode => "agency code of QCVN 102:2016/BTTTT, such as 000.00.00.H29",
        IdKind::ProcedureCode => "code of an administrative procedure (mã thủ tục hành chính)",
        IdKind::DossierCode => "code of a dossier (mã hồ sơ)",
        IdKind::Phone => "Vietnamese phone number, mobile or landline",
    }
}
