"""Reference values for TrendTest (Mann-Kendall + Sen's slope), from pymannkendall.

Run:  pip install pymannkendall==1.4.3 && python3 Tests/TrustLensTrendsTests/Reference/mann_kendall_reference.py
The printed numbers are committed in MannKendallTests.swift. Series are evenly spaced
(one point per day), where Sen's slope by real time equals pymannkendall's by index.
"""
import pymannkendall as mk

series = {
    "rising": [2, 3, 3, 4, 6, 5, 7, 7, 8],
    "ties": [5, 5, 6, 5, 6, 6, 7, 5, 6, 7, 7, 8],
    "falling": [9.5, 8, 8.2, 7, 6.1, 6.3, 4, 3.9],
    "flat_noise": [5, 6, 4, 5, 6, 5, 4, 6, 5, 5],
}
for name, values in series.items():
    r = mk.original_test(values)
    print(f"{name}: s={r.s:.0f} var_s={r.var_s:.6f} p={r.p:.10f} slope={r.slope:.10f}")
