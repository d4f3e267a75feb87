/**
 * The control plane's REST API ({@code /v1}): route modules ({@link
 * dev.ff.control.api.RouteModule}) with thin handlers over the domain services, the one mapping of
 * domain errors to problem+json ({@link dev.ff.control.api.ApiErrors}), bearer-token authentication
 * ({@link dev.ff.control.api.BearerAuthenticator}), the one authorization point ({@link
 * dev.ff.control.api.AccessPolicy}), and config delivery to SDKs and edges (plain GET with ETags
 * and Server-Sent Events driven by {@link dev.ff.control.feed.ConfigFeed}).
 */
package dev.ff.control.api;
