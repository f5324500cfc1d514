import Metrics
import Prometheus
import Synchronization

/// swift-metrics allows one bootstrap per process; servers started later in the same process
/// (tests start several) share the first registry.
enum MetricsBootstrap {
  private static let registry = Mutex<PrometheusCollectorRegistry?>(nil)

  static func sharedRegistry() -> PrometheusCollectorRegistry {
    registry.withLock { current in
      if let current { return current }
      let created = PrometheusCollectorRegistry()
      MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
      current = created
      return created
    }
  }
}
