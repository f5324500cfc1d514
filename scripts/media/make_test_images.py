"""Test images for LoupeMediaTests, made from scikit-image's public-domain astronaut photo.

Writes <out>/astronaut.{png,jpg,gif,webp,ico,bmp,tiff}, a lossless WebP, a 16-bit grey PNG,
an RGBA PNG, and a JPEG whose pixels are stored rotated with EXIF orientation 6 (display
= rotate 90 degrees clockwise), so a decoder that honours EXIF gets back the upright photo.
"""

import os
import sys

import numpy as np
from PIL import Image
from skimage import data

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
photo = Image.fromarray(data.astronaut())  # 512 x 512 RGB
wide = photo.crop((0, 128, 512, 384))  # 512 x 256, so rotation is visible in the shape

photo.save(f"{out}/astronaut.png")
photo.save(f"{out}/astronaut.jpg", quality=92)
photo.save(f"{out}/astronaut.gif")
photo.save(f"{out}/astronaut.webp", quality=90)
photo.save(f"{out}/astronaut-lossless.webp", lossless=True)
photo.resize((256, 256), Image.LANCZOS).save(f"{out}/astronaut.ico", sizes=[(256, 256)])
photo.save(f"{out}/astronaut.bmp")
photo.save(f"{out}/astronaut.tiff")
wide.save(f"{out}/wide.png")

# Stored as the image rotated 90 degrees counter-clockwise; orientation 6 says "rotate 90 CW to display".
stored = wide.transpose(Image.Transpose.ROTATE_90)
exif = Image.Exif()
exif[0x0112] = 6
stored.save(f"{out}/wide-exif-rotated.jpg", quality=95, exif=exif.tobytes())

grey16 = (np.asarray(photo.convert("L"), dtype=np.uint16) * 257).astype(np.uint16)
Image.fromarray(grey16).save(f"{out}/astronaut-grey16.png")
rgba = photo.convert("RGBA")
alpha = np.asarray(rgba).copy()
alpha[:, :256, 3] = 0
Image.fromarray(alpha).save(f"{out}/astronaut-rgba.png")
