"""Reference values for ChangePoints.binarySegmentation, from ruptures.

Run:  pip install ruptures==1.1.10 && python3 Tests/TrustLensTrendsTests/Reference/change_point_reference.py
"""
import numpy as np
import ruptures as rpt

series = {
    "step": [3, 3.5, 3, 4, 3, 3.5, 7, 7.5, 7, 6.5, 7, 7.5],
    "two_steps": [2, 2, 3, 2, 2, 6, 6, 5, 6, 6, 3, 3, 2, 3, 3],
    "flat": [5, 5.5, 5, 4.5, 5, 5.5, 5, 4.5, 5, 5],
}
for name, values in series.items():
    algo = rpt.Binseg(model="l2", min_size=2, jump=1).fit(np.array(values, dtype=float))
    print(name, algo.predict(pen=3.0))
