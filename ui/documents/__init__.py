"""The «Документы» tab's parts: the pair chooser, the preview, the register, printing, the worker."""
