//! Headline claims against public reports: which claims count, how checks
//! combine into a status, and how that status reads.

use crate::fixture::FIXTURE;
use pactline::checks::{self, Corroboration};
use pactline::model::{Check, ClaimRef, Dataset, Verdict};

const KEY_FIGURE: ClaimRef = ClaimRef::Figure("aws-2026", 0);

const fn check(id: &'static str, claim: ClaimRef, verdict: Verdict) -> Check {
    Check {
        id,
        claim,
        report: "news",
        verdict,
        text: "",
    }
}

/// The fixture with these checks.
fn with(checks: &'static [Check]) -> Dataset {
    Dataset { checks, ..FIXTURE }
}

#[test]
fn a_claim_nobody_checked_is_unchecked() {
    let data = with(&[]);
    assert_eq!(checks::status(&data, KEY_FIGURE), Corroboration::Unchecked);
    assert_eq!(
        checks::describe_status(&data, KEY_FIGURE),
        "Unchecked against public reports"
    );
}

#[test]
fn agreeing_reports_corroborate_and_are_counted() {
    static CHECKS: [Check; 2] = [
        check("a", KEY_FIGURE, Verdict::Corroborates),
        check("b", KEY_FIGURE, Verdict::Corroborates),
    ];
    let data = with(&CHECKS);
    assert_eq!(checks::status(&data, KEY_FIGURE), Corroboration::Corroborated);
    assert_eq!(
        checks::describe_status(&data, KEY_FIGURE),
        "Corroborated by 2 public reports"
    );
}

#[test]
fn one_disagreeing_report_makes_a_claim_contradicted_and_the_others_still_show() {
    static CHECKS: [Check; 3] = [
        check("a", KEY_FIGURE, Verdict::Corroborates),
        check("b", KEY_FIGURE, Verdict::Contradicts),
        // A check of another claim changes nothing here.
        check("c", ClaimRef::VersionDate("2019"), Verdict::Contradicts),
    ];
    let data = with(&CHECKS);
    assert_eq!(checks::status(&data, KEY_FIGURE), Corroboration::Contradicted);
    assert_eq!(
        checks::describe_status(&data, KEY_FIGURE),
        "Contradicted by 1 public report; corroborated by 1 public report"
    );
    assert_eq!(checks::checks_of(&data, KEY_FIGURE).count(), 2);
    // What a screen reader hears starts with the word the badge shows.
    let unchecked = ClaimRef::Figure("deal-2019", 0);
    assert_eq!(checks::status(&data, unchecked), Corroboration::Unchecked);
    for claim in [KEY_FIGURE, unchecked] {
        let status = checks::status(&data, claim);
        assert!(
            checks::describe_status(&data, claim).starts_with(status.label()),
            "{claim:?}"
        );
    }
}

#[test]
fn headline_claims_are_money_and_stakes_version_dates_and_stated_terms() {
    let claims = checks::headline_claims(&FIXTURE);
    // Both money figures; no other figure kind is in the fixture.
    assert!(claims.contains(&ClaimRef::Figure("deal-2019", 0)));
    assert!(claims.contains(&KEY_FIGURE));
    for v in FIXTURE.versions {
        assert!(claims.contains(&ClaimRef::VersionDate(v.id)));
    }
    // Every term a source states, implies or says is absent; none unstated.
    for c in FIXTURE.clauses {
        for t in c.terms {
            let listed = claims.contains(&ClaimRef::Term(c.id, t.version));
            assert_eq!(
                listed,
                t.status != pactline::model::TermStatus::Unstated,
                "{} {}",
                c.id,
                t.version
            );
        }
    }
}

#[test]
fn the_tally_counts_each_claim_once_by_its_status() {
    static CHECKS: [Check; 2] = [
        check("a", KEY_FIGURE, Verdict::Contradicts),
        check("b", ClaimRef::VersionDate("2019"), Verdict::Corroborates),
    ];
    let data = with(&CHECKS);
    let claims = checks::headline_claims(&data);
    let [corroborated, contradicted, unchecked] = checks::tally(&data, &claims);
    assert_eq!((corroborated, contradicted), (1, 1));
    assert_eq!(unchecked, claims.len() - 2);
}

#[test]
fn a_claim_reads_as_the_reader_knows_it() {
    assert_eq!(
        checks::claim_label(&FIXTURE, KEY_FIGURE),
        "AWS invests $50B: $50B (investment)"
    );
    assert_eq!(
        checks::claim_label(&FIXTURE, ClaimRef::VersionDate("2019")),
        "Date of the Original (2019): 2019"
    );
}
