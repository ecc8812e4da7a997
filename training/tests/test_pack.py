"""The training pack for a lent GPU machine (covidct_train.pack) and training from it, on the tiny cohort of
test_end_to_end (six patients of the embedded default cohort)."""
import argparse
import json
import os
import shutil
import tempfile
import unittest

import numpy as np
import onnx
import torch

from covidct_train import pack, select, train
from covidct_train.cohort import load_manifest, load_slices

from .test_end_to_end import write_tiny_cohort


class PackTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="covidct-pack-")
        cls.manifest = write_tiny_cohort(os.path.join(cls.folder, "cohort"))
        cls.path = os.path.join(cls.folder, "tiny.npz.xz")
        cls.meta = pack.pack(cls.manifest, None, cls.path, size=32, budget_mib=0.2, run=3, val_slices=8, seed=5)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_the_pack_holds_slices_of_the_train_split_as_8_bits_and_bits_and_fits_its_budget(self):
        train_set, val_images, val_targets, meta = pack.load(self.path)
        self.assertLessEqual(os.path.getsize(self.path), 0.2 * 2 ** 20)
        self.assertEqual(meta["size"], 32)
        source = load_slices(load_manifest(self.manifest), "train", 32, 32)
        # every packed slice is one of the train split's, within half a quantisation step, with its mask unchanged
        for image, target in zip(train_set.images, train_set.targets):
            distance = (source.images - image).abs().flatten(1).amax(dim=1)
            match = int(distance.argmin())
            self.assertLessEqual(float(distance[match]), 0.5 / 255 + 1e-6)
            self.assertTrue(torch.equal(source.targets[match], target))
        has_lesion = train_set.targets.flatten(1).amax(dim=1) > 0
        self.assertTrue(has_lesion.any() and (~has_lesion).any(), "both slices with and without lesion")
        self.assertEqual(val_images.shape, val_targets.shape)
        self.assertEqual(len(val_images), 8)

    def test_runs_hold_consecutive_slices_so_thickness_never_averages_across_a_gap(self):
        train_set, _, _, _ = pack.load(self.path)
        source = load_slices(load_manifest(self.manifest), "train", 32, 32)
        runs = train_set.patient
        for i in range(1, len(runs)):
            if runs[i] != runs[i - 1]:
                continue
            before = int(((source.images - train_set.images[i - 1]).abs().flatten(1).amax(dim=1)).argmin())
            after = int(((source.images - train_set.images[i]).abs().flatten(1).amax(dim=1)).argmin())
            self.assertEqual(after, before + 1, f"packed slices {i - 1} and {i} share run {int(runs[i])}")
            self.assertEqual(int(source.patient[after]), int(source.patient[before]))

    def test_a_budget_too_small_for_two_runs_is_refused_with_the_file_named(self):
        path = os.path.join(self.folder, "small.npz.xz")
        with self.assertRaises(ValueError) as raised:
            pack.pack(self.manifest, None, path, size=32, budget_mib=0.001, run=3, val_slices=8, seed=5)
        self.assertIn(path, str(raised.exception))

    def test_training_from_a_pack_exports_every_epoch_for_selection(self):
        run = os.path.join(self.folder, "run")
        args = argparse.Namespace(manifest=None, pack=self.path, cohort_spec=None, architecture="unetpp", filters="4,8,16",
                                  deep_supervision=False, size=32, epochs=2, steps_per_epoch=2, batch=4, lr=3e-3,
                                  seed=5, threads=1, val_slices=16, augment="transfer", init_onnx=None,
                                  negative_weight=2.0, save_epochs=True, export_epochs="7", stop_after_s=0.0,
                                  device="cpu", out=run)
        train.train(args)
        with open(os.path.join(run, "config.json")) as f:
            self.assertEqual(json.load(f)["val_slices_used"], self.meta["val_slices"], "every packed val slice, none dropped by choosing again")
        for epoch in (0, 1, 2):
            model = onnx.load(os.path.join(run, f"epoch-{epoch:03d}.onnx"))
            meta = {p.key: p.value for p in model.metadata_props}
            self.assertEqual(meta["covidct.version"], "7")
            self.assertEqual(meta["covidct.input_height"], "32")
            self.assertEqual(meta["covidct.cohort_spec_sha256"], self.meta["cohort_spec_sha256"])
        for name in os.listdir(run):
            if name.endswith(".pt"):
                os.remove(os.path.join(run, name))
        self.assertEqual(select.checkpoints(run), [(e, os.path.join(run, f"epoch-{e:03d}.onnx")) for e in (0, 1, 2)])

    def test_training_stops_after_the_epoch_that_passes_its_time(self):
        run = os.path.join(self.folder, "stopped")
        args = argparse.Namespace(manifest=None, pack=self.path, cohort_spec=None, architecture="unet", filters="4,8,16",
                                  deep_supervision=False, size=32, epochs=3, steps_per_epoch=1, batch=2, lr=3e-3,
                                  seed=5, threads=1, val_slices=16, augment="study", init_onnx=None,
                                  negative_weight=1.0, save_epochs=False, export_epochs=None, stop_after_s=1e-9,
                                  device="cpu", out=run)
        train.train(args)
        with open(os.path.join(run, "log.csv")) as f:
            self.assertEqual(len(f.read().strip().splitlines()), 2, "header and epoch 1 only")


if __name__ == "__main__":
    unittest.main()
