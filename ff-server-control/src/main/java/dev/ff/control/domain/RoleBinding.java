package dev.ff.control.domain;

/**
 * A role given to a user or a token over an organisation, a project or an environment.
 *
 * @param id the binding id
 * @param org the organisation key
 * @param subjectKind {@code user} or {@code token}
 * @param subjectId the user id or token id
 * @param subjectDisplay the user's email or the token's name
 * @param role the role
 * @param scopeKind {@code org}, {@code project} or {@code env}
 * @param project the project key for project and env scopes, else null
 * @param env the environment key for env scopes, else null
 * @param meta bookkeeping
 */
public record RoleBinding(
    long id,
    String org,
    String subjectKind,
    long subjectId,
    String subjectDisplay,
    Role role,
    String scopeKind,
    String project,
    String env,
    Meta meta) {}
