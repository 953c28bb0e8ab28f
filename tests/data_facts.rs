//! Pins a handful of facts from the five sources, so an accidental edit to
//! `data/*.toml` fails `cargo test` instead of shipping. If a test fails after
//! a deliberate correction, check the source, then update the test.

use pactline::data::builtin;
use pactline::model::{
    Certainty, Dataset, Event, EventDate, EventKind, FieldValue, FigureKind, Source, SourceKind, Term, TermStatus,
};
use std::path::Path;

fn data() -> &'static Dataset {
    builtin()
}

fn event(id: &str) -> &'static Event {
    data().event(id).unwrap_or_else(|| panic!("event `{id}` should exist"))
}

/// The date of a dated event.
fn date(id: &str) -> &'static EventDate {
    event(id)
        .date
        .date()
        .unwrap_or_else(|| panic!("event `{id}` should be dated"))
}

/// The five source documents, without the public reports that check them.
fn documents() -> impl Iterator<Item = &'static Source> {
    data().sources.iter().filter(|s| s.kind != SourceKind::NewsReport)
}

fn term(clause: &str, version: &str) -> &'static Term {
    data()
        .clause(clause)
        .unwrap_or_else(|| panic!("clause `{clause}` should exist"))
        .term(version)
        .unwrap_or_else(|| panic!("clause `{clause}` should have a term for {version}"))
}

fn field(term: &Term, name: &str) -> FieldValue {
    term.fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("term for {} should have field `{name}`", term.version))
        .value
}

/// The number a field holds, whatever text the build wrote beside it.
fn number(value: FieldValue) -> f64 {
    match value {
        FieldValue::Number(n, ..) => n,
        other => panic!("expected a number, found {other:?}"),
    }
}

#[test]
fn versions_are_2019_2023_2025_2026_in_order() {
    let ids: Vec<&str> = data().versions.iter().map(|v| v.id).collect();
    assert_eq!(ids, ["2019", "2023", "2025", "2026"]);
}

#[test]
fn the_five_sources_are_present() {
    let ids: Vec<&str> = documents().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "video-breakup",
            "blog-clean-breakup",
            "podcast-insights",
            "news-reset",
            "ainews-deep-dive"
        ]
    );
}

#[test]
fn microsoft_invested_1_billion_in_2019() {
    let e = event("microsoft-invests-1b");
    assert_eq!(date(e.id).year, 2019);
    assert_eq!(e.certainty, Certainty::Reported);
    assert!(e.sources.contains(&"video-breakup"));
    let key = e.figures.first().expect("the 2019 investment should have a key figure");
    assert_eq!(key.kind, FigureKind::Money);
    assert_eq!(key.value, 1.0);
    assert_eq!(key.unit, "USD");
    assert_eq!(key.scale, Some("billion"));
    assert_eq!(key.display, "$1B");
}

#[test]
fn microsoft_added_10_billion_in_2023() {
    let e = event("microsoft-invests-10b");
    assert_eq!(date(e.id).year, 2023);
    let key = e.figures.first().expect("the 2023 investment should have a key figure");
    assert_eq!((key.value, key.scale), (10.0, Some("billion")));
}

#[test]
fn restructuring_stake_is_about_27_percent_worth_about_135_billion() {
    let e = event("restructuring-stake");
    assert_eq!(date(e.id).year, 2025);
    let stake = e
        .figures
        .iter()
        .find(|f| f.kind == FigureKind::Stake)
        .expect("the 2025 restructuring should state Microsoft's stake");
    assert_eq!((stake.value, stake.unit, stake.display), (27.0, "%", "~27%"));
    let value = e
        .figures
        .iter()
        .find(|f| f.kind == FigureKind::Money)
        .expect("the 2025 restructuring should state the stake's value");
    assert_eq!(
        (value.value, value.scale, value.display),
        (135.0, Some("billion"), "~$135B")
    );

    let t = term("equity-stake", "2025");
    assert_eq!(t.status, TermStatus::Stated);
    assert_eq!(number(field(t, "stake_percent")), 27.0);
}

#[test]
fn cloud_is_exclusive_in_2019_and_not_in_2026() {
    let before = term("cloud-exclusivity", "2019");
    assert_eq!(before.status, TermStatus::Stated);
    assert_eq!(field(before, "exclusive"), FieldValue::Bool(true));

    let after = term("cloud-exclusivity", "2026");
    assert_eq!(after.status, TermStatus::Stated);
    assert_eq!(field(after, "exclusive"), FieldValue::Bool(false));
    let change = after
        .change
        .as_ref()
        .expect("the 2026 cloud term should say who the change favours");
    assert_eq!(change.favours.id(), "openai");
}

#[test]
fn licence_becomes_non_exclusive_in_2026_and_runs_through_2032() {
    assert_eq!(
        field(term("model-ip-exclusivity", "2019"), "exclusive"),
        FieldValue::Bool(true)
    );
    assert_eq!(
        field(term("model-ip-exclusivity", "2026"), "exclusive"),
        FieldValue::Bool(false)
    );
    assert_eq!(
        field(term("model-ip-term", "2019"), "ends"),
        FieldValue::Text("until AGI")
    );
    assert_eq!(field(term("model-ip-term", "2025"), "ends"), FieldValue::Text("2032"));
    assert_eq!(field(term("model-ip-term", "2026"), "ends"), FieldValue::Text("2032"));
}

#[test]
fn agi_clause_term_for_each_version() {
    let t2019 = term("agi-clause", "2019");
    assert_eq!(t2019.status, TermStatus::Stated);
    assert_eq!(field(t2019, "agi_trigger"), FieldValue::Bool(true));

    assert_eq!(term("agi-clause", "2023").status, TermStatus::Unstated);

    let t2025 = term("agi-clause", "2025");
    assert_eq!(t2025.status, TermStatus::Stated);
    assert_eq!(
        field(t2025, "verified_by"),
        FieldValue::Text("independent expert panel")
    );

    let t2026 = term("agi-clause", "2026");
    assert_eq!(t2026.status, TermStatus::Stated);
    assert_eq!(field(t2026, "agi_trigger"), FieldValue::Bool(false));
    for source in ["news-reset", "podcast-insights", "video-breakup"] {
        assert!(
            t2026.sources.contains(&source),
            "the 2026 AGI term should cite {source}"
        );
    }
}

#[test]
fn podcast_digest_alone_states_a_20_percent_revenue_share() {
    let e = event("revenue-share-20-percent");
    assert_eq!(e.sources, ["podcast-insights"]);
    assert_eq!(e.certainty, Certainty::Reported);
    let key = e
        .figures
        .first()
        .expect("the revenue-share claim should carry its rate");
    assert_eq!((key.kind, key.value, key.unit), (FigureKind::Percent, 20.0, "%"));
}

#[test]
fn revenue_share_to_microsoft_runs_through_2030_with_a_cap_in_2026() {
    let t = term("revenue-share-to-microsoft", "2026");
    assert_eq!(field(t, "ends"), FieldValue::Text("2030"));
    assert_eq!(field(t, "cap"), FieldValue::Bool(true));
    assert!(
        t.change.is_some(),
        "the 2026 revenue-share term changed and should say how"
    );
    assert_eq!(term("revenue-share-to-openai", "2026").status, TermStatus::Absent);
}

#[test]
fn national_security_carve_out_keeps_the_podcasts_relative_date() {
    let d = date("national-security-carve-out");
    assert_eq!(d.year, 2025);
    assert!(d.approx);
    assert_eq!(d.relative, Some("last fall"));
    assert_eq!(d.to_string(), "last fall 2025 (approx.)");
}

#[test]
fn deep_dive_benchmark_is_hypothetical() {
    let table = data()
        .tables
        .iter()
        .find(|t| t.id == "accelerator-benchmark")
        .expect("the deep dive's benchmark table should be present");
    assert_eq!(table.certainty, Certainty::Hypothetical);
    assert_eq!(table.source, "ainews-deep-dive");
    assert_eq!(
        event("deep-dive-accelerator-benchmark").certainty,
        Certainty::Hypothetical
    );
}

#[test]
fn every_source_is_cited_by_at_least_one_event() {
    for source in documents() {
        assert!(
            data().events.iter().any(|e| e.sources.contains(&source.id)),
            "source `{}` is cited by no event",
            source.id
        );
    }
}

#[test]
fn every_source_file_exists_in_shared_sources() {
    // CI always has ../shared beside the checkout; a run without it cannot
    // say the files are there, so it fails rather than passing unchecked.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    assert!(
        dir.is_dir(),
        "{} is missing: the source documents must sit beside the checkout, in ../shared/sources",
        dir.display()
    );
    for source in documents() {
        let file = source
            .file
            .unwrap_or_else(|| panic!("document `{}` names no file", source.id));
        assert!(
            dir.join(file).is_file(),
            "source `{}` names `{file}`, which is not in {}",
            source.id,
            dir.display()
        );
    }
}

#[test]
fn every_conflict_has_claims_from_at_least_two_sources() {
    for conflict in data().conflicts {
        let mut sources: Vec<&str> = conflict.claims.iter().map(|c| c.source).collect();
        sources.sort_unstable();
        sources.dedup();
        assert!(
            sources.len() >= 2,
            "conflict `{}` should set two sources against each other",
            conflict.id
        );
    }
}

// ---------------------------------------------------------------------------
// The review against the sources and public reports (issue 12): a figure, a
// date, a label and a conflict for each part of it.
// ---------------------------------------------------------------------------

use pactline::checks::{self, Corroboration};
use pactline::model::{ClaimRef, ResolutionStatus};

fn conflict(id: &str) -> &'static pactline::model::Conflict {
    data()
        .conflicts
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("conflict `{id}` should exist"))
}

fn conflict_sources(id: &str) -> Vec<&'static str> {
    conflict(id).claims.iter().map(|c| c.source).collect()
}

#[test]
fn claims_say_only_what_the_sources_say() {
    // A figure: the blog's "hundreds of millions" is a range, not $100M.
    let blog = event("blog-why-infrastructure");
    let cost = blog.figures.first().expect("the blog's training cost");
    assert_eq!(
        (cost.value, cost.max, cost.scale),
        (100.0, Some(999.0), Some("million"))
    );
    // A date: no source dates Nadella's remark, so it is undated, and says why.
    let nadella = event("nadella-questions-research-team");
    assert!(nadella.date.date().is_none());
    assert!(nadella.date.note().is_some_and(|n| !n.is_empty()));
    // A label: no source calls Jassy Amazon's CEO; "Azure Bench" is not T3 Chat.
    assert!(!event("jassy-very-interesting").summary.contains("CEO"));
    let t3 = data().party("t3-chat").expect("T3 Chat");
    assert!(!t3.aliases.contains(&"Azure Bench"));
    // A claim as of its writing: GPT-5 was unreleased when the deep dive was
    // written, never "unreleased" in Pactline's own present tense.
    let lock_in = event("azure-training-lock-in").summary;
    assert!(lock_in.contains("written before GPT-5's release"), "{lock_in}");
}

#[test]
fn certainty_says_what_the_source_does() {
    assert_eq!(event("anthropic-aws-soft-exclusivity").certainty, Certainty::Analysis);
    assert_eq!(event("mistral-cohere-multicloud").certainty, Certainty::Analysis);
    assert_eq!(
        event("azure-performance-drove-diversification").certainty,
        Certainty::Speculation
    );
    // A table mixing estimates and projections labels each row.
    let market = data()
        .tables
        .iter()
        .find(|t| t.id == "market-size")
        .expect("market-size");
    assert_eq!(market.cell_certainty(0, 1), Certainty::Analysis);
    assert_eq!(market.cell_certainty(1, 1), Certainty::Prediction);
    // Every prediction past its date, against the review date, says what became of it.
    let reviewed = data().version.split('.').next().expect("the review date");
    for e in data().events.iter().filter(|e| e.certainty == Certainty::Prediction) {
        let by = e.resolves_by.expect("a prediction resolves by a date");
        let due = format!("{:04}-{:02}", by.year, by.last_month()).as_str() < &reviewed[..7];
        assert!(
            !due || e.resolution.is_some(),
            "{} is past its date with no outcome",
            e.id
        );
    }
    let projection = event("openai-2025-projection").resolution.as_ref().expect("an outcome");
    assert_eq!(projection.status, ResolutionStatus::Unresolved);
}

#[test]
fn every_event_says_whether_it_happened_or_is_commentary() {
    let count = |kind: EventKind| data().events.iter().filter(|e| e.kind == kind).count();
    assert_eq!(count(EventKind::Happened), 61);
    assert_eq!(count(EventKind::Commentary), 52);
    // A source's own view is never something that happened.
    for e in data().events.iter().filter(|e| e.certainty != Certainty::Reported) {
        assert_eq!(e.kind, EventKind::Commentary, "{} is {:?}", e.id, e.certainty);
    }
    // The agreement and the deals are what happened, even where a document
    // is the only source, or a report contradicts it.
    for id in [
        "microsoft-invests-1b",
        "azure-training-lock-in",
        "doj-investigating-microsoft-ai",
        "deep-dive-observer-seat",
        "amendment-announced",
        "aws-invests-50b",
    ] {
        assert_eq!(event(id).kind, EventKind::Happened, "{id}");
    }
    // A reported account of the researchers' mood, not of anything done, is
    // the deep dive's commentary.
    assert_eq!(event("openai-researchers-chafed").kind, EventKind::Commentary);
    assert_eq!(event("openai-researchers-chafed").certainty, Certainty::Reported);
    assert_eq!(EventKind::Happened.label(), "What happened");
    assert_eq!(EventKind::Commentary.id(), "commentary");
}

#[test]
fn key_events_are_the_milestones_and_all_happened() {
    let keys: Vec<&str> = data().events.iter().filter(|e| e.key).map(|e| e.id).collect();
    assert_eq!(
        keys,
        [
            "microsoft-invests-1b",
            "azure-exclusive-cloud",
            "microsoft-invests-10b",
            "microsoft-first-refusal-2025",
            "restructuring-stake",
            "agi-expert-panel",
            "ip-rights-extended-2032",
            "azure-purchase-commitment",
            "aws-38b-agreement",
            "aws-invests-50b",
            "amendment-announced",
            "azure-primary-any-cloud",
            "licence-non-exclusive",
        ]
    );
    // Each agreement version's own event is key, on the version's date.
    for (id, version) in [
        ("microsoft-invests-1b", "2019"),
        ("microsoft-invests-10b", "2023"),
        ("restructuring-stake", "2025"),
        ("amendment-announced", "2026"),
    ] {
        let v = data().versions.iter().find(|v| v.id == version).expect("a version");
        assert!(event(id).key, "{id}");
        assert_eq!(date(id).to_string(), v.date.to_string(), "{id}");
    }
    for e in data().events.iter().filter(|e| e.key) {
        assert_eq!(e.kind, EventKind::Happened, "{}", e.id);
    }
}

/// What readers call each document, as its events' summaries name it.
const DOCUMENT_NAMES: [(&str, &str); 5] = [
    ("video-breakup", "video"),
    ("blog-clean-breakup", "blog"),
    ("podcast-insights", "digest"),
    ("news-reset", "news post"),
    ("ainews-deep-dive", "deep dive"),
];

#[test]
fn titles_state_the_claim_without_naming_its_source() {
    // The view shows each event's source and certainty beside its title.
    let openings = [
        "deep dive",
        "podcast",
        "digest",
        "blog",
        "video",
        "news post",
        "analysis:",
        "speculation:",
        "theory:",
        "prediction:",
        "projection:",
        "hypothetical:",
    ];
    for e in data().events {
        let title = e.title.to_lowercase();
        assert!(
            !openings.iter().any(|o| title.starts_with(o)),
            "{}: {:?}",
            e.id,
            e.title
        );
    }
    // Reworded titles keep their facts and figures.
    assert_eq!(
        event("openai-revenue-2024").title,
        "OpenAI's 2024 revenue estimated at $3.7B, 80% via Azure"
    );
    assert_eq!(
        event("prediction-market-180b").title,
        "Cloud AI infrastructure market to reach $180B by 2029"
    );
}

#[test]
fn commentary_says_whose_it_is_and_keeps_its_searchable_words() {
    // With no source in the title, the summary names it, so a search for
    // "deep dive" or "digest" still finds the document's commentary.
    for e in data().events.iter().filter(|e| e.kind == EventKind::Commentary) {
        let summary = e.summary.to_lowercase();
        for (source, name) in DOCUMENT_NAMES.iter().filter(|(s, _)| e.sources.contains(s)) {
            assert!(
                summary.contains(name),
                "{} cites {source} but never says {name:?}",
                e.id
            );
        }
    }
    // Words the old titles carried that a reader may search for.
    for (id, words) in [
        ("podcast-coopetition", "co-opetition"),
        ("theatrical-release-window", "theatrical release window"),
        ("deep-dive-not-a-breakup", "managed interdependence"),
        ("deep-dive-accelerator-benchmark", "hypothetical accelerator"),
        ("anthropic-brutal-revshare-theory", "theory"),
        ("podcast-microsoft-cloud-wars", "cloud wars"),
        ("deep-dive-data-portability-guess", "data-portability"),
        ("prediction-blog-more-competition", "price competition"),
    ] {
        let e = event(id);
        let text = format!("{} {}", e.title, e.summary).to_lowercase();
        assert!(text.contains(words), "{id} lost {words:?}");
    }
}

#[test]
fn conflicts_are_the_real_ones() {
    assert!(conflict_sources("where-anthropic-runs").contains(&"ainews-deep-dive"));
    assert!(conflict_sources("where-anthropic-runs").contains(&"video-breakup"));
    assert!(conflict_sources("what-2032-covers").contains(&"news-reset"));
    // Pactline's own gloss and an idiom are not disagreements.
    for gone in ["legal-dispute", "microsoft-governance-role"] {
        assert!(
            data().conflicts.iter().all(|c| c.id != gone),
            "{gone} is not a real conflict"
        );
    }
    // The three $50B accounts were one deal: one event, and the old id still opens it.
    let deal = data()
        .event_or_alias("amazon-50b-frontier-deal")
        .expect("the old id resolves");
    assert_eq!(deal.id, "aws-invests-50b");
    assert!(data().event("amazon-50b-frontier-deal").is_none());
    assert!(conflict("amazon-50b").summary.contains("one deal"));
}

#[test]
fn implied_terms_are_not_shown_as_stated() {
    let rofr = term("compute-rofr", "2023");
    assert_eq!(rofr.status, TermStatus::Implied);
    assert!(rofr.basis.is_some_and(|b| !b.is_empty()));
    assert!(
        data()
            .clauses
            .iter()
            .flat_map(|c| c.terms)
            .all(|t| !t.text.contains("(implied"))
    );
    assert!(term("governance", "2026").fields.iter().all(|f| f.name != "seat"));
    let agi = term("agi-clause", "2026").change.as_ref().expect("a change");
    assert_eq!(agi.favours, pactline::model::Favour::Mixed);
}

#[test]
fn headline_figures_are_checked_against_public_reports() {
    let data = data();
    // The video's $20–50B is contradicted by the $250B reports give, and
    // both figures stand side by side, each with its status.
    let azure = event("azure-purchase-commitment");
    assert_eq!(azure.figures[0].display, "$20–50B");
    assert_eq!(
        checks::status(data, ClaimRef::Figure(azure.id, 0)),
        Corroboration::Contradicted
    );
    assert_eq!(azure.figures[1].display, "$250B");
    assert_eq!(
        checks::status(data, ClaimRef::Figure(azure.id, 1)),
        Corroboration::Corroborated
    );
    assert!(conflict_sources("azure-commitment-size").contains(&"video-breakup"));
    // The stake and its value, and every version's date, are corroborated.
    let stake = event("restructuring-stake");
    for (i, _) in stake.figures.iter().enumerate() {
        assert_eq!(
            checks::status(data, ClaimRef::Figure(stake.id, i)),
            Corroboration::Corroborated
        );
    }
    let dates: Vec<String> = data.versions.iter().map(|v| v.date.to_string()).collect();
    assert_eq!(dates, ["22 Jul 2019", "23 Jan 2023", "28 Oct 2025", "27 Apr 2026"]);
    for v in data.versions {
        assert_eq!(
            checks::status(data, ClaimRef::VersionDate(v.id)),
            Corroboration::Corroborated
        );
    }
    // Every check rests on a public report that names its publisher and address.
    for check in data.checks {
        let report = data.source(check.report).expect("a known report");
        assert_eq!(report.kind, SourceKind::NewsReport, "{}", check.id);
        assert!(report.publisher.is_some() && report.url.is_some(), "{}", check.id);
    }
    // No figure a report contradicts goes without the contradiction: each
    // contradicted claim has a contradicting check to show beside it.
    for claim in checks::headline_claims(data) {
        if checks::status(data, claim) == Corroboration::Contradicted {
            assert!(checks::checks_of(data, claim).any(|c| c.verdict == pactline::model::Verdict::Contradicts));
        }
    }
}

#[test]
fn the_data_keeps_a_correction_log_and_a_licence() {
    let reviewed = data().version.split('.').next().expect("the review date");
    assert_eq!(data().corrections.first().map(|c| c.date), Some(reviewed));
    assert_eq!(data().licence.name, "CC BY 4.0");
}

/// The comparison's default view, 2019 → 2026, reads the terms in force.
#[test]
fn the_default_comparison_reads_the_terms_in_force() {
    use pactline::compare::{self, ChangeKind, Summary};
    use pactline::model::Favour;
    let rows = compare::compare(data(), "2019", "2026");
    let row = |id: &str| rows.iter().find(|r| r.clause.id == id).expect("clause");
    // No clause that any version states is unknown in 2026.
    for r in &rows {
        let stated = r.clause.terms.iter().any(|t| t.status != TermStatus::Unstated);
        assert_eq!(r.b.term.is_some(), stated, "{}", r.clause.id);
    }
    let rofr = row("compute-rofr");
    assert_eq!(
        (rofr.kind, rofr.headline().as_str()),
        (ChangeKind::Removed, "Removed in 2025")
    );
    assert_eq!(rofr.favours, Some(Favour::OpenAi));
    let azure_first = row("ship-first-azure");
    assert_eq!(
        (azure_first.kind, azure_first.headline().as_str()),
        (ChangeKind::Added, "Added in 2026")
    );
    assert_eq!(azure_first.favours, Some(Favour::Microsoft));
    // A dated term carries its date; a term whose premise changed says so.
    let purchase = row("azure-purchase").b.carried_note(data()).expect("carried");
    assert!(purchase.contains("as of 28 Oct 2025"), "{purchase}");
    let research = row("research-ip").b.carried_note(data()).expect("carried");
    assert!(
        research.contains("“AGI clause”, changed in the 2026 version"),
        "{research}"
    );
    assert_eq!(
        Summary::of(&rows).line("2019", "2026"),
        "17 of 19 clauses changed between 2019 and 2026: 8 favour OpenAI, 5 favour Microsoft, 4 mixed. \
         In force in 2026: 13 terms stated for 2026, 6 carried forward from earlier versions, 0 unknown; \
         2 terms first stated after 2019."
    );
}

/// What searches a reader is likely to type find in the real data: an
/// alias does not bury the events that say the word, a number finds only
/// that number, and quotes change nothing for one word. If a count moves
/// after a data edit, check that the new count is what the edit implies.
#[test]
fn searches_rank_the_events_that_say_the_words_first() {
    use pactline::filter::{self, SearchIndex, Via};
    use pactline::state::{Filters, Order};
    let index = SearchIndex::new(data());
    let search = |q: &str| {
        let filters = Filters {
            q: q.into(),
            ..Filters::default()
        };
        filter::run(data(), &index, &filters, Order::Asc)
    };
    let through = |q: &str, party: &'static str, alias: &'static str| {
        let outcome = search(q);
        let terms = pactline::text::terms(q);
        for &i in &outcome.events[outcome.direct..] {
            let why = index.why(data(), i, &terms).expect("a listed event matches");
            let expected = Via::Party {
                name: party,
                alias: Some(alias),
            };
            assert_eq!(why.via, [expected], "{q}: {}", data().events[i].id);
        }
        (outcome.direct, outcome.events.len())
    };
    // 39 events say "Azure"; Microsoft's 47 others follow, through its alias.
    assert_eq!(through("Azure", "Microsoft", "Azure"), (39, 86));
    assert_eq!(through("Bedrock", "Amazon", "Amazon Bedrock"), (6, 35));
    // "$10" finds $10 billion, not the $100B of Stargate or of AWS's deal.
    let ten = search("$10");
    let ids: Vec<&str> = ten.events.iter().map(|&i| data().events[i].id).collect();
    assert_eq!(
        ids,
        [
            "microsoft-invests-10b",
            "deep-dive-aws-dark-horse",
            "anthropic-microsoft-nvidia-deal"
        ]
    );
    // A quoted word found nothing before quotes were understood.
    assert_eq!(search("\"exclusive\""), search("exclusive"));
    assert_eq!(search("\"exclusive\"").events.len(), 22);
    assert_eq!(search("\"first refusal\"").events.len(), 4);
}

/// A card's byline names the kinds of document that say it and how many
/// public reports back it, since titles no longer name their source.
#[test]
fn bylines_name_the_kinds_of_source() {
    assert_eq!(
        data().byline(event("microsoft-invests-1b")),
        "Video summary · 1 public report"
    );
    for e in data().events {
        assert!(!data().byline(e).is_empty(), "{} has no byline", e.id);
    }
}
