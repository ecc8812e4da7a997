"""Trains a lesion model on a cohort manifest's train split, selecting the best epoch on its val split.

Writes into --out: config.json, log.csv (one row per epoch) and best.pt (the weights of the epoch with the
lowest validation loss). With --save-epochs also epoch-NNN.pt after every epoch (epoch-000.pt: the starting point of an
--init-onnx run), for choosing among them on real held-out slices with covidct_train.select instead of by simulated
validation loss, and with --export-epochs their ONNX files. --pack trains from a covidct_train.pack file instead of the
manifest and --device cuda on a GPU (training/gpu/run.sh). Seeded: the same command on the same machine gives the same
weights.
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
from .cohort import SliceSet, load_manifest, load_slices, sha256_of_file, validation_index
from .export import export_epoch
from .losses import supervised_loss
from .models import build
from .pack import load as load_pack
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


def _data(args) -> tuple[SliceSet, torch.Tensor, torch.Tensor, dict]:
    """Train slices, val images and targets, and what the config records about them: from the cohort manifest, or from
    a pack written by covidct_train.pack (on a machine that cannot build cohorts)."""
    if args.pack:
        train_set, val_images, val_targets, meta = load_pack(args.pack)
        if meta["size"] != args.size:
            raise ValueError(f"{args.pack}: packed at {meta['size']} pixels, but --size is {args.size}")
        # the packed val slices as pack chose them (lesion and lesion-free alike); choosing again would drop lesion-free
        # slices through the rounding of the even spacing, so only a --val-slices below the packed count chooses anew
        if args.val_slices < len(val_images):
            packed = SliceSet(val_images, val_targets, torch.ones(len(val_images), dtype=torch.bool), torch.zeros(len(val_images), dtype=torch.long),
                              torch.arange(len(val_images)), [])
            val_index = validation_index(packed, args.val_slices)
            val_images, val_targets = val_images[val_index], val_targets[val_index]
        return train_set, val_images, val_targets, {
            "cohort_spec_sha256": meta["cohort_spec_sha256"], "train_patients": meta["train_patients"],
            "val_patients": meta["val_patients"], "pack_contents": {k: v for k, v in meta.items() if k != "cohort_spec_sha256"}}
    entries = load_manifest(args.manifest)
    train_set = load_slices(entries, "train", args.size, args.size)
    val_set = load_slices(entries, "val", args.size, args.size)
    val_index = validation_index(val_set, args.val_slices)
    return train_set, val_set.images[val_index], val_set.targets[val_index], {
        "cohort_spec_sha256": sha256_of_file(args.cohort_spec or args.manifest),
        "train_patients": len(train_set.entries), "val_patients": len(val_set.entries)}


def train(args) -> None:
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    os.makedirs(args.out, exist_ok=True)
    train_set, val_images, val_targets, source = _data(args)
    known = train_set.known.nonzero().squeeze(1)
    has_lesion = train_set.targets.flatten(1).amax(dim=1) > 0
    positive = known[has_lesion[known]]
    negative = known[~has_lesion[known]]
    val_images, val_targets = val_images.to(device), val_targets.to(device)

    filters = parse_filters(args.filters)
    model = build(args.architecture, filters, args.deep_supervision)
    if args.init_onnx:
        load_folded(model, args.init_onnx)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    total_steps = args.epochs * args.steps_per_epoch
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=total_steps, pct_start=0.1)
    config = dict(vars(args), filters=list(filters), **source,
                  train_slices_with_lesion=len(positive), train_slices_without_lesion=len(negative),
                  val_slices_used=len(val_images), torch=torch.__version__)
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    print(json.dumps(config), flush=True)

    def save(path: str, epoch: int, val_loss: float) -> None:
        weights = {name: value.detach().cpu() for name, value in model.state_dict().items()}
        torch.save({"state_dict": weights, "config": config, "epoch": epoch, "val_loss": val_loss},
                   os.path.join(args.out, path))
        if args.export_epochs and path.startswith("epoch-"):
            export_epoch(os.path.join(args.out, path), args.export_epochs)

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
                x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
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
            if args.stop_after_s and elapsed > args.stop_after_s and epoch < args.epochs:
                # the one-cycle schedule is cut short: said in the log, so nobody mistakes the last epoch for a finished run
                print(f"stopped after epoch {epoch} of {args.epochs}: {elapsed:.0f} s > --stop-after-s {args.stop_after_s:g}", flush=True)
                break


def main() -> None:
    p = argparse.ArgumentParser(description="Train a CovidCt lesion model from a cohort manifest.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--manifest", help="cohort manifest CSV (patient_id,label,images,masks,split)")
    source.add_argument("--pack", help="a training pack written by covidct_train.pack (for a machine without .NET)")
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
    p.add_argument("--device", default="cpu", help="torch device: cpu, or cuda on a lent GPU machine")
    p.add_argument("--export-epochs", metavar="VERSION",
                   help="with --save-epochs: also export every epoch-NNN.pt to epoch-NNN.onnx with covidct.version VERSION")
    p.add_argument("--stop-after-s", type=float, default=0.0,
                   help="end after the first epoch that finishes later than this many seconds (0: never)")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    if args.export_epochs and not args.save_epochs:
        p.error("--export-epochs needs --save-epochs")
    if args.pack and args.cohort_spec:
        p.error("--cohort-spec belongs to covidct_train.pack, which stores its SHA-256 in the pack")
    if not args.negative_weight > 0:
        p.error(f"--negative-weight must be a positive number, got {args.negative_weight}")
    train(args)


if __name__ == "__main__":
    main()
