"""Training, export and evaluation of the CovidCt lesion models (PyTorch, not part of CI)."""
