import Foundation
import Hummingbird
import LoupeServices
import NIOCore

/// The library's signed URLs, which carry their authority in the path and so take no
/// `Authorization` header (the official client sends none to a presigned URL):
/// `PUT /v0/uploads/{token}` streams one upload to disk within its size limit, and
/// `GET /v0/files/{kind}/{token}` serves a video, thumbnail or reference image with single
/// byte ranges, so a browser `<video>` can seek.
struct SignedFileRoutes {
  let media: LibraryActions
  let fileIO = FileIO()

  func add(to group: RouterGroup<LoupeRequestContext>) {
    group.put("uploads/:token") { request, context in
      let token = try context.parameters.require("token")
      let writer = try media.beginUpload(
        token: token,
        contentType: request.headers[.contentType],
        declaredLength: request.headers[.contentLength].flatMap(Int.init)
      )
      do {
        for try await chunk in request.body {
          try chunk.withUnsafeReadableBytes { try writer.write($0) }
        }
        try await media.finish(writer)
      } catch {
        writer.abort()
        throw error
      }
      return Response(status: .ok)
    }
    for (kind, grant) in [
      ("video", SignedToken.Grant.video), ("playback", .playback), ("thumbnail", .thumbnail),
      ("reference-image", .referenceImage),
    ] {
      group.get("files/\(kind)/:token") { request, context in
        try await serve(grant, request: request, context: context)
      }
      group.head("files/\(kind)/:token") { request, context in
        var response = try await serve(grant, request: request, context: context)
        response.body = ResponseBody()
        return response
      }
    }
  }

  private func serve(
    _ grant: SignedToken.Grant,
    request: Request,
    context: LoupeRequestContext
  ) async throws
    -> Response
  {
    let (file, contentType) = try await media.mediaFile(token: try context.parameters.require("token"), grant: grant)
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
      let size = attributes[.size] as? Int
    else { throw LibraryFailure.notFound("file") }
    var headers: HTTPFields = [.contentType: contentType, .acceptRanges: "bytes"]
    headers[.cacheControl] = "private, max-age=300"
    let range: ByteRange?
    do {
      range = try ByteRange.parse(request.headers[.range], size: size)
    } catch {
      headers[.contentRange] = "bytes */\(size)"
      return Response(status: .rangeNotSatisfiable, headers: headers)
    }
    guard let range else {
      headers[.contentLength] = String(size)
      return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: file.path, context: context))
    }
    headers[.contentRange] = "bytes \(range.lower)-\(range.upper)/\(size)"
    headers[.contentLength] = String(range.upper - range.lower + 1)
    return Response(
      status: .partialContent,
      headers: headers,
      body: try await fileIO.loadFile(path: file.path, range: range.lower...range.upper, context: context)
    )
  }
}
