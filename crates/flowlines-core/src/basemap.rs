//! The basemap: land, borders and coasts for the region, from Natural Earth.
