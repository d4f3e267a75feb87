package dev.ff.control.service;

import dev.ff.control.domain.EnvRef;
import dev.ff.control.store.Scopes;
import org.jdbi.v3.core.Handle;

/** Scope resolution shared by the services of environment resources. */
final class EnvScoped {
  private EnvScoped() {}

  static KeyedService.Resolved resolve(Handle h, EnvRef env) {
    Scopes.EnvScope scope = Scopes.env(h, env);
    return new KeyedService.Resolved(
        scope.envId(), scope.orgId(), env.org() + "/" + env.project() + "/" + env.env());
  }
}
