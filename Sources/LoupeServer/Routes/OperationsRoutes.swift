import Hummingbird
import Prometheus

/// Unauthenticated operational endpoints: liveness and Prometheus metrics. The server binds to
/// loopback by default; expose it deliberately.
struct OperationsRoutes {
  let registry: PrometheusCollectorRegistry

  func add(to router: Router<LoupeRequestContext>) {
    router.get("healthz") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#))
      )
    }
    router.get("metrics") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
      )
    }
  }
}
