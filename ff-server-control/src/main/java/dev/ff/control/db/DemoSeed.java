package dev.ff.control.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlane;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.store.Json;
import dev.ff.control.tokens.ApiToken;
import dev.ff.control.tokens.CreatedToken;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The demo data: organisation {@code demo}, project {@code shop}, environments {@code development}
 * and {@code production}, a segment {@code beta-testers} and three flags in each environment (a
 * boolean kill switch, a 25 % rollout and a multivariate flag with targeting), both environments
 * published, and an admin token. Idempotent: what exists is left alone, and environments that were
 * already published are not published again.
 */
public final class DemoSeed {
  /** The demo organisation key. */
  public static final String ORG = "demo";

  /** The demo project key. */
  public static final String PROJECT = "shop";

  /** The demo environment keys. */
  public static final List<String> ENVIRONMENTS = List.of("development", "production");

  private static final String TOKEN_NAME = "demo-admin";

  /**
   * What the seed did.
   *
   * @param adminSecret the admin token's secret when this run created the token (with the preset
   *     secret if one was given); empty when the token existed already
   * @param created whether this run created the organisation
   */
  public record Result(Optional<String> adminSecret, boolean created) {
    /**
     * Without the secret.
     *
     * @return a description safe for logs
     */
    @Override
    public String toString() {
      return "Result[created="
          + created
          + ", adminSecret="
          + (adminSecret.isPresent() ? "***" : "none")
          + "]";
    }
  }

  private DemoSeed() {}

  /**
   * Seeds the demo data.
   *
   * @param cp the control plane
   * @param presetAdminSecret an {@code ffa_…} secret for the admin token instead of a random one
   * @return what was done
   */
  public static Result seed(ControlPlane cp, Optional<String> presetAdminSecret) {
    Actor actor = Actor.system();
    boolean created = false;
    try {
      cp.orgs().get(actor, ORG);
    } catch (NotFound e) {
      cp.orgs().create(actor, json("{'key':'demo','name':'Demo'}"));
      created = true;
    }
    ProjectRef project = new ProjectRef(ORG, PROJECT);
    try {
      cp.projects().get(actor, ORG, PROJECT);
    } catch (NotFound e) {
      cp.projects().create(actor, ORG, json("{'key':'shop','name':'Shop'}"));
    }
    for (String key : ENVIRONMENTS) {
      EnvRef env = project.env(key);
      try {
        cp.environments().get(actor, project, key);
      } catch (NotFound e) {
        boolean prod = key.equals("production");
        cp.environments()
            .create(
                actor,
                project,
                json(
                    "{'key':'" + key + "','name':'" + capitalised(key) + "','prod':" + prod + "}"));
      }
      ensure(
          () -> cp.segments().get(actor, env, "beta-testers"),
          () ->
              cp.segments()
                  .create(
                      actor,
                      env,
                      json(
                          "{'key':'beta-testers','included':['alice','bob'],"
                              + "'if':{'attr':'email','op':'ends_with','value':'@example.com'}}")));
      ensure(
          () -> cp.flags().get(actor, env, "kill-switch"),
          () ->
              cp.flags()
                  .create(
                      actor,
                      env,
                      json(
                          "{'key':'kill-switch','type':'boolean','enabled':true,'description':"
                              + "'Turns the new payment provider off at once','variations':"
                              + "[{'key':'off','value':false},{'key':'on','value':true}],"
                              + "'offVariation':'off','defaultVariation':'on','rules':[],"
                              + "'tags':['ops']}")));
      ensure(
          () -> cp.flags().get(actor, env, "new-checkout"),
          () ->
              cp.flags()
                  .create(
                      actor,
                      env,
                      json(
                          "{'key':'new-checkout','type':'boolean','enabled':true,'description':"
                              + "'The redesigned checkout, rolled out to 25% of users',"
                              + "'variations':[{'key':'off','value':false},"
                              + "{'key':'on','value':true}],'offVariation':'off',"
                              + "'defaultVariation':'off','rules':[{'id':'rollout',"
                              + "'if':{'all':[]},'then':{'rollout':{'variations':["
                              + "{'variation':'on','weight':2500},{'variation':'off','weight':7500}"
                              + "]}}}],'tags':['checkout']}")));
      ensure(
          () -> cp.flags().get(actor, env, "banner-color"),
          () ->
              cp.flags()
                  .create(
                      actor,
                      env,
                      json(
                          "{'key':'banner-color','type':'multivariate','enabled':true,"
                              + "'description':'Colour of the home page banner','variations':["
                              + "{'key':'blue','value':'blue'},{'key':'green','value':'green'},"
                              + "{'key':'red','value':'red'}],'offVariation':'blue',"
                              + "'defaultVariation':'blue','rules':[{'id':'beta',"
                              + "'if':{'segment':'beta-testers'},'then':{'variation':'green'}},"
                              + "{'id':'dutch','if':{'attr':'country','op':'in','values':"
                              + "['NL','BE']},'then':{'variation':'red'}}],'tags':['marketing']}")));
      long envId = cp.reader().environment(ORG, PROJECT, key).orElseThrow().envId();
      if (cp.reader().latest(envId).isEmpty()) {
        cp.publisher().publish(actor, ORG, PROJECT, key, Optional.of("demo-seed"));
      }
    }
    boolean hasToken =
        cp
            .tokens()
            .list(actor, ORG, dev.ff.control.domain.PageRequest.first(200), false)
            .items()
            .stream()
            .map(ApiToken::name)
            .anyMatch(TOKEN_NAME::equals);
    Optional<String> secret = Optional.empty();
    if (!hasToken || presetAdminSecret.isPresent()) {
      Optional<String> preset = presetAdminSecret;
      if (preset.isPresent() && cp.tokens().authenticate(preset.get()).isPresent()) {
        return new Result(preset, created);
      }
      CreatedToken token =
          cp.tokens()
              .create(actor, ORG, json("{'name':'" + TOKEN_NAME + "','kind':'admin'}"), preset);
      secret = Optional.of(token.secret());
    }
    return new Result(secret, created);
  }

  private static void ensure(Runnable exists, Runnable create) {
    try {
      exists.run();
    } catch (NotFound e) {
      create.run();
    }
  }

  private static String capitalised(String key) {
    return Character.toUpperCase(key.charAt(0)) + key.substring(1);
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
