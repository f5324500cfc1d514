import LoupeRuntime

extension ModelCatalog {
  /// AnimeFace 2009's `libnvxs` (nvxs 1.0.2, by nagadomi), as the python-animeface wheel builds
  /// it: a C library with its detector, part-regression and colour networks compiled in, loaded
  /// with `dlopen` by `AnimeFaceDetector`. The wheel's Python code is Apache-2.0; the library NYSL.
  public static let animeFace = ModelFile(
    id: "animeface_nvxs",
    package: "animeface==2.0.3",
    path: "animeface/animeface.libs/libnvxs-07331812.so.0.0.0",
    sha256: "a0bcc9efa3df3aa6e9f6f3f762ac4d2911e52e2b6b1d25668dc130d48054be64",
    licence: "NYSL 0.9982 (AnimeFace 2009, MLP weights compiled in)"
  )
}
