/** The edge's HTTP routes, SDK token authentication and SDK config streams. */
package dev.ff.edge.http;
