/// Greedy non-maximum suppression: keeps the best-scoring face and drops every other that
/// overlaps it by more than `threshold` IoU, repeatedly.
func suppressOverlaps(_ faces: [DetectedFace], threshold: Float) -> [DetectedFace] {
  var kept: [DetectedFace] = []
  for face in faces.sorted(by: { $0.score > $1.score })
  where kept.allSatisfy({ $0.box.intersectionOverUnion(with: face.box) <= threshold }) {
    kept.append(face)
  }
  return kept
}
