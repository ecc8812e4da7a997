"""The realism check's measures (covidct_train.realism) on hand-made slices."""
import unittest

import numpy as np

from covidct_train.realism import Tally, components


class RealismTests(unittest.TestCase):
    def test_components_are_8_connected(self):
        mask = np.zeros((6, 6), dtype=bool)
        mask[0, 0] = mask[1, 1] = True  # diagonal neighbours: one component
        mask[4, 4] = True
        self.assertEqual(sorted(len(c) for c in components(mask)), [1, 2])

    def test_tally_measures_lesion_ring_and_subpleural_share(self):
        hu = np.full((20, 20), -850.0)
        hu[:, :2] = 40.0  # chest wall on the left
        lesion = np.zeros((20, 20), dtype=bool)
        lesion[5:8, 2:5] = True  # against the wall
        lesion[12:14, 12:14] = True  # in the middle of the lung
        hu[lesion] = -600.0
        tally = Tally("t")
        tally.add(hu, lesion)
        self.assertEqual(tally.per_slice, [2])
        self.assertEqual(sorted(tally.touching), [False, True])
        self.assertTrue(np.all(np.concatenate(tally.ring) == -850.0))
        self.assertIn("| t | 1 |", tally.row())


if __name__ == "__main__":
    unittest.main()
