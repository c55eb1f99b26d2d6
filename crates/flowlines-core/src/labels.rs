//! Placing place labels so that they overlap neither each other nor the flows.
