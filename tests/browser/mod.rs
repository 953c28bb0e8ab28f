//! The browser scenarios, one module per area of the app, and the list the
//! runner executes.
//!
//! To add a scenario: write `pub async fn name(page: &Page) -> Result<(), String>`
//! in the module for its view (create `tests/browser/<view>.rs` and declare it
//! below if it is new), then add `scenario!(module::name)` to [`all`]. It runs
//! on every engine in `PACTLINE_BROWSERS`, in a fresh browser session, and is
//! followed by the harness's own checks (no off-origin requests, no page errors).

mod harness;
mod shell;

use std::future::Future;
use std::pin::Pin;

use crate::support::page::Page;

/// What a running scenario is: a future borrowing its page.
pub type ScenarioFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + 'a>>;

/// A named scenario.
pub struct Scenario {
    /// `module::function`, as printed and as matched by the filter.
    pub name: &'static str,
    /// Starts the scenario on a page.
    pub run: for<'a> fn(&'a Page) -> ScenarioFuture<'a>,
}

/// Turns `module::async_fn` into a [`Scenario`] named after it.
macro_rules! scenario {
    ($module:ident :: $function:ident) => {{
        fn run(page: &Page) -> ScenarioFuture<'_> {
            Box::pin($module::$function(page))
        }
        Scenario {
            name: concat!(stringify!($module), "::", stringify!($function)),
            run,
        }
    }};
}

/// Every scenario, in the order they run.
pub fn all() -> Vec<Scenario> {
    vec![
        scenario!(shell::renders_under_sub_path),
        scenario!(shell::views_reachable_by_url),
        scenario!(shell::views_reachable_by_clicking),
        scenario!(shell::back_and_forward_restore_views),
        scenario!(shell::assets_served_from_sub_path),
        scenario!(shell::stays_on_loopback_without_errors),
        scenario!(harness::offorigin_attempt_is_recorded),
        scenario!(harness::page_error_is_recorded),
        scenario!(harness::keys_reach_the_page),
    ]
}
