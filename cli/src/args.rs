//! The command line: subcommands, options and their help texts.
//!
//! Identifier kinds are parsed with [`IdKind`]'s own `FromStr` and listed from [`IdKind::ALL`],
//! so the CLI holds no second list of kinds.

use std::path::PathBuf;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, Parser, Subcommand, ValueEnum};
use motcua_core::calendar::lunar::Reckoning;
use motcua_core::ids::IdKind;
use motcua_core::model::Timestamp;
use motcua_core::{Date, Lang, MAX_YEAR, MIN_YEAR};

/// The end of a command's long help: examples, one per line, then what each exit status means.
/// 1 is listed only for a command that can find something invalid; 2 always means a wrong
/// command line (clap's usage errors), and also what `unusable` says.
macro_rules! help {
    (
        [$($example:literal),+ $(,)?],
        ok: $ok:literal
        $(, invalid: $invalid:literal)?
        $(, unusable: $unusable:literal)?
        $(,)?
    ) => {
        concat!(
            "Examples:\n",
            $("  ", $example, "\n",)+
            "\nExit status:\n  0  ", $ok, "\n",
            $("  1  ", $invalid, "\n",)?
            "  2  the command line is wrong",
            $(", or ", $unusable,)?
            "\n"
        )
    };
}

/// Checks the data of Vietnamese one-stop-shop ("bộ phận một cửa") systems: identifiers,
/// dossiers, time limits, dossier logs and signed documents.
///
/// motcua checks the data that Vietnamese one-stop-shop systems handle, as the regulations say:
/// identifiers, dossiers against their procedure, time limits on the civil service's calendar,
/// logs of dossier events, and signed documents. It only reads: the files named on the command
/// line, or standard input for `-`.
///
/// Each result is printed in Vietnamese (--lang en for English), coloured on a terminal; with
/// --json, as JSON for another program. Each problem found has a code and a message.
/// `motcua COMMAND --help` tells what a command does, with examples.
#[derive(Debug, Parser)]
#[command(
    name = "motcua",
    version,
    about,
    long_about,
    max_term_width = 100,
    after_long_help = help!(
        [
            "motcua id tax-code 0100233488",
            "motcua dossier validate hoso.json --procedure thutuc.json",
            "motcua calendar due --received 2025-04-25T09:00:00+07:00 --days 3",
            "motcua lifecycle replay nhatky.jsonl",
            "motcua verify quyetdinh.pdf --trust ca-goc.pem",
        ],
        ok: "everything checked is valid, or the answer was given",
        invalid: "something checked is invalid: an identifier, a dossier, a refused event, a \
                  signature that does not pass",
        unusable: "an input cannot be read or used (the message says which and why)",
    )
)]
pub(crate) struct Cli {
    /// Language of the messages: vi (Vietnamese) or en (English).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Vi)]
    pub(crate) lang: LangArg,

    /// Check as if today were this date, instead of today's date in Vietnam (UTC+7).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub(crate) today: Option<Date>,

    /// Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub(crate) color: ColorArg,

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

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    /// On a terminal, unless the NO_COLOR environment variable is set.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check identifiers: personal ID numbers, tax codes, agency codes, phone numbers and more.
    #[command(
        long_about = "Check identifiers and tell what they say.\n\n\
                      Each value gets one line: ✓ or ✗, the value written the standard way and \
                      what the value tells (province, year of birth, …), then each problem found, \
                      with its code. A single `-` reads one value per line from standard input.",
        after_long_help = help!(
            [
                "motcua id tax-code 0100233488 0100233480",
                "motcua id personal-id 001085012345 --json",
                "motcua id phone - < phones.txt",
            ],
            ok: "every value is valid",
            invalid: "a value is invalid",
            unusable: "a line of standard input is too long or not UTF-8",
        )
    )]
    Id(IdArgs),
    /// Check dossiers (hồ sơ) against the procedure they are filed under.
    #[command(subcommand)]
    Dossier(DossierCommand),
    /// The Vietnamese calendar: lunar dates, civil servants' days off and due dates.
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// The dossier lifecycle: replay a log of events, check a log of portal status codes.
    #[command(subcommand)]
    Lifecycle(LifecycleCommand),
    /// Verify signed documents: PDF (PAdES, PKCS#7) and CMS (.p7s, .p7m) signatures.
    #[command(
        long_about = "Verify signed documents. For each file, every signature's integrity (byte \
                      range, CMS, signature value, timestamps), the changes made after signing \
                      (DocMDP, FieldMDP, shadow and incremental-saving attacks), the signer's \
                      certificate chain to a trust anchor given with --trust, and, with \
                      --profile decree30, the legal format of Decree 30/2020/NĐ-CP. Each \
                      signature gets an ETSI EN 319 102-1 indication (TOTAL_PASSED, \
                      TOTAL_FAILED, INDETERMINATE); without --trust no signature passes, and \
                      without the revocation status of every certificate of the chain (CRLs and \
                      OCSP responses the file carries, or --crl/--ocsp) a signature is \
                      INDETERMINATE/TRY_LATER unless --revocation accept-unknown is given.\n\n\
                      The kind of file is told by its content (PDF or CMS). A detached .p7s is \
                      checked over the file given with --content. Several files show a \
                      progress bar on a terminal.",
        after_long_help = help!(
            [
                "motcua verify examples/signed-decision.pdf --trust \
                 examples/signature-test-root.pem",
                "motcua verify quyetdinh.pdf --trust ca-goc.pem --profile decree30",
                "motcua verify don.txt.p7s --content don.txt --trust ca-goc.pem --json",
            ],
            ok: "every document passes",
            invalid: "a document does not pass (TOTAL_FAILED or INDETERMINATE)",
            unusable: "a file cannot be read, a certificate, CRL or OCSP file cannot be used, or \
                       a file is neither a PDF nor a CMS signature",
        )
    )]
    Verify(VerifyArgs),
}

/// Arguments of `motcua verify`.
#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    /// The signed files: PDF, or CMS (.p7s detached, .p7m attached).
    #[arg(value_name = "FILE", required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// Trust anchors: a PEM file of one or more certificates, or one DER certificate.
    #[arg(long, value_name = "CERTS.pem")]
    pub(crate) trust: Vec<PathBuf>,
    /// Intermediate CA certificates to build chains with (PEM or DER).
    #[arg(long, value_name = "CERTS.pem")]
    pub(crate) intermediate: Vec<PathBuf>,
    /// Certificate revocation lists (DER or PEM).
    #[arg(long, value_name = "CRL")]
    pub(crate) crl: Vec<PathBuf>,
    /// OCSP responses (DER).
    #[arg(long, value_name = "RESPONSE")]
    pub(crate) ocsp: Vec<PathBuf>,
    /// The data a detached CMS signature (.p7s) signs.
    #[arg(long, value_name = "DATA")]
    pub(crate) content: Option<PathBuf>,
    /// The legal-format profile to apply.
    #[arg(long, value_enum, default_value = "none")]
    pub(crate) profile: ProfileArg,
    /// Under --profile decree30, what the file is.
    #[arg(long, value_enum, default_value = "document")]
    pub(crate) role: RoleArg,
    /// Whether a certificate whose revocation status nothing establishes stops a signature
    /// from passing.
    #[arg(long, value_enum, default_value = "required")]
    pub(crate) revocation: RevocationArg,
    /// Validate at this time (RFC 3339) instead of now.
    #[arg(long, value_name = "TIME")]
    pub(crate) at: Option<Timestamp>,
    /// Print one JSON report per file per line instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// The legal-format profiles of `motcua verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileArg {
    /// Decree 30/2020/NĐ-CP Appendix I (state agencies' documents).
    Decree30,
    /// No format rules.
    None,
}

/// What `motcua verify` requires of revocation data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RevocationArg {
    /// Every certificate of the chain needs a usable CRL or OCSP response (else TRY_LATER).
    Required,
    /// An unknown status is a warning only (offline test runs, revocation checked elsewhere).
    #[value(alias = "accept_unknown")]
    AcceptUnknown,
}

/// What a document is under the Decree 30 profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RoleArg {
    /// An issued document: the person's signature, then the organisation's.
    Document,
    /// An attachment in a file of its own: the organisation's signature alone.
    Attachment,
    /// An electronic copy: the copying organisation's signature.
    Copy,
}

/// Subcommands of `motcua lifecycle`.
#[derive(Debug, Subcommand)]
pub(crate) enum LifecycleCommand {
    /// Replay a JSON Lines log of dossier events against the one-stop-shop rules.
    #[command(
        long_about = "Replay a JSON Lines log of dossier events (one event per line, dossiers \
                      interleaved; see spec/schema/lifecycle-event.schema.json) against the \
                      rules in force on each dossier's date of receipt (Decree 61/2018 or \
                      Decree 118/2025).\n\n\
                      For each dossier: its final state and portal status code, its due date \
                      counted on the calendar, whether it was handled early, on time or late, \
                      and every refused event with its code and message. A long log shows a \
                      progress bar on a terminal.",
        after_long_help = help!(
            [
                "motcua lifecycle replay examples/lifecycle-log.jsonl",
                "motcua lifecycle replay nhatky.jsonl --policy chinh-sach.json --json",
            ],
            ok: "every event was accepted",
            invalid: "an event was refused",
            unusable: "a line of the log is not an event, or the log or policy file cannot be read",
        )
    )]
    Replay(ReplayArgs),
    /// Check a JSON Lines log of National Public Service Portal status codes.
    #[command(
        long_about = "Check a JSON Lines log of dossier status codes (lines {\"dossier\", \
                      \"status\", \"at\"}, codes 1-10 of the National Public Service Portal) \
                      exported by another system, and report every change the lifecycle \
                      cannot make.",
        after_long_help = help!(
            ["motcua lifecycle status examples/lifecycle-status-log.jsonl"],
            ok: "every change of status is possible",
            invalid: "a change of status is impossible",
            unusable: "a line of the log is not a status, or the log cannot be read",
        )
    )]
    Status(LogArgs),
    /// Print the transition table of a rule version.
    #[command(
        long_about = "Print the transition table of the lifecycle (from, event, to, actors, \
                      guards, effects on the time limit, form, article), generated from \
                      spec/lifecycle/. The rule version defaults to the one in force today.",
        after_long_help = help!(
            [
                "motcua lifecycle table",
                "motcua lifecycle table --format csv --rules decree-61-2018 > bang.csv",
            ],
            ok: "the table was printed",
        )
    )]
    Table(TableArgs),
    /// Print the state diagram of a rule version.
    #[command(
        long_about = "Print the state diagram of the lifecycle, generated from spec/lifecycle/, \
                      as Mermaid (stateDiagram-v2), Graphviz DOT, or SVG drawn from the DOT by \
                      Graphviz's `dot` program (install the package graphviz). The rule \
                      version defaults to the one in force today. The diagram has no JSON \
                      form: the machine behind it is `motcua lifecycle table --json`.",
        after_long_help = help!(
            [
                "motcua lifecycle diagram",
                "motcua lifecycle diagram --format svg > vong-doi.svg",
            ],
            ok: "the diagram was printed",
            unusable: "--format svg is asked and Graphviz's `dot` is not installed",
        )
    )]
    Diagram(DiagramArgs),
    /// Print test paths: a shortest path to every state and paths taking every transition.
    #[command(
        long_about = "Print test paths generated from the lifecycle: one shortest path to every \
                      state, and paths that together take every transition. With --json, each \
                      path comes with a log of events that the rules accept, for another \
                      system's tester to replay. The rule version defaults to the one in force \
                      today.",
        after_long_help = help!(
            ["motcua lifecycle paths", "motcua lifecycle paths --json > duong-kiem-thu.json"],
            ok: "the paths were printed",
        )
    )]
    Paths(PathsArgs),
    /// Count early, on-time and late dossiers of a log, by agency, procedure and month.
    #[command(
        long_about = "Replay a JSON Lines log of dossier events and print the indicators \
                      provinces are judged on: dossiers handled early, on time and late, the \
                      on-time rate (Decision 766/QĐ-TTg, indicator 2.1, on the legal due dates) \
                      and the share submitted online; overall, by receiving agency, by \
                      procedure and by month of receipt. Late dossiers are counted, not \
                      treated as an error. A long log shows a progress bar on a terminal.",
        after_long_help = help!(
            [
                "motcua lifecycle kpi examples/lifecycle-log.jsonl",
                "motcua lifecycle kpi nhatky.jsonl --json",
            ],
            ok: "the indicators were printed",
            unusable: "a line of the log is not an event, or the log or policy file cannot be read",
        )
    )]
    Kpi(ReplayArgs),
}

/// Arguments of `motcua lifecycle paths`.
#[derive(Debug, Args)]
pub(crate) struct PathsArgs {
    /// Print the paths and their logs as one JSON object.
    #[arg(long)]
    pub(crate) json: bool,
    /// The rule version; by default the one in force today.
    #[arg(long, value_enum)]
    pub(crate) rules: Option<RulesArg>,
}

/// A rule version of the lifecycle, as named in spec/lifecycle/.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesArg {
    /// Decree 61/2018 with Circular 01/2018 (received 21/6/2018 – 30/6/2025).
    #[value(name = "decree-61-2018")]
    Decree61,
    /// Decree 118/2025 with Circular 03/2025 (received from 1/7/2025).
    #[value(name = "decree-118-2025")]
    Decree118,
}

/// Formats of `motcua lifecycle table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableFormat {
    /// A Markdown table.
    Md,
    /// CSV (RFC 4180).
    Csv,
    /// JSON.
    Json,
}

/// Formats of `motcua lifecycle diagram`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiagramFormat {
    /// Mermaid stateDiagram-v2.
    Mermaid,
    /// Graphviz DOT.
    Dot,
    /// SVG, drawn from the DOT diagram by Graphviz's `dot` program (Debian package graphviz).
    Svg,
}

/// Arguments of `motcua lifecycle table`.
#[derive(Debug, Args)]
pub(crate) struct TableArgs {
    /// The format.
    #[arg(long, value_enum, default_value = "md")]
    pub(crate) format: TableFormat,
    /// Print the table as JSON: the same as --format json.
    #[arg(long, conflicts_with = "format")]
    pub(crate) json: bool,
    /// The rule version; by default the one in force today.
    #[arg(long, value_enum)]
    pub(crate) rules: Option<RulesArg>,
}

/// Arguments of `motcua lifecycle diagram`.
#[derive(Debug, Args)]
pub(crate) struct DiagramArgs {
    /// The format.
    #[arg(long, value_enum, default_value = "mermaid")]
    pub(crate) format: DiagramFormat,
    /// The rule version; by default the one in force today.
    #[arg(long, value_enum)]
    pub(crate) rules: Option<RulesArg>,
}

/// Arguments of `motcua lifecycle replay` and `motcua lifecycle status`.
#[derive(Debug, Args)]
pub(crate) struct LogArgs {
    /// The log, a JSON Lines file.
    #[arg(value_name = "LOG.jsonl")]
    pub(crate) log: PathBuf,

    /// Print one JSON object per dossier instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `motcua lifecycle replay` and `kpi`: the log and the counting policy.
#[derive(Debug, Args)]
pub(crate) struct ReplayArgs {
    #[command(flatten)]
    pub(crate) log: LogArgs,

    /// The agency's counting policy, a JSON file: the `policy` of a due-date request
    /// (spec/schema/due-request.schema.json: working_weekdays, office_hours, cutoff, counting,
    /// supplement), each field optional. Without it: Monday to Friday, 08:00-12:00 and
    /// 13:00-17:00, no cut-off, a supplement restarts the limit.
    #[arg(long, value_name = "POLICY.json")]
    pub(crate) policy: Option<PathBuf>,
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
                      a message.",
        after_long_help = help!(
            [
                "motcua dossier validate hoso.json --procedure thutuc.json",
                "motcua --lang en dossier validate hoso.json --procedure thutuc.json --json",
            ],
            ok: "the dossier is valid (it may have warnings)",
            invalid: "the dossier is invalid",
            unusable: "a file cannot be read or is not the JSON document expected",
        )
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

/// Subcommands of `motcua calendar`.
#[derive(Debug, Subcommand)]
pub(crate) enum CalendarCommand {
    /// Lunar dates (âm lịch) of solar dates.
    #[command(
        long_about = "Give the lunar date (âm lịch) of each solar date: day, month (and \
                      whether it is the leap month), the lunar year and its name (can chi). A \
                      single `-` reads one date per line from standard input.",
        after_long_help = help!(
            [
                "motcua calendar lunar 2026-02-14",
                "motcua calendar lunar - < ngay.txt",
            ],
            ok: "every date was converted",
            unusable: "a value is not a date, or the calendar cannot convert it",
        )
    )]
    Lunar(LunarArgs),
    /// The solar date of a lunar date.
    #[command(
        long_about = "Give the solar date of a lunar date written YYYY-MM-DD (lunar \
                      year, month, day); --leap for the leap month of that number.",
        after_long_help = help!(
            ["motcua calendar solar 2025-06-01 --leap"],
            ok: "the date was converted",
            unusable: "there is no such lunar date, or the calendar cannot convert it",
        )
    )]
    Solar(SolarArgs),
    /// Every day off of the civil service in a year, and the swapped working Saturdays.
    #[command(
        long_about = "List the days off of civil servants in a solar year (public \
                      holidays, Tết, compensatory and swapped days) and the Saturdays made working \
                      days, each with its occasion and its source: the yearly decision and how \
                      sure it is, or the statute when no decision is known.",
        after_long_help = help!(
            ["motcua calendar holidays 2026", "motcua calendar holidays 2026 --json"],
            ok: "the days were listed",
            unusable: "the calendar cannot compute that year",
        )
    )]
    Holidays(HolidaysArgs),
    /// The due date of a dossier, and how it was counted.
    #[command(
        long_about = "Compute when a dossier is due from its receipt time and the \
                      procedure's time limit, and explain each day counted or skipped. The \
                      policy defaults to the core's (Monday to Friday with the civil service's \
                      days off, office hours 08:00-12:00 and 13:00-17:00, no cut-off hour, \
                      working days counted by dates); --weekdays, --saturday, --office-hours, \
                      --cutoff, --counting and --supplement change it. Times are printed in \
                      Vietnam's time, UTC+07:00.",
        after_long_help = help!(
            [
                "motcua calendar due --received 2025-04-25T09:00:00+07:00 --days 3",
                "motcua calendar due --received 2025-05-19T10:30:00+07:00 --days 3 --unit hours",
            ],
            ok: "the due time was computed",
            unusable: "the times, office hours or cut-off given cannot be used",
        )
    )]
    Due(DueArgs),
}

/// The lunar calendar's reckoning, mapped onto the core's [`Reckoning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReckoningArg {
    /// UTC+7 throughout: the calendar Vietnam uses today.
    Vietnam,
    /// UTC+8 before 1968, UTC+7 from then on (as observed in the North of Vietnam).
    Historical,
    /// UTC+8 throughout: the Chinese calendar.
    China,
}

impl From<ReckoningArg> for Reckoning {
    fn from(reckoning: ReckoningArg) -> Self {
        match reckoning {
            ReckoningArg::Vietnam => Reckoning::Vietnam,
            ReckoningArg::Historical => Reckoning::Historical,
            ReckoningArg::China => Reckoning::China,
        }
    }
}

/// Arguments of `motcua calendar lunar`.
#[derive(Debug, Args)]
pub(crate) struct LunarArgs {
    /// The solar dates. A single `-` reads one date per line from standard input (blank lines
    /// are skipped).
    #[arg(required = true, value_name = "YYYY-MM-DD")]
    pub(crate) dates: Vec<String>,

    /// Which meridian new moons are dated at.
    #[arg(long, value_enum, default_value_t = ReckoningArg::Vietnam)]
    pub(crate) reckoning: ReckoningArg,

    /// Print one JSON object per date ({"date", "year", "month", "day", "leap", "year_name"},
    /// or {"input", "input_error"} for a date that cannot be converted), each on its own line,
    /// instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `motcua calendar solar`.
#[derive(Debug, Args)]
pub(crate) struct SolarArgs {
    /// The lunar date: lunar year, month (1-12) and day (1-30).
    #[arg(value_name = "YYYY-MM-DD", value_parser = lunar_triple)]
    pub(crate) lunar: (i32, u8, u8),

    /// The month is the leap month (tháng nhuận) of that number.
    #[arg(long)]
    pub(crate) leap: bool,

    /// Which meridian new moons are dated at.
    #[arg(long, value_enum, default_value_t = ReckoningArg::Vietnam)]
    pub(crate) reckoning: ReckoningArg,

    /// Print the result as one JSON object ({"date", "year", "month", "day", "leap",
    /// "year_name"}, or {"input_error"}).
    #[arg(long)]
    pub(crate) json: bool,
}

/// Arguments of `motcua calendar holidays`.
#[derive(Debug, Args)]
pub(crate) struct HolidaysArgs {
    /// The solar year (a year a date can have, 1 to 9999).
    #[arg(
        value_name = "YEAR",
        value_parser = clap::value_parser!(i32).range(i64::from(MIN_YEAR)..=i64::from(MAX_YEAR))
    )]
    pub(crate) year: i32,

    /// Print one JSON object per date ({"date", "day", "occasions", "source", …}), or one
    /// {"input_error"}.
    #[arg(long)]
    pub(crate) json: bool,
}

/// How the time limit of `motcua calendar due` is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum UnitArg {
    /// Working days.
    Working,
    /// Calendar days; a limit ending on a day off ends on the next working day.
    Calendar,
    /// Working hours.
    Hours,
}

/// What a supplement request does to the time limit of `motcua calendar due`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SupplementArg {
    /// The clock stops from the request to the complete dossier.
    Pause,
    /// The limit runs again in full from the complete dossier.
    Restart,
}

/// How `motcua calendar due` counts a limit in working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CountingArg {
    /// By dates: the n-th working day after the day of receipt, at closing time.
    Dates,
    /// By hours: 8 working hours per working day from the receipt time.
    Hours,
}

/// A day of the week, Monday first as in the core's `Schedule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum WeekdayArg {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

/// Arguments of `motcua calendar due`.
#[derive(Debug, Args)]
pub(crate) struct DueArgs {
    /// When the dossier was received, RFC 3339 with its offset (2025-04-25T09:00:00+07:00).
    #[arg(long, value_name = "RFC3339")]
    pub(crate) received: Timestamp,

    /// The time limit, in the unit of --unit.
    #[arg(long, value_name = "N")]
    pub(crate) days: u32,

    /// What the time limit counts.
    #[arg(long, value_enum, default_value_t = UnitArg::Working)]
    pub(crate) unit: UnitArg,

    /// A supplement request and the time the complete dossier came back (FROM,TO, RFC 3339);
    /// what it does to the time limit is --supplement's choice. `FROM,` when the dossier has not
    /// come back yet (no due date while the clock stands still). May be repeated.
    #[arg(long, value_name = "FROM,TO", value_parser = pause)]
    pub(crate) pause: Vec<(Timestamp, Option<Timestamp>)>,

    /// What each --pause interval does to the time limit: `restart` runs the limit again in full
    /// from the complete dossier (Decree 61/2018/NĐ-CP Art. 19(4), the general one-stop rule and
    /// the core's default), `pause` stops the clock and moves the due date by the working days
    /// stopped (procedures whose own law says so).
    #[arg(long, value_enum, default_value_t = SupplementArg::Restart)]
    pub(crate) supplement: SupplementArg,

    /// A receipt after this time of day counts from the next working day (15:00 or 17:00, as
    /// the agency decides). No cut-off without it.
    #[arg(long, value_name = "HH:MM")]
    pub(crate) cutoff: Option<String>,

    /// The agency's office hours, sessions HH:MM-HH:MM separated by commas: the appointment of a
    /// limit in days is at closing time, and working hours run through these sessions. Default
    /// 08:00-12:00,13:00-17:00.
    #[arg(long, value_name = "HH:MM-HH:MM,...")]
    pub(crate) office_hours: Option<String>,

    /// How a limit in working days is counted: `dates` (Civil Code Arts. 147-148: the n-th
    /// working day after the day of receipt, at closing time) or `hours` (8 working hours per
    /// day from the receipt time, as many systems count).
    #[arg(long, value_enum, default_value_t = CountingArg::Dates)]
    pub(crate) counting: CountingArg,

    /// The agency also works on Saturdays.
    #[arg(long)]
    pub(crate) saturday: bool,

    /// The agency's working weekdays, instead of Monday to Friday (e.g. mon,tue,wed,thu,fri,sat).
    #[arg(
        long,
        value_enum,
        value_name = "DAY,...",
        value_delimiter = ',',
        conflicts_with = "saturday"
    )]
    pub(crate) weekdays: Vec<WeekdayArg>,

    /// The new appointment set by an apology slip (phiếu xin lỗi và hẹn lại ngày trả kết quả),
    /// RFC 3339.
    #[arg(long, value_name = "RFC3339")]
    pub(crate) extension: Option<Timestamp>,

    /// Print the result as one JSON object ({"received", "limit", "policy", "due", "steps"}, or
    /// {"input_error"}): times in RFC 3339 at +07:00, the policy in the shape of a due-date
    /// request's.
    #[arg(long)]
    pub(crate) json: bool,
}

/// `YYYY-MM-DD` as three numbers, for a lunar date (whose day 30 is no Gregorian date).
fn lunar_triple(text: &str) -> Result<(i32, u8, u8), String> {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            match (y.parse(), m.parse(), d.parse()) {
                (Ok(y), Ok(m), Ok(d)) => Ok((y, m, d)),
                _ => Err(format!("not a lunar date YYYY-MM-DD: {text:?}")),
            }
        }
        _ => Err(format!("not a lunar date YYYY-MM-DD: {text:?}")),
    }
}

/// `FROM,TO` (or `FROM,`) as two RFC 3339 timestamps.
fn pause(text: &str) -> Result<(Timestamp, Option<Timestamp>), String> {
    let (from, to) = text
        .split_once(',')
        .ok_or_else(|| format!("expected FROM,TO: {text:?}"))?;
    let parse = |s: &str| s.parse::<Timestamp>().map_err(|e| format!("{s:?}: {e}"));
    let to = if to.is_empty() {
        None
    } else {
        Some(parse(to)?)
    };
    Ok((parse(from)?, to))
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
