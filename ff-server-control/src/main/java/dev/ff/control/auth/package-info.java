/**
 * Identities and roles: local users' passwords (bcrypt) and sessions with lockout ({@link
 * dev.ff.control.auth.AuthService}), OIDC bearer tokens verified against the provider's JWK set
 * ({@link dev.ff.control.auth.OidcVerifier}), the grants of users and tokens, and the jCasbin
 * policy that turns grants into the effective role on a scope ({@link
 * dev.ff.control.auth.RbacPolicy}). The HTTP layer ({@code dev.ff.control.api}) authenticates with
 * these and authorizes every route in one place.
 */
package dev.ff.control.auth;
