//! The static summary shown when the interactive app cannot run (no
//! JavaScript, or no WebAssembly): key events and the first-vs-last clause
//! table, as plain HTML generated at build time from the same dataset.

use crate::checks;
use crate::compare;
use crate::model::{Certainty, ClaimRef, Dataset, TermStatus};
use crate::share::escape_html;
use std::fmt::Write as _;

/// The HTML of the summary, to be pasted into `index.html` by Trunk. The app
/// removes it when it starts.
pub fn static_summary(data: &Dataset) -> String {
    let mut out = String::new();
    out.push_str("<div id=\"static-summary\" class=\"static-summary\">\n<h1>Pactline</h1>\n");
    out.push_str(
        "<p>How the Microsoft–OpenAI partnership changed, from the 2019 exclusive deal to the 2026 amendment.</p>\n",
    );
    out.push_str("<p class=\"why\" id=\"static-why\">Loading the interactive timeline… It needs JavaScript and WebAssembly. If this message stays, one of them is turned off or unsupported in this browser, and below is a static summary instead.</p>\n");
    out.push_str("<noscript><p class=\"why\"><strong>JavaScript is turned off</strong>, so the interactive timeline and comparison cannot run. Here is a static summary of the same data.</p></noscript>\n");

    // Key events: what actually happened and changed the agreement.
    out.push_str("<h2>Key events</h2>\n<ul>\n");
    for e in data
        .events
        .iter()
        .filter(|e| e.certainty == Certainty::Reported && !e.clause_changes.is_empty())
    {
        let sources: Vec<&str> = e
            .sources
            .iter()
            .filter_map(|id| data.source(id))
            .map(|s| s.title)
            .collect();
        // Each headline figure with what the public reports say of it.
        let figures: String = e
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| checks::is_headline_figure(f.kind))
            .map(|(i, f)| {
                format!(
                    " {}: {}.",
                    escape_html(f.display),
                    escape_html(&checks::describe_status(data, ClaimRef::Figure(e.id, i)))
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}{figures} <small>({})</small></li>",
            escape_html(&e.date.to_string()),
            escape_html(e.title),
            escape_html(&sources.join("; "))
        );
    }
    out.push_str("</ul>\n");

    if let (Some(first), Some(last)) = (data.versions.first(), data.versions.last()) {
        let _ = writeln!(
            out,
            "<h2>The {0} deal and the {1} amendment, clause by clause</h2>\n<table>\n<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">{0}</th><th scope=\"col\">{1}</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>",
            escape_html(first.id),
            escape_html(last.id)
        );
        for row in compare::compare(data, first.id, last.id) {
            let cell = |force: &compare::InForce| {
                let Some(term) = force.term else {
                    return "Not stated in the sources.".to_string();
                };
                let text = match term.status {
                    TermStatus::Absent if term.text.is_empty() => "No such term.".to_string(),
                    _ if term.is_implied() => format!("{} (implied, not stated)", escape_html(term.text)),
                    _ => escape_html(term.text),
                };
                match force.carried_note(data) {
                    Some(note) => format!("{text} <small>({})</small>", escape_html(&note)),
                    None => text,
                }
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_html(row.clause.name),
                cell(&row.a),
                cell(&row.b),
                escape_html(&row.headline())
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let claims = checks::headline_claims(data);
    let [corroborated, contradicted, unchecked] = checks::tally(data, &claims);
    let _ = writeln!(
        out,
        "<p>Of the {} headline claims (money figures, stakes, version dates, clause terms), public reports corroborate {corroborated} and contradict {contradicted}; {unchecked} are unchecked.</p>",
        claims.len()
    );
    let _ = writeln!(
        out,
        "<p><small>Dataset version {}. Data licence: {}.</small></p>\n</div>",
        escape_html(data.version),
        escape_html(data.licence.name)
    );
    out
}

/// The tags a link preview reads (Open Graph and Twitter cards): a title
/// and a description, and, where the deploy address `site` is known
/// (`https://…/`), the canonical address and a preview image, which must be
/// absolute. Social sites do not run scripts, so these describe the app as
/// a whole; the app names each view in the page title once it runs.
pub fn social_meta(site: Option<&str>) -> String {
    const TITLE: &str = "Pactline — how the Microsoft–OpenAI partnership changed";
    const DESCRIPTION: &str = "A filterable timeline and a clause-by-clause comparison of the Microsoft–OpenAI agreement, 2019–2026, with every claim traced to its source.";
    let mut out = String::new();
    let mut tag = |attr: &str, name: &str, content: &str| {
        let _ = writeln!(out, "<meta {attr}=\"{name}\" content=\"{}\">", escape_html(content));
    };
    tag("property", "og:type", "website");
    tag("property", "og:site_name", "Pactline");
    tag("property", "og:title", TITLE);
    tag("property", "og:description", DESCRIPTION);
    let site = site.filter(|s| s.starts_with("https://") || s.starts_with("http://"));
    tag("name", "twitter:card", "summary");
    tag("name", "twitter:title", TITLE);
    tag("name", "twitter:description", DESCRIPTION);
    if let Some(site) = site {
        let base = if site.ends_with('/') {
            site.to_string()
        } else {
            format!("{site}/")
        };
        tag("property", "og:url", &base);
        tag("property", "og:image", &format!("{base}icons/icon-512.png"));
        tag("property", "og:image:alt", "The Pactline mark");
        tag("name", "twitter:image", &format!("{base}icons/icon-512.png"));
    }
    out
}
