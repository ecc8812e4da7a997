"""Checkpoint selection on real held-out slices: lesion-level counting, the criterion and the negative weighting."""
import contextlib
import io
import json
import os
import tempfile
import unittest

import numpy as np
import torch
import torch.nn.functional as F

from covidct_train.lesions import boxes, match
from covidct_train.losses import bce_dice
from covidct_train.postprocess import label_components
from covidct_train.realism import components
from covidct_train.select import Measured, choose, held_out_conflicts


_SPECS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "datasets", "specs")


def row(epoch, sensitivity=0.9, hit_rate=0.3, dice=0.4, control=0.93, val=0.9, held_out=0.9) -> Measured:
    return Measured(epoch, 50, sensitivity, 385, hit_rate, 1.0, dice, 140, control, 0, 200, val, 140, held_out, 0)


class LesionCountingTest(unittest.TestCase):
    def test_boxes_enclose_components_larger_than_min_pixels(self):
        probability = torch.zeros(20, 20)
        probability[2:8, 3:9] = 0.9  # 36 pixels: kept
        probability[12:17, 12:17] = 0.7  # 25 pixels: not more than 25, dropped
        probability[0, 19] = 0.4  # below the threshold
        self.assertEqual(boxes(probability, 0.5, 25), [(2, 3, 8, 9)])

    def test_a_box_hits_the_lesions_it_overlaps_and_a_box_on_none_is_false(self):
        mask = torch.zeros(10, 10, dtype=torch.uint8)
        mask[1:3, 1:3] = 1  # lesion A, 4 pixels
        mask[6:8, 6:8] = 1  # lesion B, 4 pixels
        mask[0, 9] = 1  # lesion C, 1 pixel
        counted = match([(2, 2, 4, 4), (4, 0, 6, 2)], mask)  # the first grazes A's corner pixel, the second is on none
        self.assertEqual((counted.lesions, counted.lesions_hit, counted.boxes, counted.false_boxes), (3, 1, 2, 1))
        # truth 9 pixels, boxes cover 8, shared 1 (A's pixel (2, 2)): Dice 2 / 17
        self.assertAlmostEqual(counted.dice, 2 / 17)

    def test_no_truth_and_no_box_is_a_dice_of_one_and_a_box_on_an_empty_mask_zero(self):
        empty = torch.zeros(4, 4)
        self.assertEqual(match([], empty).dice, 1.0)
        self.assertEqual(match([(0, 0, 2, 2)], empty).dice, 0.0)
        self.assertEqual(match([(0, 0, 2, 2)], empty).false_boxes, 1)


class CriterionTest(unittest.TestCase):
    def test_the_highest_hit_rate_among_checkpoints_no_less_specific_than_the_start_wins(self):
        rows = [row(0, hit_rate=0.30),
                row(1, hit_rate=0.50, control=0.90),  # more hits bought with control false positives
                row(2, hit_rate=0.45, val=0.85),  # more hits bought with simulated false positives
                row(3, hit_rate=0.60, sensitivity=0.80),  # below the sensitivity floor
                row(4, hit_rate=0.40, dice=0.45),
                row(5, hit_rate=0.40, dice=0.50, control=0.95, val=0.95)]
        self.assertEqual(choose(rows).epoch, 5)

    def test_ties_go_to_the_earlier_epoch_and_the_start_itself_can_win(self):
        self.assertEqual(choose([row(0), row(1), row(2, hit_rate=0.2)]).epoch, 0)

    def test_given_floors_replace_the_start_and_nothing_eligible_gives_none(self):
        rows = [row(0, control=0.5, val=0.5), row(1, hit_rate=0.5, control=0.96, val=0.96), row(2, hit_rate=0.6)]
        self.assertEqual(choose(rows).epoch, 2)
        self.assertEqual(choose(rows, min_control_specificity=0.95, min_val_specificity=0.95).epoch, 1)
        self.assertIsNone(choose(rows, min_sensitivity=0.95))

    def test_without_a_start_the_floors_must_be_given(self):
        with self.assertRaisesRegex(ValueError, "epoch-000"):
            choose([row(3)])
        self.assertEqual(choose([row(3)], min_control_specificity=0.9, min_val_specificity=0.9).epoch, 3)


class HeldOutSeriesTest(unittest.TestCase):
    def test_the_held_out_series_takes_no_part_in_the_choice(self):
        rows = [row(0, hit_rate=0.30, held_out=0.99), row(1, hit_rate=0.40, held_out=0.10),
                row(2, hit_rate=0.35, held_out=1.00)]
        self.assertEqual(choose(rows).epoch, 1)  # the worst held-out specificity, yet the most hits: chosen

    def test_a_held_out_series_that_chooses_or_built_the_cohort_is_refused(self):
        with tempfile.TemporaryDirectory() as folder:
            manifest = os.path.join(folder, "manifest.csv")
            with open(os.path.join(folder, "cohort-card.json"), "w") as f:
                json.dump({"patients": [{"source": "procedural"}, {"source": "lidc-idri/LIDC-IDRI-0001"}]}, f)
            lidc = "/data/lidc-idri"
            self.assertEqual(held_out_conflicts([f"{lidc}/LIDC-IDRI-0003"], [f"{lidc}/LIDC-IDRI-0001"], manifest), [])
            built = held_out_conflicts([f"{lidc}/LIDC-IDRI-0001/"], [], manifest)
            self.assertEqual(len(built), 1)
            self.assertIn("trained or validated on it", built[0])
            both = held_out_conflicts([f"{lidc}/LIDC-IDRI-0003"], [f"{lidc}/LIDC-IDRI-0003"], manifest)
            self.assertIn("also a --control-series", both[0])

    def test_a_cohort_without_its_card_is_named_in_a_warning(self):
        with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stderr(io.StringIO()) as err:
            self.assertEqual(held_out_conflicts(["/data/LIDC-IDRI-0003"], [], os.path.join(folder, "manifest.csv")), [])
        self.assertIn("cohort-card.json not found", err.getvalue())

    def test_no_realistic_training_spec_uses_the_held_out_series(self):
        # README "Training on a lent GPU": select chooses on LIDC-IDRI-0001 and holds LIDC-IDRI-0003 out; every cohort
        # a fine-tune from unetpp-v2 trains on (the realistic specs) must leave it out of every split
        checked = 0
        for name in sorted(os.listdir(_SPECS)):
            with open(os.path.join(_SPECS, name)) as f:
                spec = json.load(f)
            if spec.get("lesions") != "realistic":
                continue
            checked += 1
            series = [entry["series"] for entry in spec.get("realCt", [])]
            self.assertFalse([s for s in series if "LIDC-IDRI-0003" in s], f"{name} uses the held-out LIDC-IDRI-0003")
        self.assertGreaterEqual(checked, 4)


class NegativeWeightTest(unittest.TestCase):
    def test_weight_one_is_the_plain_loss_and_more_weighs_only_lesion_free_slices(self):
        g = torch.Generator().manual_seed(0)
        logits = torch.randn(2, 1, 8, 8, generator=g)
        targets = torch.zeros(2, 1, 8, 8)
        targets[1, 0, 2:5, 2:5] = 1  # slice 0 is lesion-free, slice 1 holds a lesion
        plain = bce_dice(logits, targets)
        self.assertTrue(torch.allclose(plain, bce_dice(logits, targets, negative_weight=1.0)))
        free_bce = F.binary_cross_entropy_with_logits(logits[:1], targets[:1])
        # the lesion-free slice's cross-entropy counts 3 times instead of once, over the same batch of 2
        self.assertTrue(torch.allclose(bce_dice(logits, targets, negative_weight=3.0), plain + 2 * free_bce / 2))


if __name__ == "__main__":
    unittest.main()


class LabelComponentsTest(unittest.TestCase):
    def test_labels_match_a_flood_fill_and_each_component_carries_its_largest_pixel_id(self):
        g = torch.Generator().manual_seed(3)
        masks = torch.rand(4, 40, 50, generator=g) > 0.45
        masks[0] = False
        masks[0, 1::2, 1:-1] = True  # a snake: odd rows joined alternately at the right and left ends
        masks[0, 2::4, -2] = True
        masks[0, 4::4, 1] = True
        labels = label_components(masks)
        for mask, label in zip(masks.numpy(), labels.numpy()):
            parts = components(mask)
            self.assertEqual(len(np.unique(label[mask])), len(parts))
            for part in parts:
                self.assertEqual(set(label.flat[part]), {part.max() + 1})
            self.assertTrue((label[~mask] == 0).all())
        self.assertEqual(len(components(masks[0].numpy())), 1)
