//! The timeline's filter panel: its facets (parties, topics, certainty,
//! sources), each option found by its place in the dataset's order, and
//! the check that every option's label and count are the native filter's.

use pactline::data;
use pactline::model::Certainty;

use crate::support::expect::expect_eq;
use crate::support::oracle::TimelineOracle;
use crate::support::page::Page;

/// The facets, in the order the filter panel lists them.
#[derive(Clone, Copy, Debug)]
pub(super) enum Facet {
    Parties,
    Topics,
    Certainty,
    Sources,
}

impl Facet {
    const ALL: [Facet; 4] = [Facet::Parties, Facet::Topics, Facet::Certainty, Facet::Sources];

    fn legend(self) -> &'static str {
        match self {
            Facet::Parties => "Parties",
            Facet::Topics => "Topics",
            Facet::Certainty => "Certainty",
            Facet::Sources => "Sources",
        }
    }

    /// The facet's fieldset, by its place among the panel's facets.
    fn fieldset(self) -> String {
        format!("aside.filters fieldset:nth-child({} of .facet)", 1 + self as usize)
    }

    /// Each option's label and the count the native filter gives it.
    fn expected(self, oracle: &TimelineOracle) -> Vec<(&'static str, usize)> {
        let (data, facets) = (oracle.data, &oracle.outcome.facets);
        match self {
            Facet::Parties => data
                .parties
                .iter()
                .map(|p| p.name)
                .zip(facets.parties.clone())
                .collect(),
            Facet::Topics => data.topics.iter().map(|t| t.name).zip(facets.topics.clone()).collect(),
            Facet::Certainty => Certainty::ALL
                .iter()
                .map(|c| c.label())
                .zip(facets.certainties)
                .collect(),
            Facet::Sources => data
                .sources
                .iter()
                .map(|s| s.title)
                .zip(facets.sources.clone())
                .collect(),
        }
    }
}

/// One option of a facet, by its position in the dataset's order.
pub(super) struct FacetOption {
    facet: Facet,
    position: usize,
}

impl FacetOption {
    /// The party with this id.
    pub(super) fn party(id: &str) -> Result<Self, String> {
        let position = data::builtin().parties.iter().position(|p| p.id == id);
        Self::at(Facet::Parties, position, id)
    }

    /// The topic with this id.
    pub(super) fn topic(id: &str) -> Result<Self, String> {
        let position = data::builtin().topics.iter().position(|t| t.id == id);
        Self::at(Facet::Topics, position, id)
    }

    fn at(facet: Facet, position: Option<usize>, id: &str) -> Result<Self, String> {
        let position = position.ok_or_else(|| format!("no {} option {id:?} in the dataset", facet.legend()))?;
        Ok(Self { facet, position })
    }

    fn label(&self) -> String {
        format!(
            "{} > label:nth-child({} of .facet-option)",
            self.facet.fieldset(),
            self.position + 1
        )
    }

    pub(super) fn checkbox(&self) -> String {
        format!("{} > input[type=checkbox]", self.label())
    }
}

/// Checks every facet option's label and count against the oracle.
pub(super) async fn expect_facet_counts(page: &Page, oracle: &TimelineOracle) -> Result<(), String> {
    for facet in Facet::ALL {
        expect_eq(
            "facet legend",
            page.text(&format!("{} > legend", facet.fieldset())).await?,
            facet.legend().to_owned(),
        )?;
        let expected = facet.expected(oracle);
        expect_eq(
            &format!("{} options", facet.legend()),
            page.count(&format!("{} > label.facet-option", facet.fieldset()))
                .await?,
            expected.len(),
        )?;
        for (position, (name, count)) in expected.into_iter().enumerate() {
            let option = FacetOption { facet, position }.label();
            expect_eq(
                &format!("{} option {}", facet.legend(), position + 1),
                page.text(&format!("{option} > .facet-label")).await?,
                name.to_owned(),
            )?;
            // The number, and " events" for a screen reader (hidden on
            // screen, so read from the DOM: engines differ on hidden text).
            let count_css = format!("{option} > .facet-count");
            let said = page
                .execute_json(
                    "return document.querySelector(arguments[0]).textContent;",
                    vec![count_css.into()],
                )
                .await?;
            expect_eq(
                &format!("count of {} option {name:?}", facet.legend()),
                said.as_str()
                    .unwrap_or_default()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                format!("{count} events"),
            )?;
        }
    }
    Ok(())
}
