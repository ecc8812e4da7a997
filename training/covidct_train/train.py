"""Trains a lesion model on a cohort manifest's train split, selecting the best epoch on its val split.

Writes into --out: config.json, log.csv (one row per epoch) and best.pt (the weights of the epoch with the
lowest validation loss). With --save-epochs also epoch-NNN.pt after every epoch (epoch-000.pt: the starting point of an
--init-onnx run), for choosing among them on real held-out slices with covidct_train.select instead of by simulated
validation loss. Seeded: the same command on the same machine gives the same weights.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import time

import numpy as np
import torch

from .augment import augment
from .cohort import load_manifest, load_slices, sha256_of_file
from .losses import supervised_loss
from .models import build
from .transfer import thick_slices, transfer_augment
from .warm_start import freeze_batch_norm, load_folded


def parse_filters(text: str) -> tuple[int, ...]:
    return tuple(int(f) for f in text.split(","))


def _batch_indices(positive: torch.Tensor, negative: torch.Tensor, batch: int, g: torch.Generator) -> torch.Tensor:
    """Half the batch from slices with lesion, half without (lesion slices are the minority)."""
    half = batch // 2 if len(positive) else 0
    pos = positive[torch.randint(len(positive), (half,), generator=g)] if half else positive[:0]
    neg = negative[torch.randint(len(negative), (batch - half,), generator=g)]
    return torch.cat([pos, neg])


def _evenly_spaced(index: torch.Tensor, count: int) -> torch.Tensor:
    """At most ``count`` entries of ``index``, evenly spread over it (all of them when there are fewer)."""
    step = max(1, -(-len(index) // max(1, count)))
    return index[::step]


@torch.no_grad()
def validation_loss(model, images, targets, batch: int = 32) -> tuple[float, float]:
    """Mean loss over the validation slices and the pooled Dice at probability 0.5 (NaN when neither the
    targets nor the predictions hold a lesion pixel: Dice is undefined there, logged as 'undefined')."""
    model.eval()
    losses, inter, total = [], 0.0, 0.0
    for start in range(0, len(images), batch):
        x, y = images[start:start + batch], targets[start:start + batch]
        outputs = model(x)
        losses.append(supervised_loss(outputs, y).item() * len(x))
        predicted = (model.probability(x) >= 0.5).float()
        inter += (predicted * y).sum().item()
        total += predicted.sum().item() + y.sum().item()
    dice = 2 * inter / total if total else float("nan")
    return sum(losses) / len(images), dice


def train(args) -> None:
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    entries = load_manifest(args.manifest)
    train_set = load_slices(entries, "train", args.size, args.size)
    val_set = load_slices(entries, "val", args.size, args.size)
    known = train_set.known.nonzero().squeeze(1)
    has_lesion = train_set.targets.flatten(1).amax(dim=1) > 0
    positive = known[has_lesion[known]]
    negative = known[~has_lesion[known]]
    val_known = val_set.known.nonzero().squeeze(1)
    # a fixed, evenly spread subset keeps validation affordable on CPU; half of it without lesion, so that
    # false positives on control findings (nodules, consolidation, atelectasis) weigh in model selection
    val_has_lesion = val_set.targets[val_known].flatten(1).amax(dim=1) > 0
    half = args.val_slices // 2
    val_index = torch.cat([_evenly_spaced(val_known[val_has_lesion], half),
                           _evenly_spaced(val_known[~val_has_lesion], args.val_slices - half)])
    val_images, val_targets = val_set.images[val_index], val_set.targets[val_index]

    filters = parse_filters(args.filters)
    model = build(args.architecture, filters, args.deep_supervision)
    if args.init_onnx:
        load_folded(model, args.init_onnx)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    total_steps = args.epochs * args.steps_per_epoch
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=total_steps, pct_start=0.1)
    config = dict(vars(args), filters=list(filters), cohort_spec_sha256=sha256_of_file(args.cohort_spec or args.manifest),
                  train_patients=len(train_set.entries), val_patients=len(val_set.entries),
                  train_slices_with_lesion=len(positive), train_slices_without_lesion=len(negative),
                  val_slices_used=len(val_index), torch=torch.__version__)
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    print(json.dumps(config), flush=True)

    def save(path: str, epoch: int, val_loss: float) -> None:
        torch.save({"state_dict": model.state_dict(), "config": config, "epoch": epoch, "val_loss": val_loss},
                   os.path.join(args.out, path))

    if args.save_epochs:
        save("epoch-000.pt", 0, validation_loss(model, val_images, val_targets)[0])
    g = torch.Generator().manual_seed(args.seed)
    best = float("inf")
    started = time.time()
    with open(os.path.join(args.out, "log.csv"), "w", newline="") as log_file:
        log = csv.writer(log_file)
        log.writerow(["epoch", "train_loss", "val_loss", "val_dice", "learning_rate", "elapsed_s", "best"])
        for epoch in range(1, args.epochs + 1):
            model.train()
            if args.init_onnx:
                freeze_batch_norm(model)
            running = 0.0
            for _ in range(args.steps_per_epoch):
                index = _batch_indices(positive, negative, args.batch, g)
                if args.augment == "transfer":
                    images = thick_slices(train_set.images, train_set.patient, index, g)
                    x, y = transfer_augment(images, train_set.targets[index], g)
                else:
                    x, y = augment(train_set.images[index], train_set.targets[index], g)
                loss = supervised_loss(model(x), y, args.negative_weight)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                scheduler.step()
                running += loss.item()
            val_loss, val_dice = validation_loss(model, val_images, val_targets)
            improved = val_loss < best
            if improved:
                best = val_loss
                save("best.pt", epoch, val_loss)
            if args.save_epochs:
                save(f"epoch-{epoch:03d}.pt", epoch, val_loss)
            elapsed = time.time() - started
            log.writerow([epoch, f"{running / args.steps_per_epoch:.5f}", f"{val_loss:.5f}", "undefined" if val_dice != val_dice else f"{val_dice:.4f}",
                          f"{scheduler.get_last_lr()[0]:.6f}", f"{elapsed:.0f}", int(improved)])
            log_file.flush()
            print(f"epoch {epoch} train {running / args.steps_per_epoch:.4f} val {val_loss:.4f} "
                  f"dice {val_dice:.3f} {elapsed:.0f}s{' *' if improved else ''}", flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description="Train a CovidCt lesion model from a cohort manifest.")
    p.add_argument("--manifest", required=True, help="cohort manifest CSV (patient_id,label,images,masks,split)")
    p.add_argument("--cohort-spec", help="the cohort spec file whose SHA-256 goes into the model (default: manifest)")
    p.add_argument("--architecture", choices=["unetpp", "unet"], default="unetpp")
    p.add_argument("--filters", default="8,16,32,64,128")
    p.add_argument("--deep-supervision", action="store_true")
    p.add_argument("--size", type=int, default=128, help="square training size in pixels")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--steps-per-epoch", type=int, default=50)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--val-slices", type=int, default=256,
                   help="validation slices, half with lesion and half without, evenly spread over the val split")
    p.add_argument("--augment", choices=["study", "transfer"], default="study",
                   help="study: intensity, blur, noise, geometry (v1, v2); transfer: also quarter turns, slice "
                        "thickness, reconstruction kernels, scanner noise, 8-bit window export with JPEG and a "
                        "guessed re-import window, crops and padding (v3)")
    p.add_argument("--init-onnx", help="start from this shipped model's weights (same architecture and filters, "
                                        "no --deep-supervision); its batch norms stay frozen as the identity")
    p.add_argument("--negative-weight", type=float, default=1.0,
                   help="multiplies the cross-entropy of slices without lesion (controls, confounders); 1 = unweighted")
    p.add_argument("--save-epochs", action="store_true",
                   help="also write epoch-NNN.pt after every epoch (and epoch-000.pt, the start) for covidct_train.select")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    if not args.negative_weight > 0:
        p.error(f"--negative-weight must be a positive number, got {args.negative_weight}")
    train(args)


if __name__ == "__main__":
    main()
