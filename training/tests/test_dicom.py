"""The DICOM reader on the real LIDC-IDRI series (found through COVIDCT_SHARED_DATA)."""
import os
import unittest

import numpy as np

from covidct_train.dicom import read_series

SHARED = os.environ.get("COVIDCT_SHARED_DATA")


@unittest.skipUnless(SHARED, "COVIDCT_SHARED_DATA is not set: the real LIDC-IDRI series cannot be found")
class LidcSeriesTest(unittest.TestCase):
    def test_reads_lidc_0001_in_hounsfield_units(self):
        folder = os.path.join(SHARED, "lidc-idri", "LIDC-IDRI-0001")
        self.assertTrue(os.path.isdir(folder), f"{folder} is missing although COVIDCT_SHARED_DATA is set")
        volume = read_series(folder)
        self.assertEqual(volume.shape, (133, 512, 512))
        self.assertEqual(volume.min(), -2048)  # padding outside the field of view
        centre = volume[66, 200:312, 200:312]
        self.assertTrue(-1100 < np.median(volume[66][volume[66] > -1500]) < 200)
        self.assertGreater(centre.max(), 0)  # mediastinum / soft tissue in the middle of the slice


if __name__ == "__main__":
    unittest.main()
