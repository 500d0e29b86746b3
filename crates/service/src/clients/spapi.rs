//! Selling Partner API: marketplace participations and restricted data tokens.
