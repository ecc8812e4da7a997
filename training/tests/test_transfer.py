"""The transfer augmentations (covidct_train.transfer) and the warm start from a shipped model."""
import os
import unittest

import numpy as np
import torch

from covidct_train import transfer
from covidct_train.models import build
from covidct_train.warm_start import freeze_batch_norm, load_folded

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
PARITY = os.path.join(ROOT, "tests", "CovidCt.Pipelines.Tests", "Fixtures", "Parity")


class TransferAugmentTests(unittest.TestCase):
    def setUp(self):
        self.g = torch.Generator().manual_seed(3)
        self.x = torch.rand(6, 1, 64, 64, generator=self.g)
        self.y = (torch.rand(6, 1, 64, 64, generator=self.g) > 0.8).float()

    def test_jpeg_keeps_an_image_at_quality_100_and_degrades_it_at_10(self):
        levels = torch.round(torch.rand(2, 1, 32, 32, generator=self.g) * 255)
        out = transfer.jpeg(levels, torch.tensor([100.0, 10.0]))
        error = (out - levels).abs().mean(dim=(1, 2, 3))
        self.assertLess(error[0].item(), 1.0)
        self.assertGreater(error[1].item(), 10.0)

    def test_display_export_quantises_each_slice_to_at_most_256_levels(self):
        out = transfer.display_export(self.x, self.g, p=1.0, jpeg_p=0.0)
        for i in range(len(out)):
            self.assertLessEqual(len(torch.unique(out[i])), 256)
        self.assertGreater((out - self.x).abs().max().item(), 0.0)

    def test_crop_and_pad_fills_the_cut_with_air_and_removes_lesion_there(self):
        x, y = transfer.crop_and_pad(self.x, torch.ones_like(self.y), self.g, p=1.0)
        cut = y == 0
        self.assertTrue(cut.any())
        self.assertTrue(torch.allclose(x[cut], torch.full_like(x[cut], transfer.AIR)))

    def test_quarter_turns_move_image_and_target_together(self):
        x, y = transfer.quarter_turns(self.x, self.x.clone(), self.g, p=1.0)
        self.assertTrue(torch.equal(x, y))
        self.assertFalse(torch.equal(x, self.x))

    def test_thick_slices_never_mix_two_patients(self):
        images = torch.stack([torch.full((1, 4, 4), float(v)) for v in range(6)])
        patient = torch.tensor([0, 0, 0, 1, 1, 1])
        out = transfer.thick_slices(images, patient, torch.tensor([2, 3, 4]), self.g, p=1.0)
        self.assertAlmostEqual(out[0].mean().item(), (1 + 2 + 2) / 3, places=5)  # last of patient 0
        self.assertAlmostEqual(out[1].mean().item(), (3 + 3 + 4) / 3, places=5)  # first of patient 1
        self.assertAlmostEqual(out[2].mean().item(), (3 + 4 + 5) / 3, places=5)

    def test_transfer_augment_keeps_shapes_range_and_binary_targets(self):
        x, y = transfer.transfer_augment(self.x, self.y, self.g)
        self.assertEqual(x.shape, self.x.shape)
        self.assertGreaterEqual(x.min().item(), 0.0)
        self.assertLessEqual(x.max().item(), 1.0)
        self.assertTrue(set(torch.unique(y).tolist()) <= {0.0, 1.0})


class WarmStartTests(unittest.TestCase):
    def test_warm_start_reproduces_the_shipped_model_on_the_parity_slices(self):
        model = build("unetpp", (8, 16, 32, 64, 128), False)
        load_folded(model, os.path.join(ROOT, "models", "unetpp-v2.onnx"))
        model.train()
        freeze_batch_norm(model)  # training mode must not change the output either
        image = torch.from_numpy(np.fromfile(os.path.join(PARITY, "image.f32"), dtype="<f4").reshape(2, 1, 128, 128))
        expected = np.fromfile(os.path.join(PARITY, "probability.unetpp-v2.f32"), dtype="<f4").reshape(2, 1, 128, 128)
        with torch.no_grad():
            probability = model.probability(image).numpy()
        self.assertLess(np.abs(probability - expected).max(), 1e-4)

    def test_warm_start_refuses_another_architecture_naming_the_weight(self):
        model = build("unet", (8, 16, 32, 64, 128), False)
        with self.assertRaisesRegex(ValueError, "weight 'down.0.0.weight' not found"):
            load_folded(model, os.path.join(ROOT, "models", "unetpp-v2.onnx"))


if __name__ == "__main__":
    unittest.main()
