"""Cohort -> train -> export -> evaluate -> parity fixture, on six patients of the embedded default cohort.

The default cohort (datasets/default, written by the C# cohort builder) holds only a test split; the test
writes its own manifest that reuses six of its volumes as a tiny train/val/test cohort.
"""
import argparse
import csv
import json
import os
import shutil
import tempfile
import unittest

import numpy as np
import onnx
import torch
from PIL import Image

from covidct_train import evaluate, export, nifti, parity, select, train
from covidct_train.preprocess import slices_to_model_input

DEFAULT_COHORT = os.path.join(os.path.dirname(__file__), "..", "..", "datasets", "default")
# one covid and one control patient per split
SPLITS = {"sim-003": "train", "sim-008": "train", "sim-007": "val", "sim-009": "val", "sim-010": "test",
          "sim-017": "test"}


def write_tiny_cohort(folder: str) -> str:
    """A manifest over six default-cohort patients with absolute paths and new splits; returns its path."""
    os.makedirs(folder)
    source = os.path.abspath(DEFAULT_COHORT)
    with open(os.path.join(source, "manifest.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["patient_id"] in SPLITS]
    path = os.path.join(folder, "manifest.csv")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["patient_id", "label", "images", "masks", "split"])
        for r in rows:
            writer.writerow([r["patient_id"], r["label"], os.path.join(source, r["images"]),
                             os.path.join(source, r["masks"]) if r["masks"] else "", SPLITS[r["patient_id"]]])
    return path


class EndToEndTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="covidct-train-")
        cls.manifest = write_tiny_cohort(os.path.join(cls.folder, "cohort"))
        cls.run_dir = os.path.join(cls.folder, "run")
        args = argparse.Namespace(manifest=cls.manifest, cohort_spec=None, architecture="unetpp", filters="4,8,16",
                                  deep_supervision=True, size=32, epochs=2, steps_per_epoch=2, batch=4, lr=3e-3,
                                  seed=5, threads=1, val_slices=16, augment="transfer", init_onnx=None,
                                  negative_weight=3.0, save_epochs=True, out=cls.run_dir,
                                  pack=None, device="cpu", export_epochs=None, stop_after_s=0.0)
        train.train(args)
        cls.onnx_path = os.path.join(cls.folder, "model.onnx")
        export.export(os.path.join(cls.run_dir, "best.pt"), cls.onnx_path, version="test")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_training_logs_every_epoch_and_keeps_a_checkpoint(self):
        with open(os.path.join(self.run_dir, "log.csv")) as f:
            rows = f.read().strip().splitlines()
        self.assertEqual(rows[0], "epoch,train_loss,val_loss,val_dice,learning_rate,elapsed_s,best")
        self.assertEqual(len(rows), 3)
        self.assertTrue(os.path.exists(os.path.join(self.run_dir, "best.pt")))

    def test_every_epoch_and_the_start_are_kept_for_selection(self):
        self.assertEqual([epoch for epoch, _ in select.checkpoints(self.run_dir)], [0, 1, 2])
        start = torch.load(os.path.join(self.run_dir, "epoch-000.pt"))
        last = torch.load(os.path.join(self.run_dir, "epoch-002.pt"))
        self.assertEqual(start["config"]["negative_weight"], 3.0)
        changed = [k for k in start["state_dict"] if not torch.equal(start["state_dict"][k], last["state_dict"][k])]
        self.assertTrue(changed, "training left the weights at their start")

    def test_selection_measures_each_checkpoint_on_slices_with_masks_controls_and_the_val_split(self):
        folder = os.path.join(self.folder, "real")
        os.makedirs(os.path.join(folder, "images"))
        os.makedirs(os.path.join(folder, "masks"))
        hu = nifti.read(os.path.join(DEFAULT_COHORT, "images", "sim-003.nii.gz"))
        mask = nifti.read(os.path.join(DEFAULT_COHORT, "masks", "sim-003.nii.gz")) != 0
        lesion_slices = np.flatnonzero(mask.reshape(len(mask), -1).any(axis=1))[:3]
        for z in lesion_slices:  # exported at W1500/L-600 as 8-bit slices, as real slices arrive
            gray = np.clip((hu[z] + 1350.0) / 1500.0 * 255.0, 0, 255).round().astype(np.uint8)
            Image.fromarray(gray).save(os.path.join(folder, "images", f"{z}.png"))
            Image.fromarray(mask[z].astype(np.uint8) * 255).save(os.path.join(folder, "masks", f"{z}.png"))
        real = select.read_real_slices(os.path.join(folder, "images"), os.path.join(folder, "masks"), "1500/-600")
        self.assertEqual(len(real), 3)
        inside_window = np.clip(hu[lesion_slices[0]], -1350, 150)  # the 8-bit export clips to the window
        np.testing.assert_allclose(real[0][1], inside_window, atol=1500 / 255 / 2 + 1e-3)
        control = nifti.read(os.path.join(DEFAULT_COHORT, "images", "sim-017.nii.gz"))
        val = select.read_val_slices(self.manifest, "val", 2)
        rows = [select.measure(path, epoch, real, [control], val) for epoch, path in select.checkpoints(self.run_dir)]
        for row in rows:
            self.assertEqual((row.real_images, row.control_slices), (3, len(control)))
            self.assertEqual(row.lesions, sum(len(select.boxes(torch.from_numpy(mask[z].astype(np.float32)), 0.5, 0))
                                              for z in lesion_slices))
            self.assertGreater(row.val_slices, 0)
            for value in (row.real_sensitivity, row.hit_rate, row.dice, row.control_specificity, row.val_specificity):
                self.assertTrue(0.0 <= value <= 1.0)

    def test_onnx_follows_the_contract(self):
        model = onnx.load(self.onnx_path)
        onnx.checker.check_model(model)
        self.assertGreaterEqual(model.opset_import[0].version, 13)
        (image,), (probability,) = model.graph.input, model.graph.output
        self.assertEqual((image.name, probability.name), ("image", "probability"))
        dims = [d.dim_param or d.dim_value for d in image.type.tensor_type.shape.dim]
        self.assertEqual(dims, ["N", 1, 32, 32])
        self.assertNotIn("BatchNormalization", {n.op_type for n in model.graph.node})
        meta = {p.key: p.value for p in model.metadata_props}
        self.assertEqual(meta["covidct.architecture"], "unetpp")
        self.assertEqual(meta["covidct.window_level"], "-700")
        self.assertEqual(meta["covidct.input_height"], "32")
        self.assertNotIn("covidct.min_pixels", meta)  # the operating point is the pipeline's, not the model's
        self.assertNotIn("covidct.threshold", meta)
        self.assertEqual(len(meta["covidct.cohort_spec_sha256"]), 64)

    def test_evaluation_counts_every_test_image_and_patient(self):
        result = evaluate.evaluate(os.path.join(self.run_dir, "best.pt"), self.manifest, "test", 0.5, 25, 1)
        image, patient = result["per_image"], result["per_patient"]
        self.assertEqual(sum(image[k] for k in ("true_positives", "false_negatives", "true_negatives",
                                                "false_positives")), result["images"])
        with open(os.path.join(DEFAULT_COHORT, "cohort-card.json")) as f:
            card = {p["patient_id"]: p for p in json.load(f)["patients"]}
        test_ids = [pid for pid, split in SPLITS.items() if split == "test"]
        self.assertEqual(result["patients"], len(test_ids))
        self.assertEqual(result["images"], sum(card[pid]["slices"] for pid in test_ids))
        self.assertEqual(sum(patient[k] for k in ("true_positives", "false_negatives", "true_negatives",
                                                  "false_positives")), result["patients"])

    def test_parity_fixture_matches_the_checkpoint(self):
        folder = os.path.join(self.folder, "parity")
        parity.write(folder, {"tiny": os.path.join(self.run_dir, "best.pt")}, self.manifest, "sim-003")
        with open(os.path.join(folder, "fixture.json")) as f:
            spec = json.load(f)
        image = np.fromfile(os.path.join(folder, "image.f32"), "<f4").reshape(spec["shapes"]["image.f32"])
        expected = np.fromfile(os.path.join(folder, "probability.tiny.f32"), "<f4").reshape(image.shape)
        model, _ = export.load_checkpoint(os.path.join(self.run_dir, "best.pt"))
        with torch.no_grad():
            folded = export.fold_batch_norm(model).probability(torch.from_numpy(image))
        np.testing.assert_allclose(folded.numpy(), expected, atol=1e-5)
        hu = np.fromfile(os.path.join(folder, "hu.i16"), "<i2").reshape(spec["shapes"]["hu.i16"])
        np.testing.assert_allclose(slices_to_model_input(hu, 32, 32).numpy(), image, atol=1e-7)
        self.assertEqual(hu.shape, (2, 256, 256))

    def test_a_model_joins_the_parity_fixture_without_the_others_checkpoints(self):
        folder = os.path.join(self.folder, "parity-add")
        best = os.path.join(self.run_dir, "best.pt")
        parity.write(folder, {"first": best}, self.manifest, "sim-003")
        parity.write(folder, {"second": best}, self.manifest, "sim-003", add=True)
        with open(os.path.join(folder, "fixture.json")) as f:
            spec = json.load(f)
        self.assertEqual(list(spec["models"]), ["first", "second"])
        self.assertIn("probability.first.f32", spec["shapes"])
        with self.assertRaisesRegex(ValueError, "same HU slices"):
            parity.write(folder, {"third": best}, self.manifest, "sim-007", add=True)


if __name__ == "__main__":
    unittest.main()
