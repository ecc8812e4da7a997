"""Unit tests of the pieces whose mistakes would silently change results."""
import json
import os
import tempfile
import unittest

import numpy as np
import torch

from covidct_train import evaluate, nifti
from covidct_train.augment import augment
from covidct_train.cohort import load_manifest
from covidct_train.export import fold_batch_norm
from covidct_train.models import build
from covidct_train.postprocess import patient_positive, slice_findings, to_slice_resolution
from covidct_train.preprocess import mask_to_target, slices_to_model_input

# written by the C# cohort builder (`covidct cohort build`) and committed with the repository
DEFAULT_COHORT = os.path.join(os.path.dirname(__file__), "..", "..", "datasets", "default")


class NiftiTest(unittest.TestCase):
    def test_reads_the_cohort_builders_volume_and_mask_as_zyx(self):
        volume = nifti.read(os.path.join(DEFAULT_COHORT, "images", "sim-003.nii.gz"))
        mask = nifti.read(os.path.join(DEFAULT_COHORT, "masks", "sim-003.nii.gz"))
        with open(os.path.join(DEFAULT_COHORT, "cohort-card.json")) as f:
            card = next(p for p in json.load(f)["patients"] if p["patient_id"] == "sim-003")
        self.assertEqual(volume.shape, (card["slices"], card["height"], card["width"]))
        self.assertEqual(volume.dtype, np.int16)
        self.assertEqual(mask.shape, volume.shape)
        self.assertEqual(int((mask.reshape(len(mask), -1) != 0).any(axis=1).sum()), card["lesion_slices"])
        voxel_ml = card["pixel_spacing_mm"] ** 2 * card["slice_thickness_mm"] / 1000
        self.assertAlmostEqual(int((mask != 0).sum()) * voxel_ml / card["lesion_volume_ml"], 1.0, delta=0.01)

    def test_rejects_a_file_that_is_not_nifti(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bad.nii")
            with open(path, "wb") as f:
                f.write(b"\0" * 400)
            with self.assertRaisesRegex(ValueError, "sizeof_hdr"):
                nifti.read(path)


class PreprocessTest(unittest.TestCase):
    def test_window_maps_level_minus_half_width_to_0_and_plus_half_width_to_1(self):
        hu = np.array([[-2048, -1300, -700, -100, 3000, -1000]], dtype=np.float32).repeat(6, 0)
        v = slices_to_model_input(hu, 6, 6)[0, 0, 0]
        np.testing.assert_allclose(v.numpy(), [0, 0, 0.5, 1, 1, 0.25], atol=1e-6)

    def test_factor_two_downscale_is_the_mean_of_each_2x2_block_of_windowed_values(self):
        rng = np.random.default_rng(0)
        hu = rng.uniform(-2048, 500, (1, 8, 8)).astype(np.float32)
        windowed = np.clip((hu + 1300) / 1200, 0, 1)
        expected = windowed.reshape(1, 4, 2, 4, 2).mean(axis=(2, 4))
        np.testing.assert_allclose(slices_to_model_input(hu, 4, 4)[:, 0].numpy(), expected, atol=1e-6)

    def test_mask_target_needs_half_coverage(self):
        mask = np.zeros((1, 4, 4), np.uint8)
        mask[0, 0, 0:2] = 1  # half of the top-left 2x2 block
        mask[0, 2, 2] = 1  # a quarter of the bottom-right block
        target = mask_to_target(mask, 2, 2)[0, 0]
        self.assertEqual(target.tolist(), [[1.0, 0.0], [0.0, 0.0]])


class ManifestTest(unittest.TestCase):
    def test_bad_label_names_line_and_field(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "m.csv")
            with open(path, "w") as f:
                f.write("patient_id,label,images,masks,split\np1,covid,a.nii.gz,,train\np2,sick,b.nii.gz,,test\n")
            with self.assertRaisesRegex(ValueError, r"m\.csv:3: field 'label'"):
                load_manifest(path)

    def test_paths_resolve_against_the_manifest_folder(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "m.csv")
            with open(path, "w") as f:
                f.write("patient_id,label,images,masks,split\np1,control,img/p1.nii.gz,,\n")
            entry = load_manifest(path)[0]
        self.assertEqual(entry.images, os.path.join(folder, "img/p1.nii.gz"))
        self.assertIsNone(entry.masks)
        self.assertIsNone(entry.split)


class ModelTest(unittest.TestCase):
    def test_folding_batch_norm_keeps_the_output(self):
        torch.manual_seed(0)
        model = build("unetpp", (4, 8, 16), deep_supervision=True)
        model.train()
        for _ in range(3):  # give the running statistics non-trivial values
            model(torch.rand(4, 1, 32, 32))
        model.eval()
        x = torch.rand(2, 1, 32, 32)
        with torch.no_grad():
            before = model.probability(x)
            after = fold_batch_norm(model).probability(x)
        self.assertFalse(any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules()))
        torch.testing.assert_close(after, before, atol=1e-5, rtol=0)

    def test_deep_supervision_has_one_head_per_top_row_node(self):
        model = build("unetpp", (4, 8, 16, 32), deep_supervision=True)
        outputs = model(torch.rand(1, 1, 32, 32))
        self.assertEqual(len(outputs), 3)
        self.assertTrue(all(o.shape == (1, 1, 32, 32) for o in outputs))

    def test_plain_unet_refuses_deep_supervision(self):
        with self.assertRaises(ValueError):
            build("unet", (4, 8), deep_supervision=True)


class AugmentTest(unittest.TestCase):
    def test_outputs_stay_in_range_and_targets_binary(self):
        g = torch.Generator().manual_seed(1)
        images = torch.rand(6, 1, 32, 32)
        targets = torch.zeros(6, 1, 32, 32)
        targets[:, :, 10:20, 10:20] = 1
        x, y = augment(images, targets, g)
        self.assertEqual(x.shape, images.shape)
        self.assertTrue(0 <= x.min() and x.max() <= 1)
        self.assertEqual(set(y.unique().tolist()), {0.0, 1.0})
        self.assertFalse(torch.equal(x, images))


class PostprocessTest(unittest.TestCase):
    def test_component_must_have_more_than_min_pixels(self):
        p = torch.zeros(1, 1, 10, 10)
        p[0, 0, 0:5, 0:5] = 0.9  # 25 pixels, top-left
        self.assertEqual(slice_findings(p, 0.5, 25), [set()])
        self.assertEqual(slice_findings(p, 0.5, 24), [{0}])

    def test_threshold_is_inclusive_and_diagonal_pixels_connect(self):
        p = torch.zeros(1, 1, 10, 10)
        for i in range(6):
            p[0, 0, 4 + i % 2, 4 + i] = 0.5  # a zig-zag joined only through corners
        self.assertEqual(slice_findings(p, 0.5, 5), [{3}])

    def test_quadrant_follows_the_pixel_centroid(self):
        p = torch.zeros(1, 1, 10, 10)
        p[0, 0, 6:9, 1:7] = 1.0  # centroid x 4.0 < 5: bottom-left, though it crosses the midline
        self.assertEqual(slice_findings(p, 0.5, 1), [{2}])
        q = torch.zeros(1, 1, 10, 10)
        q[0, 0, 4:6, 4:6] = 1.0  # centroid exactly on both split lines: right and down
        self.assertEqual(slice_findings(q, 0.5, 1), [{3}])

    def test_a_lesion_small_on_the_map_is_counted_in_slice_pixels(self):
        class FixedMap:
            def probability(self, images):
                p = torch.zeros(len(images), 1, 32, 32)
                p[:, :, 4:8, 4:8] = 0.9  # 16 map pixels: dropped on the map, about 256 pixels of a 128 x 128 slice
                return p

        hu = np.full((2, 128, 128), -800, dtype=np.int16)
        self.assertEqual(slice_findings(FixedMap().probability(hu), 0.5, 25), [set(), set()])
        self.assertEqual(evaluate.score_at_slice_resolution(FixedMap(), hu, 32, 0.5, 25), [{0}, {0}])
        self.assertEqual(to_slice_resolution(torch.ones(1, 1, 32, 32), 128, 96).shape, (1, 1, 128, 96))

    def test_three_consecutive_slices_in_one_quadrant(self):
        self.assertTrue(patient_positive([{1}, {0, 1}, {1}]))
        self.assertFalse(patient_positive([{1}, {0}, {1}]))
        self.assertFalse(patient_positive([{2}, {2}, set(), {2}]))


if __name__ == "__main__":
    unittest.main()
