package dev.ff.control.publish;

import dev.ff.control.domain.EnvRef;

/**
 * What the distribution side needs to know about an environment.
 *
 * @param envId the environment id
 * @param ref its keys
 * @param salt its bucketing salt
 * @param prod whether it is a production environment
 * @param archived whether it is archived
 */
public record EnvironmentInfo(
    long envId, EnvRef ref, String salt, boolean prod, boolean archived) {}
