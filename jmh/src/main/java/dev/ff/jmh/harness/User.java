package dev.ff.jmh.harness;

/**
 * One evaluation subject, independent of any SDK. Each peer turns it into its own native context
 * once, before measurement. Every scenario passes all nine attributes, so the cost of handling a
 * context is the same kind of work for every peer.
 *
 * @param key stable user key: the targeting key and the unit of every percentage rollout
 * @param country ISO country code (the S1 rule, and the first condition of segment eu-beta)
 * @param email e-mail address (S2 rule 1)
 * @param plan subscription plan (S2 rule 2)
 * @param userAgent HTTP user agent (S2 rule 3)
 * @param age age in years, a number (S2 rule 4)
 * @param appVersion semantic version of the client app (S2 rule 5)
 * @param beta beta opt-in, a boolean (segment eu-beta, second condition)
 * @param logins number of logins, a number (segment eu-beta, third condition)
 */
public record User(
    String key,
    String country,
    String email,
    String plan,
    String userAgent,
    int age,
    String appVersion,
    boolean beta,
    int logins) {}
