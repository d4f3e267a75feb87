#!/usr/bin/env python3
"""Regenerates the statistics conformance data in this folder.

An independent reference implementation of the statistics contract (docs/statistics.md) written
with numpy and scipy (scipy's Student-t, normal and chi-square functions, brentq for roots). It
computes every case at full double precision, checks each published worked example against its
six-significant-digit value, and writes one JSON file per topic:

    {"description": "...", "cases": [{"name", "kind", "inputs", "expected"}]}

Run from anywhere: python3 spec/stats/generate.py   (needs numpy and scipy)
"""

import json
import math
import os

import numpy as np
from scipy import optimize, special, stats

HERE = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------------------------
# helpers


def real(x):
    """A finite float, or None."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def two_pass_var(x):
    x = np.asarray(x, dtype=float)
    if len(x) < 2:
        return None
    m = np.sum(x) / len(x)
    return float(np.sum((x - m) ** 2) / (len(x) - 1))


def two_pass_cov(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    mx = np.sum(x) / len(x)
    my = np.sum(y) / len(y)
    return float(np.sum((x - mx) * (y - my)) / (len(x) - 1))


def mean(x):
    return float(np.sum(np.asarray(x, dtype=float)) / len(x)) if len(x) else None


def t_pvalue(t, df):
    return float(2 * stats.t.sf(abs(t), df))


def t_quantile(q, df):
    return float(stats.t.ppf(q, df))


def z_quantile(q):
    return float(special.ndtri(q))


def normal_two_sided(z):
    return float(special.erfc(abs(z) / math.sqrt(2)))


def chi2_sf(x, df):
    return float(stats.chi2.sf(x, df))


# --------------------------------------------------------------------------------------------
# Welch's t-test


def welch_summary(nC, mC, vC, nT, mT, vT, alpha):
    out = {
        "status": "OK",
        "nControl": nC,
        "nTreatment": nT,
        "meanControl": mC if nC >= 1 else None,
        "meanTreatment": mT if nT >= 1 else None,
        "varControl": vC if nC >= 2 else None,
        "varTreatment": vT if nT >= 2 else None,
        "diff": None,
        "se": None,
        "tStat": 0.0,
        "df": None,
        "pValue": 1.0,
        "ciLower": None,
        "ciUpper": None,
        "lift": None,
        "liftSe": None,
        "liftCiLower": None,
        "liftCiUpper": None,
    }
    if nC >= 1 and nT >= 1:
        out["diff"] = mT - mC
        if mC != 0:
            out["lift"] = out["diff"] / abs(mC)
    if nC < 2 or nT < 2:
        out["status"] = "INSUFFICIENT_DATA"
        return out
    qC, qT = vC / nC, vT / nT
    se = math.sqrt(qC + qT)
    if se == 0:
        out["status"] = "ZERO_VARIANCE"
        out["se"] = 0.0
        return out
    diff = out["diff"]
    t = diff / se
    df = (qC + qT) ** 2 / (qC**2 / (nC - 1) + qT**2 / (nT - 1))
    tq = t_quantile(1 - alpha / 2, df)
    out.update(
        se=se, tStat=t, df=df, pValue=t_pvalue(t, df), ciLower=diff - tq * se, ciUpper=diff + tq * se
    )
    if mC != 0:
        lift = out["lift"]
        lse = math.sqrt(qT / mC**2 + mT**2 * qC / mC**4)
        out.update(liftSe=lse, liftCiLower=lift - tq * lse, liftCiUpper=lift + tq * lse)
    return out


def welch(control, treatment, alpha=0.05):
    return welch_summary(
        len(control),
        mean(control),
        two_pass_var(control),
        len(treatment),
        mean(treatment),
        two_pass_var(treatment),
        alpha,
    )


# --------------------------------------------------------------------------------------------
# proportions and the 2xK omnibus


def pearson(table):
    table = np.asarray(table, dtype=float)
    n = table.sum()
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    return table, expected


def proportions(nC, cC, nT, cT, alpha=0.05):
    out = {
        "status": "OK",
        "nControl": nC,
        "convControl": cC,
        "nTreatment": nT,
        "convTreatment": cT,
        "rateControl": cC / nC if nC > 0 else None,
        "rateTreatment": cT / nT if nT > 0 else None,
        "diff": None,
        "sePooled": None,
        "zStat": 0.0,
        "chi2": 0.0,
        "pValue": 1.0,
        "chi2Yates": 0.0,
        "pValueYates": 1.0,
        "seUnpooled": None,
        "ciLower": None,
        "ciUpper": None,
        "lift": None,
        "liftSe": None,
        "liftCiLower": None,
        "liftCiUpper": None,
    }
    if nC == 0 or nT == 0:
        out["status"] = "EMPTY_VARIATION"
        return out
    pC, pT = cC / nC, cT / nT
    diff = pT - pC
    pbar = (cC + cT) / (nC + nT)
    out["diff"] = diff
    if pbar == 0 or pbar == 1:
        out.update(status="ZERO_VARIANCE", sePooled=0.0, seUnpooled=0.0)
        out["lift"] = 0.0 if pC > 0 else None
        return out
    se_p = math.sqrt(pbar * (1 - pbar) * (1 / nC + 1 / nT))
    z = diff / se_p
    obs, exp = pearson([[cC, nC - cC], [cT, nT - cT]])
    chi2 = float(np.sum((obs - exp) ** 2 / exp))
    assert abs(chi2 - z * z) <= 1e-9 * max(1, chi2), (chi2, z * z)
    yates = float(np.sum(np.maximum(0, np.abs(obs - exp) - 0.5) ** 2 / exp))
    se_u = math.sqrt(pC * (1 - pC) / nC + pT * (1 - pT) / nT)
    zq = z_quantile(1 - alpha / 2)
    out.update(
        sePooled=se_p,
        zStat=z,
        chi2=z * z,
        pValue=normal_two_sided(z),
        chi2Yates=yates,
        pValueYates=chi2_sf(yates, 1),
        seUnpooled=se_u,
        ciLower=diff - zq * se_u,
        ciUpper=diff + zq * se_u,
    )
    if pC > 0:
        lift = diff / pC
        lse = math.sqrt(pT * (1 - pT) / (nT * pC**2) + pT**2 * pC * (1 - pC) / (nC * pC**4))
        out.update(lift=lift, liftSe=lse, liftCiLower=lift - zq * lse, liftCiUpper=lift + zq * lse)
    return out


def chi2_2xk(n, conv):
    used = [i for i, ni in enumerate(n) if ni > 0]
    out = {"status": "OK", "armsUsed": used, "chi2": 0.0, "df": None, "pValue": 1.0}
    if len(used) < 2:
        out["status"] = "INSUFFICIENT_DATA"
        return out
    out["df"] = len(used) - 1
    cs = [conv[i] for i in used]
    ns = [n[i] for i in used]
    pbar = sum(cs) / sum(ns)
    if pbar == 0 or pbar == 1:
        out["status"] = "ZERO_VARIANCE"
        return out
    obs, exp = pearson([cs, [a - b for a, b in zip(ns, cs)]])
    chi2 = float(np.sum((obs - exp) ** 2 / exp))
    direct = sum((c - m * pbar) ** 2 / (m * pbar * (1 - pbar)) for c, m in zip(cs, ns))
    assert abs(chi2 - direct) <= 1e-9 * max(1, chi2)
    out.update(chi2=direct, pValue=chi2_sf(direct, len(used) - 1))
    return out


# --------------------------------------------------------------------------------------------
# ratio metrics (the varUnit form; the Java raw path uses the linearised form)


def ratio_arm(m, d):
    n = len(m)
    sm, sd = float(np.sum(m)), float(np.sum(d))
    ratio = sm / sd if n >= 1 and sd != 0 else None
    var_mean = None
    if n >= 2 and sd != 0:
        mbar, dbar = sm / n, sd / n
        s2m, s2d, smd = two_pass_var(m), two_pass_var(d), two_pass_cov(m, d)
        var_unit = s2m / dbar**2 - 2 * mbar * smd / dbar**3 + mbar**2 * s2d / dbar**4
        var_mean = max(0.0, var_unit / n)
    return n, ratio, var_mean, sd


def ratio(mC, dC, mT, dT, alpha=0.05):
    nC, rC, qC, sdC = ratio_arm(mC, dC)
    nT, rT, qT, sdT = ratio_arm(mT, dT)
    out = {
        "status": "OK",
        "nControl": nC,
        "nTreatment": nT,
        "ratioControl": rC,
        "ratioTreatment": rT,
        "varMeanControl": qC,
        "varMeanTreatment": qT,
        "diff": None,
        "se": None,
        "tStat": 0.0,
        "df": None,
        "pValue": 1.0,
        "ciLower": None,
        "ciUpper": None,
        "lift": None,
        "liftSe": None,
        "liftCiLower": None,
        "liftCiUpper": None,
    }
    if rC is not None and rT is not None:
        out["diff"] = rT - rC
        if rC != 0:
            out["lift"] = out["diff"] / abs(rC)
    if nC < 2 or nT < 2:
        out["status"] = "INSUFFICIENT_DATA"
        return out
    if sdC == 0 or sdT == 0:
        out["status"] = "ZERO_DENOMINATOR"
        return out
    se = math.sqrt(qC + qT)
    if se == 0:
        out.update(status="ZERO_VARIANCE", se=0.0)
        return out
    diff = out["diff"]
    t = diff / se
    df = (qC + qT) ** 2 / (qC**2 / (nC - 1) + qT**2 / (nT - 1))
    tq = t_quantile(1 - alpha / 2, df)
    out.update(
        se=se, tStat=t, df=df, pValue=t_pvalue(t, df), ciLower=diff - tq * se, ciUpper=diff + tq * se
    )
    if rC != 0:
        lift = out["lift"]
        lse = math.sqrt(qT / rC**2 + rT**2 * qC / rC**4)
        out.update(liftSe=lse, liftCiLower=lift - tq * lse, liftCiUpper=lift + tq * lse)
    return out


# --------------------------------------------------------------------------------------------
# CUPED (adjusted variance from the moment formula; the Java raw path uses Y')


def cuped(arms, alpha=0.05):
    xs = np.concatenate([np.asarray(a["pre"], dtype=float) for a in arms])
    ys = np.concatenate([np.asarray(a["post"], dtype=float) for a in arms])
    N = len(xs)
    theta, applied, corr = 0.0, False, None
    xbar = float(np.sum(xs) / N) if N else None
    if N >= 2:
        sxx, syy, sxy = two_pass_var(xs), two_pass_var(ys), two_pass_cov(xs, ys)
        if sxx != 0 and syy != 0:
            theta, applied, corr = sxy / sxx, True, sxy / math.sqrt(sxx * syy)
    out = {
        "theta": theta,
        "cupedApplied": applied,
        "preMeanPooled": xbar,
        "correlationPooled": corr,
        "arms": [],
        "comparisons": [],
    }
    summaries = []
    for a in arms:
        x = np.asarray(a["pre"], dtype=float)
        y = np.asarray(a["post"], dtype=float)
        n = len(x)
        mx, my = mean(x), mean(y)
        adj = my - theta * (mx - xbar) if n else None
        vy = two_pass_var(y)
        vadj = None
        if n >= 2:
            vadj = max(0.0, vy + theta**2 * two_pass_var(x) - 2 * theta * two_pass_cov(x, y))
        out["arms"].append(
            {"n": n, "meanPre": mx, "meanPost": my, "adjMean": adj, "varPost": vy, "adjVar": vadj}
        )
        summaries.append((n, my, vy, adj, vadj))
    for j in range(1, len(arms)):
        n0, my0, vy0, adj0, vadj0 = summaries[0]
        nj, myj, vyj, adjj, vadjj = summaries[j]
        adj = welch_summary(n0, adj0, vadj0, nj, adjj, vadjj, alpha)
        raw = welch_summary(n0, my0, vy0, nj, myj, vyj, alpha)
        comp = {"treatmentArm": j}
        for k in [
            "status",
            "diff",
            "se",
            "tStat",
            "df",
            "pValue",
            "ciLower",
            "ciUpper",
            "lift",
            "liftSe",
            "liftCiLower",
            "liftCiUpper",
        ]:
            comp[k] = adj[k]
        comp["unadjustedDiff"] = raw["diff"]
        comp["unadjustedSe"] = raw["se"]
        comp["unadjustedPValue"] = raw["pValue"]
        vr = None
        if adj["se"] and raw["se"]:
            vr = 1 - adj["se"] ** 2 / raw["se"] ** 2
        comp["varianceReduction"] = vr
        out["comparisons"].append(comp)
    return out


# --------------------------------------------------------------------------------------------
# SRM


def srm(counts, weights, threshold=0.001):
    K = len(counts)
    N = sum(counts)
    out = {
        "status": "OK",
        "chi2": 0.0,
        "df": K - 1,
        "pValue": 1.0,
        "srmDetected": False,
        "expectedCounts": None,
    }
    if N == 0 or K < 2:
        out["status"] = "INSUFFICIENT_DATA"
        return out
    W = sum(weights)
    exp = [N * w / W for w in weights]
    chi2 = sum((o - e) ** 2 / e for o, e in zip(counts, exp))
    p = chi2_sf(chi2, K - 1)
    out.update(chi2=chi2, pValue=p, srmDetected=p < threshold, expectedCounts=exp)
    return out


# --------------------------------------------------------------------------------------------
# sequential boundaries: the recursion as written, with direct exp and scipy's ndtr

M = 2000


def spent(alpha, t):
    return alpha * math.log1p((math.e - 1) * t) if t < 1 else alpha


def simpson(h):
    w = np.ones(M + 1)
    w[1:-1:2] = 4
    w[2:-1:2] = 2
    return w * h / 3


def pdf(x):
    return np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def next_density(v, u, z, a, b, s):
    return (a / s) * np.sum(v[None, :] * pdf((z[:, None] * a - u[None, :] * b) / s), axis=1)


def spending_boundaries(alpha, ts):
    cs, prev, u, g, h = [], 0.0, None, None, None
    for k, t in enumerate(ts):
        pi = spent(alpha, t) - spent(alpha, prev)
        if k == 0:
            c = z_quantile(1 - pi / 2)
        else:
            a, b, s = math.sqrt(t), math.sqrt(prev), math.sqrt(t - prev)
            v = simpson(h) * g

            def exit_prob(c):
                return float(
                    np.sum(v * (special.ndtr((-c * a + u * b) / s) + special.ndtr((-c * a - u * b) / s)))
                )

            c = optimize.brentq(lambda c: exit_prob(c) - pi, 0, 20, xtol=1e-14, rtol=1e-15, maxiter=500)
        z = -c + np.arange(M + 1) * (2 * c / M)
        g = pdf(z) if k == 0 else next_density(simpson(h) * g, u, z, a, b, s)
        u, h = z, 2 * c / M
        cs.append(float(c))
        prev = t
    return cs


def pocock_mass(c, ts):
    prev, u, g, h = 0.0, None, None, None
    z = -c + np.arange(M + 1) * (2 * c / M)
    for k, t in enumerate(ts):
        if k == 0:
            g = pdf(z)
        else:
            a, b, s = math.sqrt(t), math.sqrt(prev), math.sqrt(t - prev)
            g = next_density(simpson(h) * g, u, z, a, b, s)
        u, h = z, 2 * c / M
        prev = t
    return float(np.sum(simpson(h) * g))


def classic_pocock(alpha, ts):
    lo = 0.5 * z_quantile(1 - alpha / 2)
    hi = z_quantile(1 - alpha / (2 * len(ts))) + 0.5
    return optimize.brentq(lambda c: pocock_mass(c, ts) - (1 - alpha), lo, hi, xtol=1e-13)


def pocock_spending(alpha, ts):
    cs = spending_boundaries(alpha, ts)
    cum = [spent(alpha, t) for t in ts]
    inc = [cum[0]] + [cum[i] - cum[i - 1] for i in range(1, len(ts))]
    return {
        "boundaries": cs,
        "nominalPValues": [normal_two_sided(c) for c in cs],
        "cumulativeAlpha": cum,
        "incrementalAlpha": inc,
        "classicPocockConstant": classic_pocock(alpha, ts),
    }


def sequential_decision(alpha, planned, looks, zs, final_look):
    final = final_look is not None and final_look == len(looks)
    ts = [min(1.0, n / planned) for n in looks]
    if final:
        ts[-1] = 1.0
    cs = spending_boundaries(alpha, ts)
    reject = None
    for k, (z, c) in enumerate(zip(zs, cs)):
        if abs(z) >= c:
            reject = k + 1
            break
    decision = "REJECT_NULL" if reject else ("FAIL_TO_REJECT" if final else "CONTINUE")
    return {"informationFractions": ts, "boundaries": cs, "rejectAtLook": reject, "decision": decision}


# --------------------------------------------------------------------------------------------
# power, sample size, MDE


def variances(metric, baseline, delta, sdC=None, sdT=None):
    if metric == "binary":
        pC, pT = baseline, baseline + delta
        return pC * (1 - pC), pT * (1 - pT)
    sdT = sdC if sdT is None else sdT
    return sdC**2, sdT**2


def sample_size(metric, alpha, power, ratio, baseline, mde, mde_type, sdC=None, sdT=None):
    delta = mde if mde_type == "absolute" else mde * abs(baseline)
    vC, vT = variances(metric, baseline, delta, sdC, sdT)
    k = z_quantile(1 - alpha / 2) + z_quantile(power)
    exact = k**2 * (vC + vT / ratio) / delta**2
    nC, nT = math.ceil(exact), math.ceil(ratio * exact)
    return {
        "deltaAbsolute": delta,
        "nControlExact": exact,
        "nControl": nC,
        "nTreatment": nT,
        "nTotal": nC + nT,
    }


def power_of(metric, alpha, nC, nT, baseline, delta, sdC=None, sdT=None):
    vC, vT = variances(metric, baseline, delta, sdC, sdT)
    se = math.sqrt(vC / nC + vT / nT)
    lam = abs(delta) / se
    zq = z_quantile(1 - alpha / 2)
    return {"se": se, "power": float(special.ndtr(lam - zq) + special.ndtr(-lam - zq))}


def mde(metric, alpha, power, nC, nT, baseline, sdC=None, sdT=None):
    k = z_quantile(1 - alpha / 2) + z_quantile(power)
    if metric == "continuous":
        vC, vT = variances(metric, baseline, 0, sdC, sdT)
        m = k * math.sqrt(vC / nC + vT / nT)
        rel = m / abs(baseline) if baseline else None
    else:
        p = baseline
        A = 1 + k**2 / nT
        B = -(k**2) * (1 - 2 * p) / nT
        C = -(k**2) * (p * (1 - p) / nC + p * (1 - p) / nT)
        m = (-B + math.sqrt(B * B - 4 * A * C)) / (2 * A)
        # independent check: the root makes the sample-size equation hold with sigma_T(delta)
        assert abs(k * math.sqrt(p * (1 - p) / nC + (p + m) * (1 - p - m) / nT) - m) < 1e-12
        rel = m / p
    return {"mdeAbsolute": m, "mdeRelative": rel}


# --------------------------------------------------------------------------------------------
# multiple comparisons (straight from the definitions, O(m^2))


def adjust(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])  # Python's sort is stable
    sp = [ps[i] for i in order]
    holm_s = [min(1.0, max((m - j) * sp[j] for j in range(i + 1))) for i in range(m)]
    bh_s = [min(min(1.0, m * sp[j] / (j + 1)) for j in range(i, m)) for i in range(m)]
    holm, bh = [0.0] * m, [0.0] * m
    for rank, i in enumerate(order):
        holm[i], bh[i] = holm_s[rank], bh_s[rank]
    return {"holm": holm, "bonferroni": [min(1.0, m * p) for p in ps], "benjaminiHochberg": bh}


# --------------------------------------------------------------------------------------------
# checks against the published six-digit values


def check(result, published, where):
    """Each published value must equal the computed one to six significant digits."""
    for key, want in published.items():
        got = result
        for part in key.split("."):
            got = got[int(part)] if isinstance(got, list) else got[part]
        if want is None or isinstance(want, (bool, str, list)):
            assert got == want, (where, key, got, want)
            continue
        if isinstance(want, int) or want == 0:
            assert got == want, (where, key, got, want)
            continue
        unit = 10 ** (math.floor(math.log10(abs(want))) - 5)
        assert abs(got - want) <= 0.5 * unit * (1 + 1e-9), (where, key, got, want)


# --------------------------------------------------------------------------------------------
# cases


def case(name, kind, inputs, expected):
    return {"name": name, "kind": kind, "inputs": inputs, "expected": expected}


def welch_cases():
    ex1 = welch(C1, T1)
    check(
        ex1,
        {
            "status": "OK",
            "meanControl": 11.0625,
            "meanTreatment": 12.9286,
            "varControl": 2.13982,
            "varTreatment": 2.29238,
            "diff": 1.86607,
            "se": 0.771337,
            "tStat": 2.41927,
            "df": 12.5994,
            "pValue": 0.0314847,
            "ciLower": 0.194298,
            "ciUpper": 3.53785,
            "lift": 0.168684,
            "liftSe": 0.0752409,
            "liftCiLower": 0.00560948,
            "liftCiUpper": 0.331759,
        },
        "example 1",
    )
    zero = welch([5, 5, 5], [5, 5, 5, 5])
    check(
        zero,
        {
            "status": "ZERO_VARIANCE",
            "diff": 0,
            "se": 0,
            "tStat": 0,
            "pValue": 1.0,
            "df": None,
            "lift": 0,
            "ciLower": None,
            "ciUpper": None,
            "liftCiLower": None,
            "liftCiUpper": None,
        },
        "welch zero variance",
    )
    insufficient = welch([2], [3, 4, 8])
    check(
        insufficient,
        {
            "status": "INSUFFICIENT_DATA",
            "pValue": 1.0,
            "tStat": 0,
            "meanTreatment": 5.0,
            "varControl": None,
            "varTreatment": 7.0,
            "diff": 3.0,
            "lift": 1.5,
            "se": None,
            "df": None,
            "ciLower": None,
            "ciUpper": None,
        },
        "welch insufficient",
    )
    one_constant = welch([4, 4, 4, 4], [3, 5, 6, 8])
    assert abs(one_constant["df"] - 3) < 1e-12  # df = n - 1 of the other arm
    far_apart = [10 + 0.01 * i for i in range(30)]
    near_zero = [0.01 * ((7 * i) % 13) for i in range(30)]
    tiny = welch(near_zero, far_apart)
    assert tiny["pValue"] < 1e-40
    return {
        "description": "Welch's t-test with absolute and relative (delta-method) lift: the worked "
        "example, the edge cases of the status table and extra checks (one constant arm, a zero "
        "or negative control mean, another alpha, a very small p-value, an empty arm).",
        "cases": [
            case("worked example 1", "welch", {"control": C1, "treatment": T1, "alpha": 0.05}, ex1),
            case(
                "both arms constant: ZERO_VARIANCE",
                "welch",
                {"control": [5, 5, 5], "treatment": [5, 5, 5, 5], "alpha": 0.05},
                zero,
            ),
            case(
                "control with one unit: INSUFFICIENT_DATA",
                "welch",
                {"control": [2], "treatment": [3, 4, 8], "alpha": 0.05},
                insufficient,
            ),
            case(
                "empty control: INSUFFICIENT_DATA without diff",
                "welch",
                {"control": [], "treatment": [1, 2], "alpha": 0.05},
                welch([], [1, 2]),
            ),
            case(
                "one constant arm: OK with df of the other arm",
                "welch",
                {"control": [4, 4, 4, 4], "treatment": [3, 5, 6, 8], "alpha": 0.05},
                one_constant,
            ),
            case(
                "control mean 0: lift is null",
                "welch",
                {"control": [-1, 1, -2, 2], "treatment": [1, 2, 3], "alpha": 0.05},
                welch([-1, 1, -2, 2], [1, 2, 3]),
            ),
            case(
                "negative control mean: lift has the sign of diff",
                "welch",
                {"control": [-3, -5, -4], "treatment": [-1, -2, -2], "alpha": 0.05},
                welch([-3, -5, -4], [-1, -2, -2]),
            ),
            case(
                "alpha 0.1 gives a 90% interval",
                "welch",
                {"control": C1, "treatment": T1, "alpha": 0.1},
                welch(C1, T1, 0.1),
            ),
            case(
                "very small p-value keeps its relative precision",
                "welch",
                {"control": near_zero, "treatment": far_apart, "alpha": 0.05},
                tiny,
            ),
        ],
    }


def proportion_cases():
    ex2 = proportions(1000, 100, 1000, 125)
    check(
        ex2,
        {
            "status": "OK",
            "rateControl": 0.1,
            "rateTreatment": 0.125,
            "diff": 0.025,
            "sePooled": 0.0141311,
            "zStat": 1.76915,
            "chi2": 3.12989,
            "pValue": 0.0768689,
            "chi2Yates": 2.88451,
            "pValueYates": 0.0894354,
            "seUnpooled": 0.0141200,
            "ciLower": -0.00267473,
            "ciUpper": 0.0526747,
            "lift": 0.25,
            "liftSe": 0.158114,
            "liftCiLower": -0.0598975,
            "liftCiUpper": 0.559898,
        },
        "example 2",
    )
    none = proportions(200, 0, 180, 0)
    check(none, {"status": "ZERO_VARIANCE", "pValue": 1.0, "zStat": 0, "lift": None}, "no conv")
    empty = proportions(0, 0, 250, 12)
    check(
        empty,
        {
            "status": "EMPTY_VARIATION",
            "rateControl": None,
            "rateTreatment": 0.048,
            "diff": None,
            "pValue": 1.0,
            "zStat": 0,
        },
        "empty control",
    )
    huge = proportions(1_000_000, 100_000, 1_000_000, 116_300)
    assert 1e-305 < huge["pValue"] < 1e-290, huge["pValue"]

    def p(name, nC, cC, nT, cT, alpha=0.05):
        inputs = {"nControl": nC, "convControl": cC, "nTreatment": nT, "convTreatment": cT}
        inputs["alpha"] = alpha
        return case(name, "proportions", inputs, proportions(nC, cC, nT, cT, alpha))

    return {
        "description": "Two-proportion z-test (pooled), chi-square with and without Yates, unpooled "
        "Wald CI and delta-method lift: the worked example, the status table and p-values near "
        "1e-300.",
        "cases": [
            case(
                "worked example 2",
                "proportions",
                {"nControl": 1000, "convControl": 100, "nTreatment": 1000, "convTreatment": 125, "alpha": 0.05},
                ex2,
            ),
            p("no conversions at all: ZERO_VARIANCE", 200, 0, 180, 0),
            p("empty control: EMPTY_VARIATION", 0, 0, 250, 12),
            p("every unit converted: ZERO_VARIANCE with lift 0", 30, 30, 40, 40),
            p("control rate 0: OK without lift", 100, 0, 100, 5),
            p("0/n vs n/n: the CI collapses to [diff, diff]", 50, 0, 50, 50),
            p("n/n vs 0/n: lift -1 with a zero-width lift CI", 40, 40, 60, 0),
            p("alpha 0.01", 1000, 100, 1000, 125, 0.01),
            p("large samples, p about 1e-45", 100_000, 10_000, 100_000, 12_000),
            p("p-value near 1e-300 keeps its relative precision", 1_000_000, 100_000, 1_000_000, 116_300),
        ],
    }


def omnibus_cases():
    ex3 = chi2_2xk([1000, 1000, 1000], [50, 65, 80])
    check(ex3, {"chi2": 7.40436, "df": 2, "pValue": 0.0246697, "armsUsed": [0, 1, 2]}, "example 3")

    def o(name, n, c):
        return case(name, "chi2_2xk", {"n": n, "conversions": c}, chi2_2xk(n, c))

    return {
        "description": "2xK omnibus chi-square over all arms (informational): the worked example, "
        "dropped empty arms and the status rules.",
        "cases": [
            o("worked example 3", [1000, 1000, 1000], [50, 65, 80]),
            o("an empty arm is dropped from armsUsed", [1000, 0, 1000], [50, 0, 70]),
            o("one arm with data: INSUFFICIENT_DATA", [0, 500], [0, 20]),
            o("no conversions: ZERO_VARIANCE", [100, 100, 100], [0, 0, 0]),
            o("five arms", [400, 410, 390, 405, 395], [40, 52, 33, 61, 45]),
        ],
    }


def ratio_cases():
    numC, denC = [2, 0, 3, 1, 4], [1, 1, 2, 1, 2]
    numT, denT = [3, 2, 4, 1, 5, 2], [1, 2, 2, 1, 2, 1]
    ex4 = ratio(numC, denC, numT, denT)
    check(
        ex4,
        {
            "ratioControl": 1.42857,
            "ratioTreatment": 1.88889,
            "varMeanControl": 0.0989171,
            "varMeanTreatment": 0.0998628,
            "diff": 0.460317,
            "se": 0.445847,
            "tStat": 1.03246,
            "df": 8.89809,
            "pValue": 0.329103,
            "ciLower": -0.550023,
            "ciUpper": 1.47066,
            "lift": 0.322222,
            "liftSe": 0.365610,
            "liftCiLower": -0.506290,
            "liftCiUpper": 1.15073,
        },
        "example 4",
    )
    ones = ratio(C1, [1] * len(C1), T1, [1] * len(T1))
    w = welch(C1, T1)
    for key in ["diff", "se", "tStat", "df", "pValue", "ciLower", "ciUpper", "lift", "liftSe"]:
        assert abs(ones[key] - w[key]) <= 1e-12 * max(1, abs(w[key])), key

    def r(name, mc, dc, mt, dt, alpha=0.05):
        inputs = {
            "numeratorControl": mc,
            "denominatorControl": dc,
            "numeratorTreatment": mt,
            "denominatorTreatment": dt,
            "alpha": alpha,
        }
        return case(name, "ratio", inputs, ratio(mc, dc, mt, dt, alpha))

    return {
        "description": "Ratio metrics with the delta method: the worked example, the consistency "
        "check (every denominator 1 reproduces Welch's example) and the status rules.",
        "cases": [
            r("worked example 4", numC, denC, numT, denT),
            r("denominators of 1 reproduce the Welch example", C1, [1] * 8, T1, [1] * 7),
            r("control denominators all 0: ZERO_DENOMINATOR", [1, 2, 0], [0, 0, 0], numT, denT),
            r("control with one unit: INSUFFICIENT_DATA", [2], [1], numT, denT),
            r("constant ratio in both arms: ZERO_VARIANCE", [2, 4, 6], [1, 2, 3], [3, 6], [1, 2]),
            r("units without events (0, 0) are included", [2, 0, 3, 0, 4, 0], [1, 0, 2, 0, 2, 0], numT, denT),
        ],
    }


def cuped_cases():
    ctrl = [(1, 1.5), (2, 2.0), (3, 3.5), (4, 3.8), (5, 5.1), (6, 6.4)]
    trt = [(1.5, 2.4), (2.5, 3.1), (3, 3.9), (4.5, 5.2), (5.5, 6.3), (6.5, 7.4)]

    def arm(pairs):
        return {"pre": [p for p, _ in pairs], "post": [q for _, q in pairs]}

    arms5 = [arm(ctrl), arm(trt)]
    ex5 = cuped(arms5)
    check(
        ex5,
        {
            "theta": 1.01185,
            "cupedApplied": True,
            "preMeanPooled": 3.70833,
            "correlationPooled": 0.980068,
            "arms.0.n": 6,
            "arms.0.meanPre": 3.5,
            "arms.0.meanPost": 3.71667,
            "arms.0.adjMean": 3.92747,
            "arms.0.varPost": 3.40567,
            "arms.0.adjVar": 0.0882901,
            "arms.1.n": 6,
            "arms.1.meanPre": 3.91667,
            "arms.1.meanPost": 4.71667,
            "arms.1.adjMean": 4.50587,
            "arms.1.varPost": 3.71767,
            "arms.1.adjVar": 0.0158003,
            "comparisons.0.diff": 0.578398,
            "comparisons.0.se": 0.131713,
            "comparisons.0.tStat": 4.39134,
            "comparisons.0.df": 6.73405,
            "comparisons.0.pValue": 0.00350090,
            "comparisons.0.ciLower": 0.264434,
            "comparisons.0.ciUpper": 0.892361,
            "comparisons.0.lift": 0.147270,
            "comparisons.0.liftSe": 0.0377672,
            "comparisons.0.liftCiLower": 0.0572445,
            "comparisons.0.liftCiUpper": 0.237295,
            "comparisons.0.unadjustedDiff": 1.0,
            "comparisons.0.unadjustedSe": 1.08960,
            "comparisons.0.unadjustedPValue": 0.380382,
            "comparisons.0.varianceReduction": 0.985387,
        },
        "example 5",
    )
    zero_pre = [{"pre": [0] * 6, "post": arm(ctrl)["post"]}, {"pre": [0] * 6, "post": arm(trt)["post"]}]
    flat = cuped(zero_pre)
    w = welch(arm(ctrl)["post"], arm(trt)["post"])
    assert flat["theta"] == 0 and not flat["cupedApplied"]
    assert flat["comparisons"][0]["varianceReduction"] == 0
    for key in ["diff", "se", "tStat", "df", "pValue", "ciLower", "ciUpper", "lift", "liftSe"]:
        assert flat["comparisons"][0][key] == w[key], key
    three = [
        arm(ctrl),
        arm(trt),
        arm([(0.5, 1.2), (2.2, 2.9), (3.1, 3.0), (4.0, 4.6), (5.2, 5.9), (6.1, 6.8), (7.0, 7.1)]),
    ]
    small = [arm(ctrl), arm([(2.0, 3.0)]), arm(trt)]
    return {
        "description": "CUPED with one pooled theta over all arms: the worked example, a covariate "
        "that is 0 everywhere (no adjustment), three arms and an arm with one unit.",
        "cases": [
            case("worked example 5", "cuped", {"arms": arms5, "alpha": 0.05}, ex5),
            case("every pre value 0: no adjustment", "cuped", {"arms": zero_pre, "alpha": 0.05}, flat),
            case("three arms share one theta", "cuped", {"arms": three, "alpha": 0.05}, cuped(three)),
            case(
                "an arm with one unit: INSUFFICIENT_DATA for its comparison",
                "cuped",
                {"arms": small, "alpha": 0.05},
                cuped(small),
            ),
        ],
    }


def srm_cases():
    a = srm([5050, 4950], [0.5, 0.5])
    check(a, {"chi2": 1.0, "df": 1, "pValue": 0.317311, "srmDetected": False}, "example 6a")
    b = srm([5300, 2350, 2350], [0.5, 0.25, 0.25])
    check(b, {"chi2": 36.0, "df": 2, "pValue": 1.52300e-08, "srmDetected": True}, "example 6b")
    e = srm([0, 0, 0], [1, 1, 1])
    check(
        e,
        {"status": "INSUFFICIENT_DATA", "chi2": 0, "df": 2, "pValue": 1.0, "srmDetected": False},
        "srm empty",
    )

    def s(name, counts, weights, threshold=0.001):
        inputs = {"counts": counts, "weights": weights, "threshold": threshold}
        return case(name, "srm", inputs, srm(counts, weights, threshold))

    return {
        "description": "Sample ratio mismatch (chi-square goodness of fit against the configured "
        "weights): the worked examples and the edge cases.",
        "cases": [
            s("worked example 6, 50/50 split", [5050, 4950], [0.5, 0.5]),
            s("worked example 6, 50/25/25 split", [5300, 2350, 2350], [0.5, 0.25, 0.25]),
            s("no units: INSUFFICIENT_DATA", [0, 0, 0], [1, 1, 1]),
            s("one arm: INSUFFICIENT_DATA", [1000], [1]),
            s("weights on any scale", [5300, 2350, 2350], [2, 1, 1]),
            s("an arm with weight but no units is a mismatch", [1000, 0], [1, 1]),
            s("threshold 0.05", [5100, 4900], [1, 1], 0.05),
        ],
    }


def sequential_cases():
    table = {
        2: ([2.15700, 2.20098], [0.0310057, 0.0277377], 2.17827),
        3: ([2.27943, 2.29491, 2.29594], [0.0226416, 0.0217382, 0.0216794], 2.28948),
        4: (
            [2.36833, 2.36752, 2.35817, 2.35003],
            [0.0178687, 0.0179075, 0.0183654, 0.0187719],
            2.36130,
        ),
        5: (
            [2.43798, 2.42681, 2.41019, 2.39665, 2.38598],
            [0.0147697, 0.0152321, 0.0159440, 0.0165459, 0.0170335],
            2.41318,
        ),
    }
    cases = []
    one = pocock_spending(0.05, [1.0])
    assert abs(one["boundaries"][0] - 1.959963984540054) < 1e-12
    assert abs(one["classicPocockConstant"] - 1.959963984540054) < 1e-9
    cases.append(
        case(
            "one look: the fixed-horizon z",
            "pocock_spending",
            {"alpha": 0.05, "informationFractions": [1.0]},
            one,
        )
    )
    for K, (cs, ps, cp) in table.items():
        ts = [k / K for k in range(1, K + 1)]
        res = pocock_spending(0.05, ts)
        pub = {"classicPocockConstant": cp}
        for i in range(K):
            pub[f"boundaries.{i}"] = cs[i]
            pub[f"nominalPValues.{i}"] = ps[i]
        check(res, pub, f"pocock K={K}")
        cases.append(
            case(
                f"reference table, {K} equally spaced looks",
                "pocock_spending",
                {"alpha": 0.05, "informationFractions": ts},
                res,
            )
        )
    unequal = pocock_spending(0.05, [0.3, 0.7, 1.0])
    check(
        unequal,
        {
            "boundaries.0": 2.31184,
            "boundaries.1": 2.25835,
            "boundaries.2": 2.30618,
            "nominalPValues.0": 0.0207868,
            "nominalPValues.1": 0.0239241,
            "nominalPValues.2": 0.0211006,
            "cumulativeAlpha.0": 0.0207868,
            "cumulativeAlpha.1": 0.0394864,
            "cumulativeAlpha.2": 0.05,
            "incrementalAlpha.0": 0.0207868,
            "incrementalAlpha.1": 0.0186996,
            "incrementalAlpha.2": 0.0105136,
        },
        "example 7",
    )
    # an independent check of look 2 by bivariate normal integration
    c1, c2 = unequal["boundaries"][:2]
    rho = math.sqrt(0.3 / 0.7)
    mvn = stats.multivariate_normal(mean=[0, 0], cov=[[1, rho], [rho, 1]])

    def box(x1, x2):
        return mvn.cdf([x1, x2]) - mvn.cdf([-x1, x2]) - mvn.cdf([x1, -x2]) + mvn.cdf([-x1, -x2])

    stay_then_exit = (1 - 2 * special.ndtr(-c1)) - box(c1, c2)
    assert abs(stay_then_exit - unequal["incrementalAlpha"][1]) < 1e-6, stay_then_exit
    cases.append(
        case(
            "worked example 7, unequal looks",
            "pocock_spending",
            {"alpha": 0.05, "informationFractions": [0.3, 0.7, 1.0]},
            unequal,
        )
    )
    for name, alpha, ts in [
        ("interim looks only (t below 1)", 0.05, [0.25, 0.5]),
        ("minimum spacing 0.001", 0.05, [0.5, 0.501, 1.0]),
        ("alpha 0.1", 0.1, [0.2, 0.6, 1.0]),
        ("ten equally spaced looks", 0.05, [k / 10 for k in range(1, 11)]),
    ]:
        cases.append(
            case(
                name,
                "pocock_spending",
                {"alpha": alpha, "informationFractions": ts},
                pocock_spending(alpha, ts),
            )
        )

    def d(name, looks, zs, final, planned=20000, alpha=0.05):
        inputs = {
            "alpha": alpha,
            "plannedN": planned,
            "lookSampleSizes": looks,
            "zStats": zs,
            "finalLook": final,
        }
        return case(name, "sequential_decision", inputs, sequential_decision(alpha, planned, looks, zs, final))

    ex7 = sequential_decision(0.05, 20000, [6000, 14000, 20000], [1.8, 2.4, 1.1], 3)
    check(
        ex7,
        {"rejectAtLook": 2, "decision": "REJECT_NULL", "boundaries.0": 2.31184, "boundaries.1": 2.25835},
        "example 7 decision",
    )
    cases += [
        d("worked example 7 decision: reject at look 2", [6000, 14000, 20000], [1.8, 2.4, 1.1], 3),
        d("first look below the boundary: CONTINUE", [6000], [1.8], None),
        d("final look below the boundary: FAIL_TO_REJECT", [6000, 14000, 20000], [1.0, 1.5, 2.0], 3),
        d("early final look spends all alpha (t = 1)", [6000, 12000], [1.2, 2.1], 2),
        d("overrun: n above plan gives t = 1", [6000, 14000, 23000], [0.4, 1.1, 2.35], 3),
        d("negative z rejects by its absolute value", [6000], [-2.5], None),
    ]
    return {
        "description": "Lan-DeMets Pocock-type alpha spending: boundaries by recursive integration "
        "(M = 2000 Simpson intervals), nominal p-values, cumulative and incremental alpha, the "
        "classic Pocock constant for the same looks, and sequential decisions. Boundaries and the "
        "classic constant are compared with 1e-6 absolute tolerance.",
        "cases": cases,
    }


def power_cases():
    a = sample_size("binary", 0.05, 0.8, 1, 0.10, 0.05, "relative")
    check(
        a,
        {"deltaAbsolute": 0.005, "nControlExact": 57759.9, "nControl": 57760, "nTreatment": 57760, "nTotal": 115520},
        "example 8a",
    )
    b = sample_size("continuous", 0.05, 0.8, 1, None, 1.0, "absolute", 10)
    check(b, {"nControlExact": 1569.78, "nControl": 1570, "nTreatment": 1570, "nTotal": 3140}, "8b")
    c = power_of("binary", 0.05, 20000, 20000, 0.10, 0.006)
    check(c, {"se": 0.00303944, "power": 0.505660}, "example 8c")
    dd = mde("binary", 0.05, 0.8, 20000, 20000, 0.10)
    check(dd, {"mdeAbsolute": 0.00856149, "mdeRelative": 0.0856149}, "example 8d")
    e = mde("continuous", 0.05, 0.8, 1000, 1000, 25, 10)
    check(e, {"mdeAbsolute": 1.25291, "mdeRelative": 0.0501163}, "example 8e")
    return {
        "description": "Sample size, power and minimum detectable effect for binary and continuous "
        "metrics: the worked examples and extra cases (allocation ratio, unequal SDs, absolute MDE).",
        "cases": [
            case(
                "worked example 8a: binary, relative MDE",
                "sample_size",
                {"metric": "binary", "alpha": 0.05, "power": 0.8, "ratio": 1, "baseline": 0.10, "mde": 0.05, "mdeType": "relative"},
                a,
            ),
            case(
                "worked example 8b: continuous, absolute MDE",
                "sample_size",
                {"metric": "continuous", "alpha": 0.05, "power": 0.8, "ratio": 1, "baseline": 50, "mde": 1.0, "mdeType": "absolute", "sdControl": 10},
                sample_size("continuous", 0.05, 0.8, 1, 50, 1.0, "absolute", 10),
            ),
            case(
                "worked example 8c: power, binary",
                "power",
                {"metric": "binary", "alpha": 0.05, "nControl": 20000, "nTreatment": 20000, "baseline": 0.10, "delta": 0.006},
                c,
            ),
            case(
                "worked example 8d: MDE, binary",
                "mde",
                {"metric": "binary", "alpha": 0.05, "power": 0.8, "nControl": 20000, "nTreatment": 20000, "baseline": 0.10},
                dd,
            ),
            case(
                "worked example 8e: MDE, continuous",
                "mde",
                {"metric": "continuous", "alpha": 0.05, "power": 0.8, "nControl": 1000, "nTreatment": 1000, "baseline": 25, "sdControl": 10},
                e,
            ),
            case(
                "sample size with ratio 2 and unequal SDs",
                "sample_size",
                {"metric": "continuous", "alpha": 0.05, "power": 0.9, "ratio": 2, "baseline": 40, "mde": 0.05, "mdeType": "relative", "sdControl": 12, "sdTreatment": 15},
                sample_size("continuous", 0.05, 0.9, 2, 40, 0.05, "relative", 12, 15),
            ),
            case(
                "sample size, binary, absolute MDE, decrease",
                "sample_size",
                {"metric": "binary", "alpha": 0.01, "power": 0.8, "ratio": 1, "baseline": 0.3, "mde": -0.02, "mdeType": "absolute"},
                sample_size("binary", 0.01, 0.8, 1, 0.3, -0.02, "absolute"),
            ),
            case(
                "power, continuous, unequal arms",
                "power",
                {"metric": "continuous", "alpha": 0.05, "nControl": 800, "nTreatment": 1200, "baseline": 25, "delta": -1.5, "sdControl": 10, "sdTreatment": 11},
                power_of("continuous", 0.05, 800, 1200, 25, -1.5, 10, 11),
            ),
            case(
                "MDE, binary, unequal arms",
                "mde",
                {"metric": "binary", "alpha": 0.05, "power": 0.8, "nControl": 5000, "nTreatment": 15000, "baseline": 0.6},
                mde("binary", 0.05, 0.8, 5000, 15000, 0.6),
            ),
        ],
    }


def multiple_cases():
    ex9 = adjust([0.01, 0.04, 0.03])
    check(
        ex9,
        {
            "holm.0": 0.03, "holm.1": 0.06, "holm.2": 0.06,
            "bonferroni.0": 0.03, "bonferroni.1": 0.12, "bonferroni.2": 0.09,
            "benjaminiHochberg.0": 0.03, "benjaminiHochberg.1": 0.04, "benjaminiHochberg.2": 0.04,
        },
        "example 9",
    )

    def m(name, ps):
        return case(name, "multiple_comparisons", {"pValues": ps, "alpha": 0.05}, adjust(ps))

    return {
        "description": "Holm, Bonferroni and Benjamini-Hochberg adjusted p-values in input order.",
        "cases": [
            m("worked example 9", [0.01, 0.04, 0.03]),
            m("ties keep a stable order", [0.02, 0.02, 0.5, 0.001]),
            m("capped at 1", [0.6, 0.9, 1.0, 0.3]),
            m("one comparison is unadjusted", [0.037]),
            m("no comparisons", []),
        ],
    }


def invalid_cases():
    def bad(name, kind, inputs, field):
        return case(name, kind, inputs, {"error": field})

    return {
        "description": "Invalid input is an error, not a status. Each case expects {\"error\": F}: "
        "the request must fail and the message must name the field F.",
        "cases": [
            bad("alpha above 1", "welch", {"control": [1, 2], "treatment": [2, 3], "alpha": 1.5}, "alpha"),
            bad("alpha 0", "proportions", {"nControl": 10, "convControl": 1, "nTreatment": 10, "convTreatment": 2, "alpha": 0}, "alpha"),
            bad("missing treatment", "welch", {"control": [1, 2], "alpha": 0.05}, "treatment"),
            bad("a value that is not a number", "welch", {"control": [1, "x"], "treatment": [2, 3], "alpha": 0.05}, "control"),
            bad("negative count", "proportions", {"nControl": -1, "convControl": 0, "nTreatment": 10, "convTreatment": 2, "alpha": 0.05}, "nControl"),
            bad("conversions above n", "proportions", {"nControl": 10, "convControl": 11, "nTreatment": 10, "convTreatment": 2, "alpha": 0.05}, "convControl"),
            bad("fractional count", "proportions", {"nControl": 10.5, "convControl": 1, "nTreatment": 10, "convTreatment": 2, "alpha": 0.05}, "nControl"),
            bad("omnibus conversions above n", "chi2_2xk", {"n": [10, 10], "conversions": [3, 12]}, "conversions"),
            bad("ratio arrays of different lengths", "ratio", {"numeratorControl": [1, 2], "denominatorControl": [1], "numeratorTreatment": [1, 2], "denominatorTreatment": [1, 1], "alpha": 0.05}, "denominatorControl"),
            bad("cuped pre and post of different lengths", "cuped", {"arms": [{"pre": [1, 2], "post": [1]}, {"pre": [1], "post": [2]}], "alpha": 0.05}, "post"),
            bad("srm weight 0", "srm", {"counts": [10, 10], "weights": [1, 0], "threshold": 0.001}, "weights"),
            bad("srm negative count", "srm", {"counts": [10, -1], "weights": [1, 1], "threshold": 0.001}, "counts"),
            bad("fractions not increasing", "pocock_spending", {"alpha": 0.05, "informationFractions": [0.5, 0.4, 1.0]}, "informationFractions"),
            bad("fraction above 1", "pocock_spending", {"alpha": 0.05, "informationFractions": [0.5, 1.2]}, "informationFractions"),
            bad("fraction 0", "pocock_spending", {"alpha": 0.05, "informationFractions": [0.0, 1.0]}, "informationFractions"),
            bad("looks closer than 0.001", "pocock_spending", {"alpha": 0.05, "informationFractions": [0.5, 0.5005, 1.0]}, "informationFractions"),
            bad("looks past the declared final look", "sequential_decision", {"alpha": 0.05, "plannedN": 100, "lookSampleSizes": [50, 100, 120], "zStats": [1, 1, 1], "finalLook": 2}, "finalLook"),
            bad("one z per look", "sequential_decision", {"alpha": 0.05, "plannedN": 100, "lookSampleSizes": [50, 100], "zStats": [1], "finalLook": 2}, "zStats"),
            bad("power 1", "sample_size", {"metric": "binary", "alpha": 0.05, "power": 1.0, "ratio": 1, "baseline": 0.1, "mde": 0.05, "mdeType": "relative"}, "power"),
            bad("mde 0", "sample_size", {"metric": "binary", "alpha": 0.05, "power": 0.8, "ratio": 1, "baseline": 0.1, "mde": 0, "mdeType": "absolute"}, "mde"),
            bad("ratio 0", "sample_size", {"metric": "continuous", "alpha": 0.05, "power": 0.8, "ratio": 0, "baseline": 10, "mde": 1, "mdeType": "absolute", "sdControl": 3}, "ratio"),
            bad("treatment rate outside (0, 1)", "sample_size", {"metric": "binary", "alpha": 0.05, "power": 0.8, "ratio": 1, "baseline": 0.95, "mde": 0.1, "mdeType": "absolute"}, "mde"),
            bad("unknown metric", "mde", {"metric": "count", "alpha": 0.05, "power": 0.8, "nControl": 10, "nTreatment": 10, "baseline": 0.1}, "metric"),
            bad("continuous metric without sdControl", "power", {"metric": "continuous", "alpha": 0.05, "nControl": 10, "nTreatment": 10, "baseline": 5, "delta": 1}, "sdControl"),
            bad("p-value above 1", "multiple_comparisons", {"pValues": [0.2, 1.5], "alpha": 0.05}, "pValues"),
            bad("unknown kind", "anova", {"groups": []}, "kind"),
            bad("unknown input member", "welch", {"control": [1, 2], "treatment": [2, 3], "alhpa": 0.05}, "alhpa"),
        ],
    }


C1 = [12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.7, 11.9]
T1 = [13.2, 12.8, 10.9, 14.6, 12.2, 15.1, 11.7]


def normalise(x):
    """Finite floats stay floats, ints stay ints; NaN/inf never appear."""
    if isinstance(x, dict):
        return {k: normalise(v) for k, v in x.items()}
    if isinstance(x, list):
        return [normalise(v) for v in x]
    if isinstance(x, (bool, str)) or x is None:
        return x
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    assert math.isfinite(x)
    return x


FORMAT = (
    " Format: each case is {name, kind, inputs, expected}; send {\"kind\": kind, \"inputs\": inputs}"
    " to the statistics interface (ff stats) and compare the result object with expected: the same"
    " members; integers, booleans, strings and nulls exactly; reals within 1e-9 + 1e-6*scale with"
    " scale = |expected| (for a confidence bound, the larger of that and the interval's half-width);"
    " sequential boundaries and the classic Pocock constant within 1e-6 absolute. Expected values are"
    " full-precision results of an independent reference implementation (generate.py, numpy and"
    " scipy) and agree with the published worked examples to six significant digits."
)
ERROR_FORMAT = (
    " Format: each case is {name, kind, inputs, expected}; send {\"kind\": kind, \"inputs\": inputs}"
    " to the statistics interface (ff stats); the answer must be an error whose message contains"
    " expected.error."
)


def main():
    topics = {
        "welch": welch_cases,
        "proportions": proportion_cases,
        "chi2_2xk": omnibus_cases,
        "ratio": ratio_cases,
        "cuped": cuped_cases,
        "srm": srm_cases,
        "sequential": sequential_cases,
        "power": power_cases,
        "multiple_comparisons": multiple_cases,
        "invalid_inputs": invalid_cases,
    }
    for topic, build in topics.items():
        data = normalise(build())
        data["description"] += ERROR_FORMAT if topic == "invalid_inputs" else FORMAT
        path = os.path.join(HERE, topic + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
        print(f"{path}: {len(data['cases'])} cases")


if __name__ == "__main__":
    main()
