//! The machine rendered from its data: the transition table as Markdown, CSV and JSON, and the
//! state diagram as Mermaid and Graphviz DOT. The rendered files of `spec/lifecycle/exports/`
//! are written by `core/tests/lifecycle_exports.rs` (`scripts/regen`), which fails when they are
//! stale.

use std::fmt::Write as _;

use serde::Serialize;

use super::machine::{name, Rules, Transition};

/// One row of the transition table, every field as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// State before.
    pub from: String,
    /// Event.
    pub event: String,
    /// State after.
    pub to: String,
    /// Who may send it, comma-separated.
    pub actors: String,
    /// Guards, in order, comma-separated.
    pub guards: String,
    /// Effects on the clock, in order, comma-separated.
    pub effects: String,
    /// The form produced, "01/2018/TT-VPCP Mẫu 01", or empty.
    pub form: String,
    /// Where the transition comes from.
    pub article: String,
    /// How sure that source is.
    pub status: String,
}

/// The transition table of `rules`, in the order of the data.
pub fn rows(rules: &Rules) -> Vec<Row> {
    let joined = |items: Vec<String>| items.join(", ");
    rules
        .transitions
        .iter()
        .map(|t: &Transition| Row {
            from: name(&t.from),
            event: name(&t.event),
            to: name(&t.to),
            actors: joined(t.actors.iter().map(name).collect()),
            guards: joined(t.guards.iter().map(name).collect()),
            effects: joined(t.effects.iter().map(name).collect()),
            form: t.form.map_or(String::new(), |n| {
                format!("{} Mẫu {n:02}", name(&rules.forms.circular))
            }),
            article: t.article.clone(),
            status: name(&t.status),
        })
        .collect()
}

const HEADER: [&str; 9] = [
    "from", "event", "to", "actors", "guards", "effects", "form", "article", "status",
];

fn cells(row: &Row) -> [&str; 9] {
    [
        &row.from,
        &row.event,
        &row.to,
        &row.actors,
        &row.guards,
        &row.effects,
        &row.form,
        &row.article,
        &row.status,
    ]
}

/// The transition table as a Markdown table, with a title naming the rule version.
pub fn markdown(rules: &Rules) -> String {
    let mut out = format!(
        "# {} ({} – {})\n\nGenerated from spec/lifecycle/{}.json; do not edit.\n\n",
        rules.title,
        rules.effective_from,
        rules
            .effective_until
            .map_or("…".to_owned(), |d| d.to_string()),
        name(&rules.id)
    );
    let line = |cells: &[&str]| {
        let escaped: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
        format!("| {} |\n", escaped.join(" | "))
    };
    out.push_str(&line(&HEADER));
    out.push_str(&line(&["---"; 9]));
    for row in rows(rules) {
        out.push_str(&line(&cells(&row)));
    }
    out
}

/// The transition table as CSV (RFC 4180: a header line, fields quoted when they hold a comma,
/// a quote or a line break, CRLF line ends).
pub fn csv(rules: &Rules) -> String {
    let field = |c: &str| {
        if c.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.to_owned()
        }
    };
    let line = |cells: &[&str]| {
        let fields: Vec<String> = cells.iter().map(|c| field(c)).collect();
        fields.join(",") + "\r\n"
    };
    let mut out = line(&HEADER);
    for row in rows(rules) {
        out.push_str(&line(&cells(&row)));
    }
    out
}

/// The transition table as JSON: `{"rules", "effective_from", "effective_until", "rows"}`.
pub fn json(rules: &Rules) -> String {
    let value = serde_json::json!({
        "rules": rules.id,
        "effective_from": rules.effective_from,
        "effective_until": rules.effective_until,
        "rows": rows(rules),
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// The state diagram in Mermaid (`stateDiagram-v2`): one arrow per transition, labelled with its
/// event; the initial and terminal states joined to `[*]`.
pub fn mermaid(rules: &Rules) -> String {
    let mut out = format!(
        "%% {} — generated from spec/lifecycle/{}.json; do not edit.\nstateDiagram-v2\n",
        rules.title,
        name(&rules.id)
    );
    for s in &rules.states {
        let _ = writeln!(out, "    {}: {} / {}", name(&s.id), s.vi, s.en);
    }
    let _ = writeln!(out, "    [*] --> {}", name(&rules.initial));
    for t in &rules.transitions {
        let _ = writeln!(
            out,
            "    {} --> {}: {}",
            name(&t.from),
            name(&t.to),
            name(&t.event)
        );
    }
    for s in rules.states.iter().filter(|s| s.terminal) {
        let _ = writeln!(out, "    {} --> [*]", name(&s.id));
    }
    out
}

/// The state diagram in Graphviz DOT: states as boxes named in Vietnamese and English, terminal
/// states doubled, arrows labelled with the event and its actors.
pub fn dot(rules: &Rules) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let quote = |s: &str| format!("\"{}\"", esc(s));
    let mut out = format!(
        "// {} — generated from spec/lifecycle/{}.json; do not edit.\ndigraph {} {{\n    rankdir=LR;\n    node [shape=box, style=rounded];\n",
        rules.title,
        name(&rules.id),
        quote(&name(&rules.id))
    );
    for s in &rules.states {
        let periphery = if s.terminal { ", peripheries=2" } else { "" };
        let _ = writeln!(
            out,
            "    {} [label=\"{}\\n{}\"{periphery}];",
            quote(&name(&s.id)),
            esc(&s.vi),
            esc(&s.en)
        );
    }
    for t in &rules.transitions {
        let actors: Vec<String> = t.actors.iter().map(name).collect();
        let label = format!("{} ({})", name(&t.event), actors.join(", "));
        let _ = writeln!(
            out,
            "    {} -> {} [label={}];",
            quote(&name(&t.from)),
            quote(&name(&t.to)),
            quote(&label)
        );
    }
    out.push_str("}\n");
    out
}
