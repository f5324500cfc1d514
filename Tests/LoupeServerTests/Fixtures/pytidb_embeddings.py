"""pytidb's own EmbeddingFunction (through litellm) against `loupe serve`.

argv: base_url key photo_folder image_base_url. Prints one JSON object: the dimension pytidb
inferred, each input kind's vector length, and the cosine of each photo's embedding with each
query, for the Swift test to judge.
"""
import json
import math
import sys
from pathlib import Path

from PIL import Image
from pytidb.embeddings import EmbeddingFunction

base_url, key, folder, image_base = sys.argv[1:5]
function = EmbeddingFunction(
    model_name="jina_ai/loupe-semantic",
    api_key=key,
    api_base=base_url + "/v1",
    multimodal=True,
    caching=False,
)


def cosine(a, b):
    return sum(x * y for x, y in zip(a, b)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


photos = {
    "chelsea.png": "an orange tabby cat",
    "coffee.png": "a cup of coffee",
    "rocket.jpg": "a rocket on the launch pad",
    "motorcycle_left.png": "a motorcycle",
}
folder = Path(folder)
vectors = {
    "text": function.get_query_embedding("orange tabby cat", "text"),
    "pil": function.get_query_embedding(Image.open(folder / "chelsea.png"), "image"),
    "file": function.get_source_embedding(folder / "coffee.png", "image"),
    "url": function.get_source_embedding(f"{image_base}/rocket.jpg", "image"),
}
photo_vectors = function.get_source_embeddings([folder / name for name in photos], "image")
query_vectors = function.get_source_embeddings(list(photos.values()), "text")
print(
    json.dumps(
        {
            "dimensions": function.dimensions,
            "lengths": {kind: len(vector) for kind, vector in vectors.items()},
            "similarity": {
                photo: {query: cosine(p, q) for query, q in zip(photos.values(), query_vectors)}
                for photo, p in zip(photos, photo_vectors)
            },
            "queries": photos,
            "pil_equals_file": cosine(vectors["pil"], photo_vectors[0]),
        }
    )
)
