import Foundation
import Hummingbird
import LoupeServices
import LoupeStore

/// `POST /v1/blobs`: uploads a file (raw body) and answers the `loupe://blob/<id>` URL that
/// image and video inputs accept. `DELETE /v1/blobs/{sha256}`: gives it up (the file goes once
/// no app holds it).
struct BlobRoutes {
  let blobs: BlobStore

  struct Uploaded: Encodable {
    var blobID: String
    var url: String
    var size: Int

    enum CodingKeys: String, CodingKey {
      case url, size
      case blobID = "blob_id"
    }
  }

  func add(to group: RouterGroup<AppRequestContext>) {
    group.post("blobs") { _, context in
      let bytes = Data(context.rawBody.readableBytesView)
      guard !bytes.isEmpty else { throw PAIError.parameter("blob body is empty") }
      let id = try await blobs.put(bytes, appID: context.app.id)
      return try EnvelopeResponse.success(
        Uploaded(blobID: id, url: MediaSource.blobPrefix + id, size: bytes.count),
        requestID: context.requestID
      )
    }
    group.delete("blobs/:id") { _, context in
      let id = try context.parameters.require("id")
      guard try await blobs.delete(id: id, appID: context.app.id) else { throw PAIError.blobNotFound }
      return try EnvelopeResponse.success(Deleted(blobID: id), requestID: context.requestID)
    }
  }

  struct Deleted: Encodable {
    var blobID: String

    enum CodingKeys: String, CodingKey {
      case blobID = "blob_id"
    }
  }
}
