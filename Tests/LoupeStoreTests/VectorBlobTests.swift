import Foundation
import LoupeStore
import Testing

@Suite struct VectorBlobTests {
  @Test func storesLittleEndianFloat32() {
    #expect([UInt8](VectorBlob.data([1, -2.5])) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0])
  }

  @Test func readsBackWhatItStored() {
    let vector: [Float] = [0, 1, -1, .pi, 1e-30, -.greatestFiniteMagnitude]
    #expect(VectorBlob.vector(VectorBlob.data(vector)) == vector)
  }

  @Test func readsASliceThatDoesNotStartAtZero() {
    let blob = Data([0xFF]) + VectorBlob.data([0.5, 2])
    #expect(VectorBlob.vector(blob.dropFirst()) == [0.5, 2])
  }
}
