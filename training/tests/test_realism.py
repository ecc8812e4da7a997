"""The realism check's measures (covidct_train.realism) on hand-made slices."""
import glob
import os
import unittest

import numpy as np

from covidct_train import nifti
from covidct_train.realism import Tally, components, label, lung_field

_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def chest(margin: int) -> tuple[np.ndarray, np.ndarray]:
    """A 40 x 60 chest (wall +40 HU, two lungs at -850 HU, a vessel in one, a trachea, one lesion) inside ``margin``
    pixels of outside air (-1000 HU) on every side, with its lesion mask."""
    hu = np.full((40 + 2 * margin, 60 + 2 * margin), -1000.0)
    body = hu[margin:margin + 40, margin:margin + 60]
    body[:] = 40.0
    body[4:36, 4:26] = -850.0  # right lung, 704 px
    body[4:36, 34:56] = -850.0  # left lung, 704 px
    body[15:17, 15:17] = 40.0  # a vessel inside the right lung: lung field, not a hole
    body[2:4, 29:31] = -1000.0  # trachea, 4 px: not lung
    lesion = np.zeros(hu.shape, dtype=bool)
    lesion[margin + 10:margin + 14, margin + 40:margin + 44] = True  # 16 px
    hu[lesion] = -600.0
    return hu, lesion


class RealismTests(unittest.TestCase):
    def test_components_are_8_connected(self):
        mask = np.zeros((6, 6), dtype=bool)
        mask[0, 0] = mask[1, 1] = True  # diagonal neighbours: one component
        mask[4, 4] = True
        self.assertEqual(sorted(len(c) for c in components(mask)), [1, 2])

    def test_labels_join_runs_that_meet_only_through_a_later_row(self):
        mask = np.zeros((4, 7), dtype=bool)
        mask[0, 0] = mask[0, 6] = True  # two arms, labelled apart in row 0 ...
        mask[1, 1] = mask[1, 5] = True
        mask[2, 2:5] = True  # ... joined in row 2 (a U shape)
        mask[3, 6] = True  # apart
        labels, count = label(mask)
        self.assertEqual(count, 2)
        self.assertEqual(labels[0, 0], labels[0, 6])
        self.assertNotEqual(labels[0, 0], labels[3, 6])

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

    def test_lung_field_leaves_out_outside_air_and_the_trachea_and_fills_vessels(self):
        hu, lesion = chest(margin=30)
        field = lung_field(hu, lesion)
        self.assertEqual(int(field.sum()), 2 * 704)
        self.assertTrue(field[30 + 15, 30 + 15])  # the vessel
        self.assertFalse(field[30 + 2, 30 + 29])  # the trachea
        self.assertFalse(field[0, 0])  # outside air

    def test_lung_field_keeps_a_lung_that_a_tight_crop_cuts(self):
        hu, lesion = chest(margin=0)
        cut = slice(8, None)  # the crop cuts both lungs at the top edge, chest wall on either side of them
        self.assertEqual(int(lung_field(hu[cut], lesion[cut]).sum()), 2 * (36 - 8) * 22)

    def test_a_piece_measures_the_same_share_of_the_lung_in_a_wide_frame_and_in_a_tight_crop(self):
        # the simulated slices are whole frames with much air around the body, the real ones tight crops: the share of
        # the lung must not depend on that (it did when every pixel below -400 HU counted as lung)
        wide, tight = Tally("wide"), Tally("tight")
        wide.add(*chest(margin=60))
        tight.add(*chest(margin=1))
        self.assertEqual(wide.sizes, tight.sizes)
        self.assertAlmostEqual(wide.sizes[0], 16 / (2 * 704))
        self.assertAlmostEqual(wide.burden[0], 16 / (2 * 704))

    def test_sizes_in_mm2_need_the_pixel_spacing(self):
        tally = Tally("t")
        tally.add(*chest(margin=5), pixel_mm2=0.5)
        self.assertEqual(tally.sizes_mm2, [8.0])
        self.assertEqual(tally.lung_mm2, [704.0])
        self.assertIn("| 8 | 7 |", tally.row())  # piece p50 8 mm², lung field 7 cm²
        real = Tally("real")  # a crop that states no spacing
        real.add(*chest(margin=5))
        self.assertEqual(real.sizes_mm2, [])
        self.assertIn("| n/a | n/a |", real.row())

    def test_pixel_spacing_is_read_from_the_header(self):
        images = sorted(glob.glob(os.path.join(_REPO, "datasets", "default", "**", "*.nii.gz"), recursive=True))
        self.assertTrue(images, "the embedded default cohort is missing")
        dx, dy = nifti.pixel_spacing(images[0])
        self.assertGreater(dx, 0.3)
        self.assertLess(dx, 3.0)
        self.assertEqual(dx, dy)


if __name__ == "__main__":
    unittest.main()
