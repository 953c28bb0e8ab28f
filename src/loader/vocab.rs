//! The words the data files use for each of the model's enums, paired with
//! the variant each one names.
//!
//! Checking rejects a word that is not in its table, naming the words that
//! are; generation writes the variant. One table per enum keeps the two from
//! drifting apart.

/// `sources.toml` `kind` → `model::SourceKind`.
pub(super) const SOURCE_KINDS: [(&str, &str); 6] = [
    ("video-summary", "VideoSummary"),
    ("blog-post", "BlogPost"),
    ("podcast-digest", "PodcastDigest"),
    ("news-post", "NewsPost"),
    ("analysis-article", "AnalysisArticle"),
    ("news-report", "NewsReport"),
];

/// An event's `outcome.status` → `model::ResolutionStatus`.
pub(super) const RESOLUTIONS: [(&str, &str); 4] = [
    ("unresolved", "Unresolved"),
    ("came-true", "CameTrue"),
    ("did-not-happen", "DidNotHappen"),
    ("partly", "Partly"),
];

/// `checks.toml` `verdict` → `model::Verdict`.
pub(super) const VERDICTS: [(&str, &str); 2] = [("corroborates", "Corroborates"), ("contradicts", "Contradicts")];

/// `certainty` (of events, claims and tables) → `model::Certainty`.
pub(super) const CERTAINTIES: [(&str, &str); 5] = [
    ("reported", "Reported"),
    ("analysis", "Analysis"),
    ("speculation", "Speculation"),
    ("prediction", "Prediction"),
    ("hypothetical", "Hypothetical"),
];

/// An event's `kind` → `model::EventKind`.
pub(super) const EVENT_KINDS: [(&str, &str); 2] = [("happened", "Happened"), ("commentary", "Commentary")];

/// The certainties that are a source's own view, never something that
/// happened: an event with one of them is `commentary`.
pub(super) const COMMENTARY_CERTAINTIES: [&str; 4] = ["analysis", "speculation", "prediction", "hypothetical"];

/// What an event's title may not open with: the name of a source ("Deep
/// dive: …", "Blog expects …") or a label the certainty badge already shows
/// ("Prediction: …"). The app shows every event's source and certainty
/// beside its title, so the title says the claim itself. A name matches
/// when no letter or digit follows it; a label, which could begin an
/// ordinary title ("Reports of …"), only with its colon. Longer names come
/// before the shorter ones they begin with, so an error names the whole.
pub(super) const TITLE_PREFIXES: [&str; 16] = [
    "Deep dive",
    "Podcast digest",
    "Podcast",
    "Digest",
    "Blog",
    "Video",
    "News post",
    "News:",
    "Report:",
    "Analysis:",
    "Commentary:",
    "Speculation:",
    "Theory:",
    "Prediction:",
    "Projection:",
    "Hypothetical:",
];

/// A figure's `kind` → `model::FigureKind`.
pub(super) const FIGURE_KINDS: [(&str, &str); 11] = [
    ("money", "Money"),
    ("percent", "Percent"),
    ("stake", "Stake"),
    ("power", "Power"),
    ("speed", "Speed"),
    ("year", "Year"),
    ("duration", "Duration"),
    ("headcount", "Headcount"),
    ("count", "Count"),
    ("bandwidth", "Bandwidth"),
    ("latency", "Latency"),
];

/// A figure's `scale` → the suffix a reader sees after it ("$20B").
pub(super) const SCALES: [(&str, &str); 4] = [("thousand", "K"), ("million", "M"), ("billion", "B"), ("trillion", "T")];

/// A term change's `favours` → `model::Favour`.
pub(super) const FAVOURS: [(&str, &str); 4] = [
    ("microsoft", "Microsoft"),
    ("openai", "OpenAi"),
    ("neutral", "Neutral"),
    ("mixed", "Mixed"),
];

/// A term's `status`. All but `same` name a `model::TermStatus`; `same`
/// repeats the previous version's term, so it has no variant of its own.
pub(super) const STATUSES: [&str; 5] = ["stated", "implied", "absent", "unstated", "same"];

/// The variant (or suffix) that `id` names in `table`.
pub(super) fn variant(table: &[(&str, &'static str)], id: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// The words of `table`, for an error message that lists what is allowed.
pub(super) fn names(table: &[(&str, &str)]) -> String {
    table.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}
