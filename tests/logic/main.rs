//! Native tests of Pactline's pure logic: data checks, filtering, search,
//! clause comparison, word diff, URL state and the timeline's drawing. One
//! test binary, so the suite links once.

mod checks;
mod cite;
mod compare;
mod diff;
mod drawing;
mod embed;
mod export;
mod filtering;
mod fixture;
mod keyboard;
mod preview;
mod search;
mod share;
mod state;
mod synthetic;
mod url_state;
mod validation;
