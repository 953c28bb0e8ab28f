//! A small hand-written dataset shared by the native logic tests, so they do
//! not move when the real data is edited.

use pactline::model::*;

/// A date known to the year only.
pub const fn year(year: u16) -> EventDate {
    EventDate {
        year,
        month: 0,
        day: 0,
        quarter: 0,
        precision: Precision::Year,
        approx: false,
        relative: None,
        note: None,
    }
}

const fn month(year: u16, month: u8) -> EventDate {
    EventDate {
        year,
        month,
        day: 0,
        quarter: 0,
        precision: Precision::Month,
        approx: false,
        relative: None,
        note: None,
    }
}

const fn source(id: &'static str, title: &'static str) -> Source {
    Source {
        id,
        title,
        file: Some("000_fixture.txt"),
        kind: SourceKind::NewsPost,
        author: None,
        publisher: None,
        url: None,
        date: "undated",
        date_note: "",
        reliability: "",
        aggregator: false,
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "fixture rows read best as one positional call each"
)]
const fn event(
    id: &'static str,
    date: EventDate,
    title: &'static str,
    parties: &'static [&'static str],
    topics: &'static [&'static str],
    certainty: Certainty,
    sources: &'static [&'static str],
    figures: &'static [Figure],
) -> Event {
    Event {
        id,
        aliases: &[],
        date: When::Dated(date),
        title,
        summary: "",
        parties,
        topics,
        // The data files' rule: only a reported claim can have happened.
        kind: if matches!(certainty, Certainty::Reported) {
            EventKind::Happened
        } else {
            EventKind::Commentary
        },
        // The fixture's key events are its two investments.
        key: !figures.is_empty(),
        certainty,
        sources,
        figures,
        resolves_by: None,
        resolution: None,
        clause_changes: &[],
    }
}

const fn term(
    version: &'static str,
    status: TermStatus,
    text: &'static str,
    fields: &'static [Field],
    change: Option<ChangeNote>,
) -> Term {
    Term {
        version,
        status,
        basis: None,
        short: text,
        text,
        fields,
        sources: &["news"],
        dated: false,
        premise: None,
        change,
    }
}

const fn note(favours: Favour) -> Option<ChangeNote> {
    Some(ChangeNote {
        favours,
        reason: "because",
        source: "news",
    })
}

/// The fixture: four events, three versions, seven clauses of every kind.
pub static FIXTURE: Dataset = Dataset {
    version: "2026-11-23.fixture",
    sources: &[source("news", "A news post"), source("video", "A vidéo summary")],
    parties: &[
        Party {
            id: "microsoft",
            name: "Microsoft",
            aliases: &[],
        },
        Party {
            id: "openai",
            name: "OpenAI",
            aliases: &[],
        },
        Party {
            id: "amazon",
            name: "Amazon",
            aliases: &["AWS"],
        },
    ],
    topics: &[
        Topic {
            id: "cloud",
            name: "Cloud & compute",
        },
        Topic {
            id: "money",
            name: "Money",
        },
    ],
    events: &[
        event(
            "deal-2019",
            year(2019),
            "Microsoft invests $1B",
            &["microsoft", "openai"],
            &["money"],
            Certainty::Reported,
            &["news"],
            &[Figure {
                kind: FigureKind::Money,
                value: 1.0,
                max: None,
                unit: "USD",
                scale: Some("billion"),
                label: "investment",
                display: "$1B",
                spelled: "1 billion",
            }],
        ),
        event(
            "o1-2024",
            month(2024, 9),
            "Reasoning models strain the Café partnership",
            &["openai"],
            &["cloud"],
            Certainty::Analysis,
            &["video"],
            &[],
        ),
        event(
            "aws-2026",
            month(2026, 3),
            "AWS invests $50B",
            &["amazon", "openai"],
            &["money", "cloud"],
            Certainty::Reported,
            &["news", "video"],
            &[Figure {
                kind: FigureKind::Money,
                value: 50.0,
                max: None,
                unit: "USD",
                scale: Some("billion"),
                label: "investment",
                display: "$50B",
                spelled: "50 billion",
            }],
        ),
        event(
            "tpu-2027",
            year(2027),
            "<script>alert(1)</script> pilot on TPUs",
            &["openai"],
            &["cloud"],
            Certainty::Prediction,
            &["video"],
            &[],
        ),
    ],
    versions: &[
        AgreementVersion {
            id: "2019",
            name: "Original",
            date: year(2019),
            summary: "",
            sources: &["news"],
        },
        AgreementVersion {
            id: "2025",
            name: "Restructuring",
            date: year(2025),
            summary: "",
            sources: &["news"],
        },
        AgreementVersion {
            id: "2026",
            name: "Amendment",
            date: year(2026),
            summary: "",
            sources: &["news"],
        },
    ],
    clauses: &[
        Clause {
            id: "cloud",
            name: "Cloud exclusivity",
            question: "",
            labels: &[],
            terms: &[
                term(
                    "2019",
                    TermStatus::Stated,
                    "Azure is the exclusive cloud.",
                    &[Field {
                        name: "exclusive",
                        value: FieldValue::Bool(true),
                    }],
                    None,
                ),
                term(
                    "2025",
                    TermStatus::Stated,
                    "Azure is the exclusive cloud for API products.",
                    &[Field {
                        name: "exclusive",
                        value: FieldValue::Bool(true),
                    }],
                    note(Favour::OpenAi),
                ),
                term(
                    "2026",
                    TermStatus::Stated,
                    "Any cloud; Azure ships first.",
                    &[Field {
                        name: "exclusive",
                        value: FieldValue::Bool(false),
                    }],
                    note(Favour::OpenAi),
                ),
            ],
        },
        Clause {
            id: "revenue",
            name: "Revenue share",
            question: "",
            labels: &[],
            terms: &[
                term(
                    "2019",
                    TermStatus::Stated,
                    "Until AGI.",
                    &[Field {
                        name: "ends",
                        value: FieldValue::Text("until AGI"),
                    }],
                    None,
                ),
                term(
                    "2025",
                    TermStatus::Stated,
                    "Until AGI.",
                    &[Field {
                        name: "ends",
                        value: FieldValue::Text("until AGI"),
                    }],
                    None,
                ),
                term(
                    "2026",
                    TermStatus::Stated,
                    "Through 2030, capped.",
                    &[
                        Field {
                            name: "ends",
                            value: FieldValue::Number(2030.0, "2030"),
                        },
                        Field {
                            name: "capped",
                            value: FieldValue::Bool(true),
                        },
                    ],
                    note(Favour::Microsoft),
                ),
            ],
        },
        Clause {
            id: "security",
            name: "National security",
            question: "",
            labels: &[],
            terms: &[
                term("2019", TermStatus::Absent, "", &[], None),
                term(
                    "2025",
                    TermStatus::Stated,
                    "Any cloud for national security.",
                    &[],
                    note(Favour::OpenAi),
                ),
                term(
                    "2026",
                    TermStatus::Stated,
                    "Any cloud for national security.",
                    &[],
                    None,
                ),
            ],
        },
        Clause {
            id: "agi",
            name: "AGI clause",
            question: "",
            labels: &[],
            terms: &[
                term("2019", TermStatus::Stated, "Licence until AGI.", &[], None),
                term(
                    "2025",
                    TermStatus::Stated,
                    "Panel verifies AGI.",
                    &[],
                    note(Favour::Microsoft),
                ),
                term("2026", TermStatus::Absent, "", &[], note(Favour::OpenAi)),
            ],
        },
        Clause {
            id: "hardware",
            name: "Consumer hardware",
            question: "",
            labels: &[],
            terms: &[
                term("2019", TermStatus::Unstated, "", &[], None),
                term(
                    "2025",
                    TermStatus::Stated,
                    "Excluded from Microsoft's licence.",
                    &[],
                    None,
                ),
                term("2026", TermStatus::Unstated, "", &[], None),
            ],
        },
        Clause {
            id: "licence",
            name: "Licence term",
            question: "",
            labels: &[],
            terms: &[
                term("2019", TermStatus::Stated, "Until AGI.", &[], None),
                term("2025", TermStatus::Unstated, "", &[], None),
                term(
                    "2026",
                    TermStatus::Stated,
                    "Through 2032.",
                    &[],
                    note(Favour::Microsoft),
                ),
            ],
        },
        Clause {
            id: "board",
            name: "Board seat",
            question: "",
            labels: &[],
            terms: &[
                term("2019", TermStatus::Unstated, "", &[], None),
                term("2025", TermStatus::Unstated, "", &[], None),
                term("2026", TermStatus::Unstated, "", &[], None),
            ],
        },
    ],
    conflicts: &[],
    tables: &[],
    checks: &[],
    corrections: &[],
    licence: Licence {
        name: "CC BY 4.0",
        url: "https://creativecommons.org/licenses/by/4.0/",
    },
};
