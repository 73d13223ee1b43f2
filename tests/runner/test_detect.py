"""detect_framework: the framework a script needs, from its imports."""

from __future__ import annotations

import pytest

from gradrepl.runner.detect import detect_framework


@pytest.mark.parametrize(("source", "expected"), [
    ("import torch\n", "torch"),
    ("import torch.nn as nn\n", "torch"),
    ("from torch import nn\n", "torch"),
    ("import tensorflow as tf\n", "tensorflow"),
    ("from tensorflow import keras\n", "tensorflow"),
    ("import keras\n", "tensorflow"),
    ("import numpy as np\nx = 1\n", None),
    ("", None),
    ("import fakegrad\n", "fake"),
    ("def f():\n    import torch\n    return torch\n", "torch"),
    ("try:\n    import tensorflow\nexcept ImportError:\n    pass\n", "tensorflow"),
    ("import numpy\nimport tensorflow as tf\nimport torch\n", "tensorflow"),
    ("from .torch import x\n", None),
    ("# import torch\ns = 'import torch'\n", None),
    ("import torch\nx = (\n", "torch"),  # does not parse: scanned by line
    ("x = (\nimport tensorflow as tf\n", "tensorflow"),
])
def test_detect_framework(source: str, expected: str | None) -> None:
    assert detect_framework(source) == expected
